import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.ts';

/** The least a statement runner needs: a pg client or pool, or a Prisma transaction adapted by `prismaSql`. */
export type Sql = { query<R = any>(text: string, values?: unknown[]): Promise<{ rows: R[] }> };

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
});

export const prismaSql = (tx: Prisma.TransactionClient): Sql => ({
  query: async <R>(text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<R[]>(text, ...values) }),
});

/** pg-boss' `db` option, so a job is inserted in the caller's transaction. */
export const bossDb = (sql: Sql) => ({ executeSql: (text: string, values?: unknown[]) => sql.query(text, values) });
