import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.ts';

/** The least a statement runner needs: a pg client or pool, or a Prisma transaction adapted by `prismaSql`. */
export type Sql = { query<R = any>(text: string, values?: unknown[]): Promise<{ rows: R[] }> };

export const pgSql = (client: pg.ClientBase | pg.Pool): Sql => ({
  query: async (text, values) => {
    const r = await client.query(text, values);
    return { rows: r.rows };
  },
});

export const prismaSql = (tx: Prisma.TransactionClient): Sql => ({
  query: async <R>(text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<R[]>(text, ...values) }),
});

/** pg-boss' `db` option, so a job is inserted in the caller's transaction. */
export const bossDb = (sql: Sql) => ({ executeSql: (text: string, values?: unknown[]) => sql.query(text, values) });
