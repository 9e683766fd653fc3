import type pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Tables that at least doubled since their last ANALYZE (never analyzed: that hold at least
 * `minRows`): tables that are still young. Autovacuum analyzes a table once a tenth of it changed,
 * but looks only once a minute (autovacuum_naptime), so a fresh database that fills from empty is
 * planned as if empty for up to that minute, and a prepared statement's generic plan cached
 * meanwhile scans whole tables until the next ANALYZE invalidates it. Growth, not churn, is what
 * matters: a small table updated all the time (a queue, counters) keeps its size and is left alone,
 * and a large table reaches autovacuum's tenth long before it doubles.
 */
export const YOUNG_TABLES = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   WHERE s.schemaname = ANY($1::text[]) AND s.n_live_tup >= greatest($2::int, 2 * c.reltuples)
     AND pg_has_role(c.relowner, 'USAGE')`;


/** Analyzes young tables every `everyMs` until stopped. One ANALYZE reads at most 30,000 sampled rows per table. */
/** Ours (`public`) and the other schemas named (pg-boss'). */
export function keepYoungTableStatistics(pool: pg.Pool, log: Logger, otherSchemas: string[], { everyMs = 5_000, minRows = 500 } = {}) {
  const schemas = ['public', ...otherSchemas];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let failing = false;
  const analyzeYoungTables = async () => {
    try {
      const { rows } = await pool.query<{ name: string }>(YOUNG_TABLES, [schemas, minRows]);
      // SKIP_LOCKED: a table being altered or analyzed by autovacuum is left for the next round.
      if (rows.length) await pool.query(`ANALYZE (SKIP_LOCKED) ${rows.map((r) => r.name).join(', ')}`);
      failing = false;
    } catch (error) {
      // Once per outage, not every round.
      if (!failing) log.warn({ err: error }, 'could not refresh the statistics of young tables');
      failing = true;
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
