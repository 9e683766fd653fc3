import type { JobInsert, PgBoss } from 'pg-boss';
import { bossDb, type Sql } from '../db/sql.ts';
import { wakeWorkers } from './queue-listener.ts';
import type { QueueName } from './queues.ts';

/**
 * Inserts jobs in the caller's transaction and wakes the workers once it has committed.
 *
 * pg-boss can wake them itself (a queue's `notify`), but with a NOTIFY inside the transaction, and
 * PostgreSQL serializes the commits of notifying transactions: one database-wide lock is held from
 * a commit's NOTIFY until its WAL is flushed. Every accept batch and status update would then
 * commit one after another, one WAL flush each (about 2,100 commits/s on this machine against
 * 7,500 without NOTIFY), and any slow flush (autovacuum writing WAL) stalls all of them. Sent after
 * the commit, the NOTIFY writes no WAL and waits for no flush.
 */
export async function enqueue(sql: Sql, boss: PgBoss, queue: QueueName, jobs: JobInsert[]): Promise<void> {
  if (!jobs.length) return;
  await boss.insert(queue, jobs, { db: bossDb(sql) });
  // Jobs for later are found by the pumps' polling, as pg-boss' own NOTIFY leaves them.
  const now = Date.now();
  if (jobs.some((j) => !(j.startAfter instanceof Date) || j.startAfter.getTime() <= now)) await sql.afterCommit(wakeWorkers(queue));
}
