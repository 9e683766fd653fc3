import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { badInput } from '../errors.ts';
import { builder, type InputFields } from './builder.ts';

/** Every list answers `{ nodes, pageInfo, totalCount }`, newest first, paged by an opaque cursor. */
export type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const PageInfo = builder.objectRef<Page<unknown>['pageInfo']>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` to get the next page.' }),
  }),
});

export function listType<T>(name: string, node: ObjectRef<any, T>) {
  return builder.objectRef<Page<T>>(name).implement({
    fields: (t) => ({
      nodes: t.field({ type: [node], resolve: (p) => p.nodes }),
      pageInfo: t.field({ type: PageInfo, resolve: (p) => p.pageInfo }),
      totalCount: t.exposeInt('totalCount'),
    }),
  });
}

/** `first` and `after`, the paging fields every list input carries. */
export const pagingFields = (t: InputFields) => ({
  first: t.int({ required: false, description: `How many to return (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
  after: t.string({ required: false, description: 'The endCursor of the previous page.' }),
});

export const pagingInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).nullish(),
  after: z.string().max(200).nullish(),
});

type Cursor = string | number;

function decodeCursor<C>(after: string, valid: (value: unknown) => boolean): C {
  try {
    const value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (valid(value)) return value as C;
  } catch {
    // fall through
  }
  throw badInput('after', 'is not a cursor this API returned');
}

const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const isId = (v: unknown) => typeof v === 'string';
/** For lists of integer ids (workspaces). */
export const isIntId = (v: unknown) => Number.isInteger(v);

/**
 * Pages through rows newest first. By default rows are ordered by id descending (ids are
 * time-ordered) and `find` gets the `id < cursor` condition; `cursorOf` changes the cursor.
 * `count` counts the whole filtered list.
 */
export async function paginate<T, C = Cursor>(
  paging: { first?: number | null; after?: string | null },
  find: (args: { idBelow?: C; take: number }) => Promise<T[]>,
  count: () => Promise<number>,
  cursorOf: (row: T) => C = (row) => (row as { id: C }).id,
  validCursor: (value: unknown) => boolean = isId,
): Promise<Page<T>> {
  const first = paging.first ?? DEFAULT_PAGE_SIZE;
  const idBelow = paging.after ? decodeCursor<C>(paging.after, validCursor) : undefined;
  const [rows, totalCount] = await Promise.all([find({ idBelow, take: first + 1 }), count()]);
  const nodes = rows.slice(0, first);
  const hasNextPage = rows.length > first;
  return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(cursorOf(nodes[nodes.length - 1]!)) : null } };
}

/** Prisma `where` for the cursor condition. */
export const below = (idBelow: Cursor | undefined) => (idBelow === undefined ? {} : { id: { lt: idBelow as never } });

/** For rows ordered by (createdAt, id) descending: the cursor is [createdAt ISO, id]. */
export const timeCursor = {
  of: (row: { createdAt: Date; id: string }): [string, string] => [row.createdAt.toISOString(), row.id],
  valid: (v: unknown) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string',
  where: (c: [string, string] | undefined) =>
    c === undefined ? {} : { OR: [{ createdAt: { lt: new Date(c[0]) } }, { createdAt: new Date(c[0]), id: { lt: c[1] } }] },
};
