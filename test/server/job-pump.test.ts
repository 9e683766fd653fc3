import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type pg from 'pg';
import { createPool } from '../../src/db/pool.ts';
import { bossDb, pgSql } from '../../src/db/sql.ts';
import { startBoss, type PgBoss } from '../../src/jobs/boss.ts';
import { fetchSize, JobPump } from '../../src/jobs/job-pump.ts';
import { QueueListener } from '../../src/jobs/queue-listener.ts';
import { queueOf } from '../../src/jobs/job-definition.ts';
import { JOBS } from '../../src/worker/jobs.ts';
import { sendMessageJob } from '../../src/messages/send-job.ts';

/** A queue of the real ones, carrying test payloads. */
const QUEUE = { name: sendMessageJob.name };
import { createLogger } from '../../src/log.ts';
import { createTestDatabase } from '../support/database.ts';
import { eventually } from '../support/wait.ts';

// The pumps fetch, complete and fail jobs through our own pool (prepared statements) rather than
// pg-boss' pool: a job whose handler fails must still come back, and a completed one must stay done.
describe('job pump', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let boss: PgBoss;
  let pool: pg.Pool;
  let listener: QueueListener;
  const log = createLogger('fatal');

  beforeAll(async () => {
    db = await createTestDatabase();
    boss = await startBoss({ url: db.url, queues: JOBS.map((job) => queueOf(job, 60)), superviseSeconds: 30, runsWorkers: false, log });
    pool = createPool(db.url, 4, 'job-pump-test');
    listener = new QueueListener(db.url, log);
    await listener.start();
  });
  afterAll(async () => {
    await listener?.close();
    await pool?.end();
    await boss?.stop({ graceful: false });
    await db?.drop();
  });

  it('retries a job whose handler failed, completes each job once, and fetches at most a batch at a time', async () => {
    const runs = new Map<string, number>();
    const batches: number[] = [];
    const pump = new JobPump<{ n: number }>(
      boss,
      bossDb(pgSql(pool)),
      listener,
      { queue: QUEUE.name, schema: z.object({ n: z.number() }), batchSize: 10, maxInFlight: 20, idlePollMs: 200, lingerMs: 5 },
      async (jobs, settle) => {
        batches.push(jobs.length);
        for (const job of jobs) {
          const run = (runs.get(job.id) ?? 0) + 1;
          runs.set(job.id, run);
          // Every third job fails on its first run.
          settle(job, run === 1 && job.data.n % 3 === 0 ? { failed: new Error('not this time') } : 'completed');
        }
      },
      log,
    );
    pump.start();
    const ids = (await Promise.all(Array.from({ length: 45 }, (_, n) => boss.send(QUEUE.name, { n })))) as string[];

    const jobs = await eventually(
      () => Promise.all(ids.map((id) => boss.getJobById<{ n: number }>(QUEUE.name, id))),
      (all) => all.every((j) => j?.state === 'completed'),
      'every job completed',
      30_000,
    );
    await pump.stop(Date.now() + 5000);
    for (const job of jobs) {
      const failedFirst = job!.data.n % 3 === 0;
      expect(runs.get(job!.id)).toBe(failedFirst ? 2 : 1);
      expect(job!.retryCount).toBe(failedFirst ? 1 : 0);
    }
    expect(Math.max(...batches)).toBeLessThanOrEqual(10);
  });

  it('rounds fetch sizes below the batch size down to a power of two, never above the room', () => {
    expect([1, 2, 3, 5, 8, 15, 19, 20, 64].map((room) => fetchSize(room, 20))).toEqual([1, 2, 2, 4, 8, 8, 16, 20, 20]);
  });
});
