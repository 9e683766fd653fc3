import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/database.ts';
import { inTransaction } from '../../src/db/pool.ts';
import { inPrismaTransaction, pgSql, type Sql } from '../../src/db/sql.ts';
import { startBoss, type PgBoss } from '../../src/jobs/boss.ts';
import { enqueue } from '../../src/jobs/enqueue.ts';
import { QueueListener, wakeWorkers } from '../../src/jobs/queue-listener.ts';
import { queueOf } from '../../src/jobs/job-definition.ts';
import { JOBS } from '../../src/worker/jobs.ts';
import { sendMessageJob } from '../../src/messages/send-job.ts';

/** A queue of the real ones, carrying test payloads. */
const QUEUE = { name: sendMessageJob.name };
import { createLogger } from '../../src/log.ts';
import { createTestDatabase } from '../support/database.ts';
import { freePort } from '../support/ports.ts';
import { eventually, sleep } from '../support/wait.ts';

// PostgreSQL serializes the commits of transactions that NOTIFY (one lock, held until the commit's
// WAL is flushed), so queuing a job must not NOTIFY inside the caller's transaction: the workers
// are woken once it has committed, and not at all when it rolls back.
describe('queuing jobs', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let boss: PgBoss;
  let listener: QueueListener;
  const wakes: string[] = [];
  const log = createLogger('fatal');
  const start = () => startBoss({ url: db.url, queues: JOBS.map((job) => queueOf(job, 60)), superviseSeconds: 30, runsWorkers: false, log });
  const jobsOf = async (n: number) =>
    Number((await database.pool.query(`SELECT count(*) FROM pgboss.job WHERE name = $1 AND data->>'n' = $2`, [QUEUE.name, String(n)])).rows[0].count);
  /**
   * Sends a wake-up of our own, committed on another connection, and waits until it arrives: the
   * listener receives notifications in commit order, so any wake-up sent before it has arrived too.
   */
  const fence = async () => {
    const arrived = new Promise<void>((resolve) => {
      const off = listener.onJob('test-fence', () => {
        off();
        resolve();
      });
    });
    const { text, values } = wakeWorkers('test-fence');
    await database.pool.query(text, values);
    await arrived;
  };
  /** Records every statement, to see what ran inside the transaction. */
  const recording = (sql: Sql, texts: string[]): Sql => ({ query: (text, values) => (texts.push(text), sql.query(text, values)), afterCommit: (s) => sql.afterCommit(s) });

  beforeAll(async () => {
    db = await createTestDatabase();
    database = await connectDatabase(db.url, 4, 'enqueue-test');
    boss = await start();
    listener = new QueueListener(db.url, log);
    await listener.start();
    listener.onJob(QUEUE.name, () => wakes.push(QUEUE.name));
  });
  afterAll(async () => {
    await listener?.close();
    await boss?.stop({ graceful: false });
    await database?.close();
    await db?.drop();
  });

  it('wakes the workers once the transaction commits, with no NOTIFY inside it', async () => {
    wakes.length = 0;
    const texts: string[] = [];
    await inTransaction(database.pool, async (client) => {
      await enqueue(recording(pgSql(client), texts), boss, QUEUE, [{ data: { n: 1 } }]);
      await fence();
      expect(wakes).toEqual([]);
    });
    await eventually(async () => wakes.length, (n) => n === 1, 'the wake-up');
    expect(await jobsOf(1)).toBe(1);
    expect(texts.some((t) => /notify/i.test(t))).toBe(false);
  });

  it('neither queues a job nor wakes the workers when the transaction rolls back', async () => {
    wakes.length = 0;
    for (const run of [
      (work: (sql: Sql) => Promise<void>) => inTransaction(database.pool, (client) => work(pgSql(client))),
      (work: (sql: Sql) => Promise<void>) => inPrismaTransaction(database.prisma, (_tx, sql) => work(sql)),
    ]) {
      await expect(
        run(async (sql) => {
          await enqueue(sql, boss, QUEUE, [{ data: { n: 2 } }]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
    }
    await fence();
    expect(wakes).toEqual([]);
    expect(await jobsOf(2)).toBe(0);
  });

  it('wakes the workers after a Prisma transaction commits, once for all its jobs', async () => {
    wakes.length = 0;
    const texts: string[] = [];
    await inPrismaTransaction(database.prisma, async (_tx, sql) => {
      await enqueue(recording(sql, texts), boss, QUEUE, [{ data: { n: 3 } }]);
      await enqueue(recording(sql, texts), boss, QUEUE, [{ data: { n: 3 } }]);
      await fence();
      expect(wakes).toEqual([]);
    });
    await eventually(async () => wakes.length, (n) => n >= 1, 'the wake-up');
    await fence();
    expect(wakes).toEqual([QUEUE.name]);
    expect(await jobsOf(3)).toBe(2);
    expect(texts.some((t) => /notify/i.test(t))).toBe(false);
  });

  it('does not wake the workers for jobs due later (their polling finds them)', async () => {
    wakes.length = 0;
    await inTransaction(database.pool, (client) => enqueue(pgSql(client), boss, QUEUE, [{ data: { n: 4 }, startAfter: new Date(Date.now() + 60_000) }]));
    await fence();
    expect(wakes).toEqual([]);
    expect(await jobsOf(4)).toBe(1);
  });

  it("turns pg-boss' own NOTIFY off for queues an earlier version created with it", async () => {
    await database.pool.query('UPDATE pgboss.queue SET notify = true');
    await boss.stop({ graceful: false });
    boss = await start();
    const { rows } = await database.pool.query<{ name: string; notify: boolean }>('SELECT name, notify FROM pgboss.queue WHERE name = ANY($1) ORDER BY name', [
      [QUEUE.name, 'event-deliver', 'driver-task'],
    ]);
    expect(rows).toEqual(['driver-task', 'event-deliver', QUEUE.name].sort().map((name) => ({ name, notify: false })));
    // pg-boss reads a queue's settings from a cache; a restarted instance inserts without NOTIFY.
    const texts: string[] = [];
    await inTransaction(database.pool, (client) => enqueue(recording(pgSql(client), texts), boss, { name: 'event-deliver' }, [{ data: { n: 5 } }]));
    expect(texts.some((t) => /notify/i.test(t))).toBe(false);
  });
});

describe('the job notification connection', () => {
  it('backs off while the database is unreachable', async () => {
    const listener = new QueueListener(`postgresql://nobody:x@127.0.0.1:${await freePort()}/none`, createLogger('silent'));
    let attempts = 0;
    const start = listener.start.bind(listener);
    listener.start = () => {
      attempts++;
      return start();
    };
    await listener.start();
    // Measured over time on purpose: the rate of reconnection attempts is the behaviour.
    await sleep(4_000);
    await listener.close();
    // Backing off 1 s, 2 s, 4 s …: a handful of attempts, not thousands.
    expect(attempts).toBeLessThanOrEqual(4);
  });
});
