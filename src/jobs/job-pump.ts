import type { Db, Job, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import { describeError, type Logger } from '../log.ts';
import type { QueueListener } from './queue-listener.ts';

/** How a job ended: completed here, completed by the handler in its own transaction, or failed (pg-boss retries it). */
export type Outcome = 'completed' | 'settled' | { failed: unknown };

/** `loaded`: what the handler's `LoadWithFetch` read in the statement that fetched the jobs (undefined without one). */
export type BatchHandler<T> = (jobs: Job<T>[], settle: (job: Job<T>, outcome: Outcome) => void, loaded?: unknown) => void | Promise<void>;

/**
 * What a handler reads of the rows its jobs carry, in the statement that fetches them: one round
 * trip less per batch. A JSON expression over the CTE `fetched` (the jobs: `id`, `data`), with its
 * parameters numbered from `first`.
 */
export type LoadWithFetch = (first: number) => { sql: string; values: unknown[] };

/** lingerMs: after a short fetch, wait this long so the next fetch gathers more (bigger batches, fewer transactions). */
type PumpOptions<T> = { queue: string; schema: z.ZodType<T>; batchSize: number; maxInFlight: number; idlePollMs: number; lingerMs: number; load?: LoadWithFetch };

const LOADED = '__loaded';

/** pg-boss' fetch of jobs, with `load` read in the same statement (on the first job's row). */
function fetchingWith(db: Db, load: LoadWithFetch): Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const extra = load(values.length + 1);
      return db.executeSql(
        `WITH fetched AS (${text})\nSELECT f.*, CASE WHEN row_number() OVER () = 1 THEN (${extra.sql}) END AS "${LOADED}" FROM fetched f`,
        [...values, ...extra.values],
      );
    },
  };
}

const FLUSH_MS = 5;

/**
 * pg-boss writes the fetch size into its statement's text, so each size is a statement of its own
 * to prepare: sizes below the batch size are rounded down to a power of two to keep them few.
 */
export function fetchSize(room: number, batchSize: number): number {
  return room >= batchSize ? batchSize : 2 ** Math.floor(Math.log2(Math.max(1, room)));
}

/**
 * Fetches jobs and hands them to a handler without waiting for a batch to finish before fetching
 * the next: each job settles on its own, so one slow job never holds up the others (pg-boss'
 * `work()` waits for a whole batch). Jobs stay active until settled, so a crash leaves them to
 * pg-boss' expiry and retry: at least once. Completions are written in batches.
 */
export class JobPump<T extends object> {
  readonly #boss: PgBoss;
  readonly #db: Db;
  /** The fetch's own `db`: with the handler's load when it has one. */
  readonly #fetchDb: Db;
  readonly #o: PumpOptions<T>;
  readonly #handle: BatchHandler<T>;
  readonly #log: Logger;
  #inFlight = 0;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #signalled = false;
  #pendingComplete: string[] = [];
  #pendingFail: { id: string; error: unknown }[] = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #unlisten: (() => void) | null = null;
  #drained: (() => void) | null = null;
  /** Asleep until a job settles and leaves room: only then does a settle wake the pump. */
  #waitingForRoom = false;

  /** `db` runs pg-boss' fetch, complete and fail statements (ours are prepared: planned once per connection). */
  constructor(boss: PgBoss, db: Db, listener: QueueListener, options: PumpOptions<T>, handle: BatchHandler<T>, log: Logger) {
    this.#boss = boss;
    this.#db = db;
    this.#fetchDb = options.load ? fetchingWith(db, options.load) : db;
    this.#o = options;
    this.#handle = handle;
    this.#log = log;
    this.#unlisten = listener.onJob(options.queue, () => this.#signal());
  }

  get queue(): string {
    return this.#o.queue;
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Wakes the pump now; a wake-up that arrives while it is fetching is kept for the next sleep. */
  #signal() {
    const wake = this.#wake;
    this.#wake = null;
    if (wake) wake();
    else this.#signalled = true;
  }

  /** Room for at least a quarter batch: below that the pump waits for jobs to settle before fetching. */
  #hasRoom(): boolean {
    return this.#o.maxInFlight - this.#inFlight >= Math.min(this.#o.batchSize, this.#o.maxInFlight) / 4;
  }

  /**
   * Takes the wake-up for jobs this process has just queued when it has room for them: no
   * round trip to the database. False when it is full or stopping, and other processes are told.
   */
  takeWakeUp(): boolean {
    if (!this.#running || !this.#hasRoom()) return false;
    this.#signal();
    return true;
  }

  /** Wakes the pump when a job queued for later becomes due (pg-boss only polls for those). */
  wakeAt(at: Date): void {
    const delay = at.getTime() - Date.now();
    if (delay > 60_000) return;
    setTimeout(() => this.#signal(), Math.max(0, delay) + 5).unref();
  }

  #sleep(ms: number) {
    if (this.#signalled) {
      this.#signalled = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #run() {
    // A fetch that got fewer jobs than it asked for drained the queue: the pump then sleeps until
    // new jobs are announced (or the idle poll), lingers so they gather, and fetches once.
    let drained = false;
    while (this.#running) {
      if (drained) {
        await this.#sleep(this.#o.idlePollMs);
        if (this.#o.lingerMs > 0) await new Promise((r) => setTimeout(r, this.#o.lingerMs));
        if (!this.#running) break;
      }
      if (!this.#hasRoom()) {
        this.#waitingForRoom = true;
        await this.#sleep(this.#o.idlePollMs);
        this.#waitingForRoom = false;
        continue;
      }
      const size = fetchSize(this.#o.maxInFlight - this.#inFlight, this.#o.batchSize);
      let jobs: Job<T>[] = [];
      try {
        jobs = await this.#boss.fetch<T>(this.#o.queue, { batchSize: size, db: this.#fetchDb });
      } catch (error) {
        if (!this.#running) break;
        this.#log.error({ err: describeError(error), queue: this.#o.queue }, 'fetching jobs failed');
        await this.#sleep(1000);
        continue;
      }
      drained = jobs.length < size;
      if (!jobs.length) continue;
      const rows = jobs as unknown as Record<string, unknown>[];
      const loaded = rows.find((row) => row[LOADED] != null)?.[LOADED];
      for (const row of rows) delete row[LOADED];
      this.#inFlight += jobs.length;
      const open = new Set(jobs.map((j) => j.id));
      const settle = (job: Job<T>, outcome: Outcome) => {
        if (!open.delete(job.id)) return;
        if (outcome === 'completed') this.#pendingComplete.push(job.id);
        else if (outcome !== 'settled') this.#pendingFail.push({ id: job.id, error: outcome.failed });
        this.#inFlight--;
        this.#scheduleFlush();
        if (this.#inFlight === 0) this.#drained?.();
        if (this.#waitingForRoom) this.#signal();
      };
      // A job whose data does not match its schema is a bug where it was queued: it fails, visibly, instead of reaching the handler.
      const valid = jobs.filter((job) => {
        const parsed = this.#o.schema.safeParse(job.data);
        if (parsed.success) return true;
        this.#log.error({ queue: this.#o.queue, jobId: job.id, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'job data does not match its schema');
        settle(job, { failed: new Error('the job data does not match its schema') });
        return false;
      });
      if (!valid.length) continue;
      Promise.resolve()
        .then(() => this.#handle(valid, settle, loaded))
        .catch((error: unknown) => {
          this.#log.error({ err: describeError(error), queue: this.#o.queue }, 'job handler failed');
          for (const job of valid) settle(job, { failed: error });
        });
    }
  }

  #scheduleFlush() {
    if (this.#flushTimer) return;
    this.#flushTimer = setTimeout(() => void this.#flush(), FLUSH_MS);
  }

  async #flush() {
    this.#flushTimer = null;
    const complete = this.#pendingComplete.splice(0);
    const fail = this.#pendingFail.splice(0);
    try {
      if (complete.length) await this.#boss.complete(this.#o.queue, complete, undefined, { db: this.#db });
      for (const f of fail) await this.#boss.fail(this.#o.queue, f.id, { error: describeError(f.error).message }, { db: this.#db });
    } catch (error) {
      // The jobs stay active and expire into a retry: at least once, never lost.
      this.#log.error({ err: describeError(error), queue: this.#o.queue }, 'settling jobs failed');
    }
  }

  /** Stops fetching, waits (up to the deadline) for jobs in flight, and writes their outcomes. */
  async stop(deadline: number): Promise<void> {
    this.#running = false;
    this.#signal();
    this.#unlisten?.();
    await this.#loop;
    if (this.#inFlight > 0) {
      await Promise.race([new Promise<void>((r) => (this.#drained = r)), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    await this.#flush();
  }
}
