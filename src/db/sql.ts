import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { AfterCommit, deferUntilCommit, runAfterCommit, type Statement } from './pool.ts';

/** The least a statement runner needs: a pg client or pool, or a Prisma transaction adapted by `prismaSql`. */
export type Sql = {
  query<R = any>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /**
   * Runs a statement whose effect need not be durable (a wake-up) once the caller's transaction
   * has committed, or at once outside a transaction. A failure is ignored.
   */
  afterCommit(statement: Statement): Promise<void>;
};

/**
 * A statement written from an earlier read guards itself: when the rows changed since, it divides
 * by zero, which undoes the whole statement, and the caller decides again (this SQLSTATE).
 */
export const RACED = '22012';

const names = new Map<string, string>();
/** A name per distinct statement text, so PostgreSQL parses and plans it once per connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `sb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
}

/** Our own statements run as prepared statements; a connection plans each once. */
export const pgSql = (client: pg.ClientBase | pg.Pool): Sql => ({
  query: async (text, values) => {
    const r = await client.query({ name: statementName(text), text, values });
    return { rows: r.rows };
  },
  afterCommit: async (statement) => {
    if (deferUntilCommit(client, statement)) return;
    if (client instanceof pg.Pool) await runAfterCommit(client, statement);
    else await client.query(statement.text, statement.values).catch(() => undefined);
  },
});

/** `afterCommit` statements wait in `deferred` when `tx` is a transaction (see `inPrismaTransaction`). */
export const prismaSql = (tx: Prisma.TransactionClient, deferred?: AfterCommit): Sql => ({
  query: async <R>(text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<R[]>(text, ...values) }),
  afterCommit: async (statement) => {
    if (deferred) deferred.add(statement);
    else await tx.$executeRawUnsafe(statement.text, ...statement.values).catch(() => undefined);
  },
});

/** Runs `work` in one Prisma transaction, and what it deferred with `afterCommit` once that commits. */
export async function inPrismaTransaction<T>(prisma: PrismaClient, work: (tx: Prisma.TransactionClient, sql: Sql) => Promise<T>): Promise<T> {
  const deferred = new AfterCommit();
  const result = await prisma.$transaction((tx) => work(tx, prismaSql(tx, deferred)));
  await deferred.run((s) => prisma.$executeRawUnsafe(s.text, ...s.values));
  return result;
}

/** pg-boss' `db` option, so a job is inserted in the caller's transaction. */
export const bossDb = (sql: Sql) => ({ executeSql: (text: string, values?: unknown[]) => sql.query(text, values) });
