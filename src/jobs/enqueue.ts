import type { JobInsert, PgBoss } from 'pg-boss';
import { bossDb, type Sql } from '../db/sql.ts';
import { wakeWorkers } from './queue-listener.ts';
import type { QueueName } from './queues.ts';

/**
 * Inserts jobs in the caller's transaction and wakes the workers once it has committed. pg-boss'
 * own wake-up is a NOTIFY inside the transaction, and PostgreSQL serializes the commits of
 * notifying transactions until their WAL is flushed; sent after the commit it costs nothing
 * (measured in bench/README.md, "Jobs wake the workers after the commit").
 */
export async function enqueue(sql: Sql, boss: PgBoss, queue: QueueName, jobs: JobInsert[]): Promise<void> {
  if (!jobs.length) return;
  await boss.insert(queue, jobs, { db: bossDb(sql) });
  // Jobs for later are found by the pumps' polling, as pg-boss' own NOTIFY leaves them.
  const now = Date.now();
  if (jobs.some((j) => !(j.startAfter instanceof Date) || j.startAfter.getTime() <= now)) await sql.afterCommit(wakeWorkers(queue));
}
