import { LIMITS } from './rules.ts';

export type JsonTextProblem = { field: string; message: string };

const BACKSLASH = 0x5c;

/**
 * Reads a JSON text's structure before JSON.parse builds it: objects and arrays nested at most
 * LIMITS.nesting deep, and no key given twice in one object (JSON.parse would silently keep the
 * last). Only structure is read; whether the text is valid JSON is still JSON.parse's to judge.
 * The field path is kept as one frame per open object or array and joined only for a report.
 */
export function jsonTextProblem(text: string, maxDepth: number = LIMITS.nesting): JsonTextProblem | null {
  // Per open container: its keys so far (objects) or null (arrays), and the key or index being read.
  const frames: { keys: Set<string> | null; at: string | number }[] = [];
  const field = () => frames.map((f) => f.at).join('.');
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return null;
      const top = frames.at(-1);
      if (expectKey && top?.keys) {
        const key = keyText(text.slice(i, end + 1));
        if (key === null) return null;
        top.at = key;
        if (top.keys.has(key)) return { field: field(), message: 'is given more than once; a key may appear once in an object' };
        top.keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      if (frames.length === maxDepth) return { field: field() || 'body', message: `must not nest objects and arrays more than ${maxDepth} levels deep` };
      frames.push(c === '{' ? { keys: new Set(), at: '' } : { keys: null, at: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      frames.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = frames.at(-1);
      if (top?.keys) expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** The index of the quote that closes the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let end = text.indexOf('"', start + 1); end >= 0; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
  }
  return -1;
}

/** A key as JSON.parse reads it (`"mess\u0061ge"` is `message`); null when its escapes are malformed. */
function keyText(quoted: string): string | null {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}
