import type pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Tables whose rows changed since their last ANALYZE by at least as many as they held then (never
 * analyzed: at least `minChanges`): tables that are still young. Autovacuum analyzes a table once a
 * tenth of it changed, but looks only once a minute (autovacuum_naptime), so a fresh database that
 * fills from empty is planned as if empty for up to that minute, and a prepared statement's generic
 * plan cached meanwhile scans whole tables until the next ANALYZE invalidates it. Once a table is
 * large, autovacuum reaches its tenth long before the table doubles, and this finds nothing.
 */
export const YOUNG_TABLES = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   WHERE s.schemaname = ANY($1::text[]) AND s.n_mod_since_analyze >= greatest($2::int, c.reltuples)
     AND pg_has_role(c.relowner, 'USAGE')`;

/** Ours and pg-boss'. */
const SCHEMAS = ['public', 'pgboss'];

/** Analyzes young tables every `everyMs` until stopped. One ANALYZE reads at most 30,000 sampled rows per table. */
export function keepYoungTableStatistics(pool: pg.Pool, log: Logger, { everyMs = 5_000, minChanges = 500 } = {}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const analyzeYoungTables = async () => {
    try {
      const { rows } = await pool.query<{ name: string }>(YOUNG_TABLES, [SCHEMAS, minChanges]);
      // SKIP_LOCKED: a table being altered or analyzed by autovacuum is left for the next round.
      if (rows.length) await pool.query(`ANALYZE (SKIP_LOCKED) ${rows.map((r) => r.name).join(', ')}`);
    } catch (error) {
      log.warn({ err: error }, 'could not refresh the statistics of young tables');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = analyzeYoungTables().finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
