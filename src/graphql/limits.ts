import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  getOperationAST,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { Context } from './context.ts';
import { asGraphQLError } from './errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './lists.ts';

/**
 * Limits on what one document may ask for; generous for real clients, fatal for abuse. `maxNodes`
 * bounds the list items a document may plan (every list at its page size, multiplied down nested
 * lists) and `maxListedNodes` the list items an answer really holds, counted as lists resolve.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 30,
  maxTokens: 2000,
  maxNodes: 10_000,
  maxListedNodes: 5_000,
} as const;

/**
 * A list without paging counts as this many items: a delivery's attempts (its retry schedule has 8
 * by default), an integration's connections. Longer ones are caught by `maxListedNodes`.
 */
const UNPAGED_LIST_SIZE = 10;

type Variables = Record<string, unknown> | null | undefined;

/** The page size a list field will use: its `first` (or `input.first`), else the default; clamped as the resolver clamps it. */
function pageSizeOf(field: FieldNode, variables: Variables): number {
  const valueOf = (node: ValueNode | undefined): unknown => (node?.kind === Kind.VARIABLE ? variables?.[node.name.value] : node?.kind === Kind.INT ? Number(node.value) : undefined);
  let first: unknown;
  for (const arg of field.arguments ?? []) {
    if (arg.name.value === 'first') first = valueOf(arg.value);
    if (arg.name.value !== 'input') continue;
    if (arg.value.kind === Kind.OBJECT) first = valueOf(arg.value.fields.find((f) => f.name.value === 'first')?.value);
    if (arg.value.kind === Kind.VARIABLE) first = (variables?.[arg.value.name.value] as { first?: unknown } | null | undefined)?.first;
  }
  return typeof first === 'number' && Number.isInteger(first) ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

const isPage = (type: GraphQLObjectType) => 'nodes' in type.getFields() && 'pageInfo' in type.getFields();

/**
 * How many list items an operation may answer at most: every list counts at its page size, and
 * what is selected under a list counts once per item. Fragment costs are remembered, so a document
 * that spreads fragments into each other costs no more time to price than to read.
 */
export function plannedNodes(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Variables): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const priced = new Map<string, number>();

  const cost = (set: SelectionSetNode, type: GraphQLObjectType, pageSize: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type.getFields()[selection.name.value];
        const named = field && getNamedType(field.type);
        if (!selection.selectionSet || !named || !isObjectType(named)) continue; // leaves and the schema's own fields
        const items = isListType(getNullableType(field.type)) ? (selection.name.value === 'nodes' && isPage(type) ? pageSize : UNPAGED_LIST_SIZE) : 0;
        const below = cost(selection.selectionSet, named, isPage(named) ? pageSizeOf(selection, variables) : pageSize);
        total += items + Math.max(items, 1) * below;
      } else {
        const definition = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!definition) continue;
        const onType = definition.typeCondition ? schema.getType(definition.typeCondition.name.value) : type;
        if (!isObjectType(onType)) continue;
        const key = selection.kind === Kind.FRAGMENT_SPREAD ? `${selection.name.value}:${pageSize}` : null;
        const known = key === null ? undefined : priced.get(key);
        const value = known ?? cost(definition.selectionSet, onType, pageSize);
        if (key !== null) priced.set(key, value);
        total += value;
      }
    }
    return total;
  };
  return cost(operation.selectionSet, root, DEFAULT_PAGE_SIZE);
}

const tooManyPlanned = (planned: number) =>
  new AppError(
    'BAD_USER_INPUT',
    `This document may answer up to ${planned} list items, more than ${GRAPHQL_LIMITS.maxNodes}: every list counts at its page size (\`first\`, default ${DEFAULT_PAGE_SIZE}), multiplied by the lists it is nested in. Ask for smaller pages or fewer nested lists.`,
  );

class TooManyListedNodes extends AppError {
  constructor() {
    super(
      'BAD_USER_INPUT',
      `The answer would hold more than ${GRAPHQL_LIMITS.maxListedNodes} list items: ask for smaller pages (\`first\`) or fewer nested lists.`,
    );
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

/** Wraps every field that answers a list of objects so that its items are counted against the request's ceiling. */
export function countListedNodes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || !isObjectType(getNamedType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const count = (ctx: Context, list: unknown) => {
        if (Array.isArray(list)) ctx.listedNodes += list.length;
        if (ctx.listedNodes > GRAPHQL_LIMITS.maxListedNodes) throw new TooManyListedNodes();
        return list;
      };
      field.resolve = (source, args, ctx: Context, info) => {
        if (ctx.listedNodes > GRAPHQL_LIMITS.maxListedNodes) throw new TooManyListedNodes();
        const result = resolve(source, args, ctx, info);
        // Prisma's queries are thenables, not always Promises.
        return isThenable(result) ? Promise.resolve(result).then((list) => count(ctx, list)) : count(ctx, result);
      };
    }
  }
  return schema;
}

/**
 * Refuses, before anything runs, a document that may answer more list items than `maxNodes`; and
 * when a running answer passes `maxListedNodes`, answers that one error alone (every list still
 * resolving would otherwise add its own copy).
 */
export const useListLimits = (): Plugin<Context> => ({
  onExecute: ({ args, setResultAndStopExecution }) => {
    args.contextValue.listedNodes = 0;
    const planned = plannedNodes(args.schema, args.document, args.operationName, args.variableValues);
    if (planned > GRAPHQL_LIMITS.maxNodes) {
      setResultAndStopExecution({ errors: [asGraphQLError(tooManyPlanned(planned))] });
      return;
    }
    return {
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors) return;
        const ceiling = result.errors.find((e) => e.originalError instanceof TooManyListedNodes);
        if (ceiling) setResult({ errors: [ceiling], data: null });
      },
    };
  },
});
