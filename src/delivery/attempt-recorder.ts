import type { PgBoss } from 'pg-boss';
import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { jobCompleteSql } from '../jobs/pg-boss-sql.ts';
import { deliverEventJob, deliveryJobs } from './deliver-job.ts';
import { RESUME_ON_RECOVERY } from './delivery-policy.ts';
import { describeError, type Logger } from '../log.ts';
import type pg from 'pg';

/**
 * What one delivery led to; written together with others in one transaction. `completesJob`: the
 * job that carried it, when this is the job's only delivery: completed in the same statement.
 */
export type Record = (
  | {
      kind: 'attempt';
      deliveryId: string;
      targetId: string;
      attempt: { number: number; manual: boolean; url: string; startedAt: Date; durationMs: number; statusCode: number | null; errorKind: string | null; error: string | null; responseBody: string | null };
      delivery: { status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'DEAD'; nextAttemptAt: Date | null };
      target: 'succeeded' | 'failed' | 'gone';
    }
  /** The target is disabled: the delivery waits, without a job, until the target is enabled. */
  | { kind: 'park'; deliveryId: string; attempt: number }
  /** The target has too many requests in flight: try again shortly. */
  | { kind: 'defer'; deliveryId: string; attempt: number; manual: boolean; startAfter: Date }
) & { completesJob?: string };

const FLUSH_MS = 15;
const MAX_BATCH = 200;

/**
 * Writes attempt results in batches: attempts, delivery states, target health and follow-up jobs,
 * in one transaction. The job that carried a delivery is completed only after its result is
 * written, so a crash in between re-sends (at least once) but never loses one.
 */
export class AttemptRecorder {
  readonly #pool: pg.Pool;
  readonly #boss: PgBoss;
  readonly #log: Logger;
  readonly #disableAfterMs: number;
  #buffer: { record: Record; done: (ok: boolean) => void }[] = [];
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  /** Told when a follow-up job will be due, so the local pump can wake for it. */
  onScheduled: (at: Date) => void = () => undefined;

  constructor(pool: pg.Pool, boss: PgBoss, log: Logger, disableAfterMs: number) {
    this.#pool = pool;
    this.#boss = boss;
    this.#log = log;
    this.#disableAfterMs = disableAfterMs;
  }

  /** Resolves true once the record is committed, false if the write failed (the job will be retried). */
  write(record: Record): Promise<boolean> {
    return new Promise((resolve) => {
      this.#buffer.push({ record, done: resolve });
      if (this.#buffer.length >= MAX_BATCH) this.#flushSoon(0);
      else this.#flushSoon(FLUSH_MS);
    });
  }

  #flushSoon(ms: number) {
    if (this.#timer && ms > 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#flushing = this.#flushing.then(() => this.#flush());
    }, ms);
  }

  async drain(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#flushing = this.#flushing.then(() => this.#flush());
    }
    await this.#flushing;
  }

  async #flush(): Promise<void> {
    while (this.#buffer.length) {
      const batch = this.#buffer.splice(0, MAX_BATCH);
      const recovered: string[] = [];
      try {
        recovered.push(...(await this.#commit(batch.map((b) => b.record))));
        for (const b of batch) b.done(true);
      } catch (error) {
        this.#log.error({ err: describeError(error) }, 'recording delivery attempts failed');
        // One bad record must not fail the others: each is tried on its own.
        for (const b of batch) {
          const alone = batch.length > 1 ? await this.#commit([b.record]).catch(() => null) : null;
          if (alone) recovered.push(...alone);
          b.done(alone !== null);
        }
      }
      if (recovered.length) await this.#resumeRecovered(recovered);
    }
  }

  /**
   * Targets that answer again after failing get their waiting deliveries sent soon instead of at
   * their scheduled retries (RESUME_ON_RECOVERY). Best effort: if this fails they keep their schedule.
   */
  async #resumeRecovered(targetIds: string[]): Promise<void> {
    try {
      const { max, perSecond, minGainSeconds } = RESUME_ON_RECOVERY;
      const now = new Date();
      const resumed = await inTransaction(this.#pool, async (client) => {
        const sql = pgSql(client);
        const rows: { id: string; attempt_count: number; second: number }[] = [];
        for (const targetId of targetIds) rows.push(...(await sql.query<(typeof rows)[number]>(RESUME_RECOVERED, [targetId, now, max, perSecond, minGainSeconds])).rows);
        const bySecond = Map.groupBy(rows, (r) => r.second);
        const jobs = [...bySecond].flatMap(([second, due]) => deliveryJobs(due.map((r) => [r.id, r.attempt_count]), { startAfter: new Date(now.getTime() + second * 1000) }));
        await enqueue(sql, this.#boss, deliverEventJob, jobs);
        return { count: rows.length, seconds: [...bySecond.keys()] };
      });
      for (const second of resumed.seconds) this.onScheduled(new Date(now.getTime() + second * 1000));
      if (resumed.count) this.#log.info({ targetIds, deliveries: resumed.count }, 'targets answer again: their waiting deliveries are sent now');
    } catch (error) {
      this.#log.error({ err: describeError(error), targetIds }, 'resuming the deliveries of recovered targets failed; they keep their schedule');
    }
  }

  /** Writes the records; returns the targets that succeeded after failing (recovered). */
  async #commit(records: Record[]): Promise<string[]> {
    const now = new Date();
    const attempts = records.filter((r) => r.kind === 'attempt');
    const parks = records.filter((r) => r.kind === 'park');
    const defers = records.filter((r) => r.kind === 'defer');
    // The common case, successes only, is one statement: atomic without BEGIN and COMMIT round trips.
    const single = parks.length === 0 && defers.length === 0 && attempts.every((r) => r.delivery.status === 'SUCCEEDED');
    const run = single ? (work: (client: pg.PoolClient | pg.Pool) => Promise<void>) => work(this.#pool) : (work: (client: pg.PoolClient) => Promise<void>) => inTransaction(this.#pool, work);
    const recovered: string[] = [];
    const jobIds = records.flatMap((r) => (r.completesJob ? [r.completesJob] : []));
    const complete = jobIds.length ? await jobCompleteSql(this.#boss, deliverEventJob.name) : null;
    await run(async (client) => {
      const sql = pgSql(client);
      // In one statement with the attempts when there are some; with BEGIN and COMMIT around it otherwise.
      if (complete && !attempts.length) await sql.query(`WITH completed AS (${complete('$1::uuid[]')}) SELECT 1`, [jobIds]);
      if (attempts.length) {
        const rows = attempts.map((r) => ({
          delivery_id: r.deliveryId,
          number: r.attempt.number,
          trigger: r.attempt.manual ? 'MANUAL' : 'SCHEDULED',
          url: r.attempt.url,
          started_at: r.attempt.startedAt,
          duration_ms: r.attempt.durationMs,
          status_code: r.attempt.statusCode,
          error_kind: r.attempt.errorKind,
          error: r.attempt.error,
          response_body: r.attempt.responseBody,
          status: r.delivery.status,
          next_attempt_at: r.delivery.nextAttemptAt,
        }));
        const ids = (kind: 'succeeded' | 'failed' | 'gone') => [...new Set(attempts.filter((r) => r.target === kind).map((r) => r.targetId))];
        const succeeded = ids('succeeded');
        const values = [JSON.stringify(rows), now, succeeded, rows.map((r) => r.delivery_id)];
        const { rows: healthy } = complete
          ? await sql.query<{ id: string }>(recordAttempts(complete('$5::uuid[]')), [...values, jobIds])
          : await sql.query<{ id: string }>(RECORD_ATTEMPTS, values);
        recovered.push(...healthy.map((t) => t.id));
        const failed = ids('failed').filter((id) => !succeeded.includes(id));
        if (failed.length) await sql.query(MARK_FAILING, [failed, now, new Date(now.getTime() - this.#disableAfterMs), `every delivery failed for ${Math.round(this.#disableAfterMs / 1000)} seconds`]);
        const gone = ids('gone');
        if (gone.length) await sql.query("UPDATE targets SET enabled = false, disabled_reason = 'the target answered 410 Gone', disabled_at = $2 WHERE id = ANY($1) AND enabled", [gone, now]);
        const retries = attempts
          .filter((r) => r.delivery.status === 'PENDING' && r.delivery.nextAttemptAt)
          .flatMap((r) => deliveryJobs([[r.deliveryId, r.attempt.number]], { startAfter: r.delivery.nextAttemptAt! }));
        await enqueue(sql, this.#boss, deliverEventJob, retries);
        for (const r of retries) if (r.startAfter) this.onScheduled(new Date(r.startAfter as Date));
      }
      if (parks.length) {
        // Parked only while the target is still disabled; one enabled meanwhile gets the delivery now.
        const { rows: parked } = await sql.query<{ id: string }>(
          `UPDATE deliveries d SET next_attempt_at = NULL, updated_at = $2 FROM targets t
            WHERE d.id = ANY($1::uuid[]) AND t.id = d.target_id AND NOT t.enabled RETURNING d.id`,
          [parks.map((p) => p.deliveryId), now],
        );
        const stillParked = new Set(parked.map((p) => p.id));
        const resumed = parks.filter((p) => !stillParked.has(p.deliveryId)).map((p): [string, number] => [p.deliveryId, p.attempt]);
        await enqueue(sql, this.#boss, deliverEventJob, deliveryJobs(resumed));
      }
      if (defers.length) {
        const jobs = defers.flatMap((d) => deliveryJobs([[d.deliveryId, d.attempt]], { manual: d.manual, startAfter: d.startAfter }));
        await enqueue(sql, this.#boss, deliverEventJob, jobs);
        for (const d of defers) this.onScheduled(d.startAfter);
      }
    });
    return recovered;
  }
}

/** The attempts ($1) at $2, the targets that succeeded ($3), the deliveries ($4), and pg-boss' completion of their jobs if given. */
const recordAttempts = (completeJobs?: string) => `
WITH r AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    delivery_id uuid, number int, trigger text, url text, started_at timestamptz, duration_ms int, status_code int,
    error_kind text, error text, response_body text, status text, next_attempt_at timestamptz)
),
healthy AS (
  -- Any success ends a target's failing span; the targets whose span it ended are the result.
  UPDATE targets SET failing_since = NULL WHERE id = ANY($3::char(24)[]) AND failing_since IS NOT NULL RETURNING id
),
a AS (
  INSERT INTO attempts (delivery_id, number, trigger, url, started_at, duration_ms, status_code, error_kind, error, response_body)
  SELECT delivery_id, number, trigger::"AttemptTrigger", url, started_at, duration_ms, status_code, error_kind, error, response_body FROM r
),
recorded AS (
  UPDATE deliveries d SET
    status = r.status::"DeliveryStatus",
    attempt_count = r.number,
    next_attempt_at = r.next_attempt_at,
    last_status_code = r.status_code,
    last_error = r.error,
    succeeded_at = CASE WHEN r.status = 'SUCCEEDED' THEN $2::timestamptz ELSE d.succeeded_at END,
    updated_at = $2
  FROM r
  -- The id list lets the planner use the primary key (a CTE's row count is unknown to it).
  WHERE d.id = ANY($4::uuid[]) AND d.id = r.delivery_id
)${completeJobs ? `,
completed AS (${completeJobs})` : ''}
SELECT id FROM healthy`;

export const RECORD_ATTEMPTS = recordAttempts();

/**
 * A recovered target's waiting deliveries, oldest first, get new times: `perSecond` of them each
 * second from now. Only those it brings forward by more than `minGainSeconds`; deliveries locked by
 * a worker recording them are skipped. Their new jobs make the old ones stale (deliver-events.ts
 * skips a job whose attempt count moved on, or whose delivery is done).
 */
export const RESUME_RECOVERED = `
WITH waiting AS (
  SELECT id, created_at FROM deliveries
   WHERE target_id = $1 AND status = 'PENDING' AND next_attempt_at > $2::timestamptz + make_interval(secs => $5::float8)
   ORDER BY created_at
   LIMIT $3::int
     FOR UPDATE SKIP LOCKED
),
slots AS (
  SELECT id, ((row_number() OVER (ORDER BY created_at) - 1) / $4::int)::int AS second FROM waiting
)
UPDATE deliveries d SET next_attempt_at = $2::timestamptz + make_interval(secs => s.second), updated_at = $2
  FROM slots s
 WHERE d.id = s.id AND d.next_attempt_at > $2::timestamptz + make_interval(secs => s.second + $5::float8)
RETURNING d.id, d.attempt_count, s.second`;

/** A failure starts (or continues) the target's failing span; past the limit the target is disabled with its reason. */
const MARK_FAILING = `
UPDATE targets SET
  failing_since = COALESCE(failing_since, $2),
  enabled = CASE WHEN enabled AND COALESCE(failing_since, $2) <= $3 THEN false ELSE enabled END,
  disabled_reason = CASE WHEN enabled AND COALESCE(failing_since, $2) <= $3 THEN $4 ELSE disabled_reason END,
  disabled_at = CASE WHEN enabled AND COALESCE(failing_since, $2) <= $3 THEN $2 ELSE disabled_at END
WHERE id = ANY($1)`;
