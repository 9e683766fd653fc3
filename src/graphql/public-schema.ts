import { getOperationAST, GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { rejectedKey } from '../auth/viewer.ts';
import type { Context } from './context.ts';

const SCHEMA_FIELDS = new Set(['__schema', '__type', '__typename']);

/** True when an operation asks only about the schema (`__schema`, `__type`, `__typename`), which is public. */
export function asksOnlyForSchema(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const onlySchema = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return SCHEMA_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return onlySchema(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      return onlySchema(fragment.selectionSet, new Set([...seen, s.name.value]));
    });
  return onlySchema(operation.selectionSet, new Set());
}

/**
 * The schema is public (schema.graphql is in the repository), so introspection answers with a
 * missing, placeholder or wrong key, and GraphiQL can load it before a key is typed. Anything else
 * sent with a key we do not know is refused whole, saying the key is wrong.
 */
export const useSchemaWithoutKey = (): Plugin<Context> => ({
  onExecute: ({ args, setResultAndStopExecution }) => {
    if (!args.contextValue.keyRejected || asksOnlyForSchema(args.document, args.operationName)) return;
    const error = rejectedKey();
    setResultAndStopExecution({ errors: [new GraphQLError(error.message, { originalError: error, extensions: { code: error.code } })] });
  },
});
