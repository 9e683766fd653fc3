import type { JobInsert, PgBoss } from 'pg-boss';
import { bossDb, type Sql } from '../db/sql.ts';
import { wakeWorkers } from './queue-listener.ts';
import type { BatchJob } from './job-definition.ts';

/**
 * Inserts jobs in the caller's transaction and wakes the workers once it has committed. pg-boss'
 * own wake-up is a NOTIFY inside the transaction, and PostgreSQL serializes the commits of
 * notifying transactions until their WAL is flushed; sent after the commit it costs nothing
 * (measured in bench/README.md, "Jobs wake the workers after the commit").
 */
export async function enqueue<T extends object>(sql: Sql, boss: PgBoss, job: Pick<BatchJob<T, never>, 'name'>, jobs: JobInsert<T>[]): Promise<void> {
  if (!jobs.length) return;
  const queue = job.name;
  await boss.insert(queue, jobs, { db: bossDb(sql) });
  // Jobs for later are found by the pumps' polling, as pg-boss' own NOTIFY leaves them.
  const now = Date.now();
  if (jobs.some((j) => !(j.startAfter instanceof Date) || j.startAfter.getTime() <= now)) await sql.afterCommit(wakeWorkers(queue));
}
