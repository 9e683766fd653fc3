import type { Sql } from '../../src/db/sql.ts';

/**
 * `sql` with `between` run once, right after the first statement whose text is `after` answered:
 * another writer commits, for certain, between that read and what the caller writes next.
 */
export function racing(sql: Sql, after: string, between: () => Promise<unknown>): { sql: Sql; reads: () => number } {
  let reads = 0;
  return {
    sql: {
      ...sql,
      query: async (text, values) => {
        const result = await sql.query(text, values);
        if (text === after && ++reads === 1) await between();
        return result;
      },
    },
    reads: () => reads,
  };
}
