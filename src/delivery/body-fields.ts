import type { TargetField } from '../targets/target-config.ts';
import { variableName } from '../targets/target-config.ts';

/** A field's value: TEXT as written, VARIABLE looked up (missing variables are null). */
export function fieldValue(field: TargetField, variables: Record<string, unknown>): unknown {
  if (field.type === 'TEXT') return field.value;
  const name = variableName(field.value);
  return Object.hasOwn(variables, name) ? variables[name] : null;
}

/** A field rendered as text, for query parameters and headers. */
export function fieldText(field: TargetField, variables: Record<string, unknown>): string {
  const v = fieldValue(field, variables);
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : String(v);
}

/** An object without a prototype: a key such as `__proto__` is then plain data, never Object.prototype. */
const bare = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/**
 * Builds a JSON body from fields: dot notation nests (`multimedia.url` → {multimedia: {url}}), and
 * `[]` makes an array (`tags[]`): an array value fills it, anything else is appended. Every object
 * is built without a prototype, so even a hostile key stored past validation cannot pollute one.
 */
export function buildBody(fields: TargetField[], variables: Record<string, unknown>): Record<string, unknown> {
  const body = bare();
  for (const field of fields) {
    const value = fieldValue(field, variables);
    const segments = field.key.split('.');
    let node: Record<string, unknown> = body;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const isArray = segment.endsWith('[]');
      const name = isArray ? segment.slice(0, -2) : segment;
      if (isArray) {
        const list = (Array.isArray(node[name]) ? node[name] : (node[name] = [])) as unknown[];
        if (last) {
          if (Array.isArray(value)) list.push(...value);
          else list.push(value);
          return;
        }
        const nextKey = segments[i + 1]!.replace(/\[\]$/, '');
        let tail = list[list.length - 1] as Record<string, unknown> | undefined;
        if (!tail || typeof tail !== 'object' || nextKey in tail) list.push((tail = bare()));
        node = tail;
        return;
      }
      if (last) {
        node[name] = value;
        return;
      }
      if (typeof node[name] !== 'object' || node[name] === null || Array.isArray(node[name])) node[name] = bare();
      node = node[name] as Record<string, unknown>;
    });
  }
  return body;
}
