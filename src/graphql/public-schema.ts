import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { rejectedKey } from '../auth/viewer.ts';
import type { Context } from './context.ts';
import { asGraphQLError } from './errors.ts';

const SCHEMA_FIELDS = new Set(['__schema', '__type', '__typename']);

/** True when an operation asks only about the schema (`__schema`, `__type`, `__typename`), which is public. */
export function asksOnlyForSchema(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Each fragment is looked at once, however often it is spread.
  const known = new Map<string, boolean>();
  const onlySchema = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return SCHEMA_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return onlySchema(s.selectionSet);
      const name = s.name.value;
      if (!known.has(name)) {
        known.set(name, false);
        const fragment = fragments.get(name);
        known.set(name, fragment !== undefined && onlySchema(fragment.selectionSet));
      }
      return known.get(name)!;
    });
  return onlySchema(operation.selectionSet);
}

/**
 * The schema is public (schema.graphql is in the repository), so introspection answers with a
 * missing, placeholder or wrong key, and GraphiQL can load it before a key is typed. Anything else
 * sent with a key we do not know is refused whole, saying the key is wrong.
 */
export const useSchemaWithoutKey = (): Plugin<Context> => ({
  onExecute: ({ args, setResultAndStopExecution }) => {
    if (!args.contextValue.keyRejected || asksOnlyForSchema(args.document, args.operationName)) return;
    setResultAndStopExecution({ errors: [asGraphQLError(rejectedKey())] });
  },
});
