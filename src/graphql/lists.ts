import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { resolveWorkspaceId, visibleWorkspaces, type Viewer } from '../auth/viewer.ts';
import { badInput } from '../errors.ts';
import { builder, isStorableDate, type InputFields } from './builder.ts';

/** Every list answers `{ nodes, pageInfo, totalCount }`, newest first, paged by an opaque cursor. */
export type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../validation/paging.ts';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

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

/**
 * How a list pages: the cursor a row gives, what a cursor of this list can hold, and the Prisma
 * `where` that continues after it. A cursor is checked against the list's own id type, so a forged
 * one is the caller's mistake (`after`), never a database error.
 */
export type Cursor<T, C> = { of: (row: T) => C; valid: (value: unknown) => value is C; where: (cursor: C | undefined) => object; orderBy: object | object[] };

const isHexId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{24}$/.test(v);
const isUuid = (v: unknown): v is string => typeof v === 'string' && z.uuid().safeParse(v).success;
/** PostgreSQL's `integer`. */
const isIntId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2 ** 31 - 1;

const byId = <C extends string | number>(valid: (v: unknown) => v is C): Cursor<{ id: C }, C> => ({
  of: (row) => row.id,
  valid,
  where: (c) => (c === undefined ? {} : { id: { lt: c } }),
  orderBy: { id: 'desc' },
});

/** Rows ordered by id descending (ids are time-ordered): 24-hex ids, UUIDv7 ids, or integer ids. */
export const idCursor = { hex: byId(isHexId), uuid: byId(isUuid), int: byId(isIntId) };

/** Rows ordered by (createdAt, id) descending, with UUID ids: the cursor is [createdAt ISO, id]. */
export const timeCursor: Cursor<{ createdAt: Date; id: string }, [string, string]> = {
  of: (row) => [row.createdAt.toISOString(), row.id],
  valid: (v): v is [string, string] => Array.isArray(v) && v.length === 2 && isStoredTime(v[0]) && isUuid(v[1]),
  where: (c) => (c === undefined ? {} : { OR: [{ createdAt: { lt: new Date(c[0]) } }, { createdAt: new Date(c[0]), id: { lt: c[1] } }] }),
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
};

const isStoredTime = (v: unknown) => typeof v === 'string' && isStorableDate(new Date(v));

function decodeCursor<C>(after: string, valid: (value: unknown) => value is C): C {
  try {
    const value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (valid(value)) return value;
  } catch {
    // fall through
  }
  throw badInput('after', 'is not a cursor this API returned');
}

const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Pages through rows newest first: `find` gets the `where` that continues after the cursor; `count` counts the whole filtered list. */
export async function paginate<T, C>(
  paging: { first?: number | null; after?: string | null },
  cursor: Cursor<T, C>,
  find: (args: { after: object; take: number }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const first = paging.first ?? DEFAULT_PAGE_SIZE;
  const after = cursor.where(paging.after ? decodeCursor(paging.after, cursor.valid) : undefined);
  const [rows, totalCount] = await Promise.all([find({ after, take: first + 1 }), count()]);
  const nodes = rows.slice(0, first);
  const hasNextPage = rows.length > first;
  return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(cursor.of(nodes[nodes.length - 1]!)) : null } };
}

/** A Prisma model's delegate, as much of it as a list needs. */
type Rows<T> = { findMany(args: { where: object; orderBy: object | object[]; take: number }): Promise<T[]>; count(args: { where: object }): Promise<number> };

/**
 * One page of a model's rows matching `where`, newest first, with the total count: every list of
 * the API is this. (A list that needs relations passes a delegate whose findMany includes them.)
 */
export function listOf<T, C>(rows: Rows<T>, cursor: Cursor<T, C>, paging: { first?: number | null; after?: string | null }, where: object): Promise<Page<T>> {
  return paginate(
    paging,
    cursor,
    ({ after, take }) => rows.findMany({ where: { AND: [where, after] }, orderBy: cursor.orderBy, take }),
    () => rows.count({ where }),
  );
}

/** The rows a viewer lists: of the workspace asked for (checked against the key), else of the key's workspace, else (admin) of all. */
export const inWorkspace = (viewer: Viewer, workspaceId: number | null | undefined) =>
  workspaceId != null ? { workspaceId: resolveWorkspaceId(viewer, workspaceId) } : visibleWorkspaces(viewer);
