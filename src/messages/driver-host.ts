import type { Job, PgBoss } from 'pg-boss';
import { AfterCommit, inTransaction, runAfterCommit } from '../db/pool.ts';
import { bossDb, pgSql, type Sql } from '../db/sql.ts';
import type { Outcome } from '../jobs/job-pump.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { applyStatusUpdates, tryApplyStatusUpdates, type Alongside, type MessageRow, type StatusUpdate } from './apply-status-updates.ts';
import { jobCompleteSql, jobInsertSql } from '../jobs/pg-boss-sql.ts';
import { wakeWorkers } from '../jobs/queue-listener.ts';
import { inboundMessage, receiveInbound, type InboundMessage } from './receive-inbound.ts';
import type { MediaLinks } from '../media/media-links.ts';
import { sendJobs, sendMessageJob } from './send-job.ts';
import { driverTaskJob, type DriverTask } from './driver-task-job.ts';
import type { DriverHost, InboundReport, StatusReport } from '../channels/driver.ts';

/** A message that stays QUEUED: paced, outside sending hours, or refused "not now" by its provider. */
export type Requeue = { messageId: string; at: Date; reason: string; notNow: boolean };

/** Due times round up to 50 ms, so a batch's work shares a few jobs instead of one each. */
const roundUp = (at: Date) => new Date(Math.ceil(at.getTime() / 50) * 50);

/**
 * A DriverHost that gathers what drivers report during a batch of work (and what the send worker
 * decided) and writes it in one go, in the transaction that also completes the batch's jobs.
 */
export class BatchHost implements DriverHost {
  readonly statuses: StatusUpdate[] = [];
  readonly inbound: { deviceId: string; report: InboundReport }[] = [];
  readonly tasks = new Map<string, { data: DriverTask; startAfter: Date }>();
  readonly requeues: Requeue[] = [];
  /** Messages as read with the batch's work, by id: a status change of one of them needs no read. */
  readonly known = new Map<string, MessageRow>();
  /** Devices whose provider refused their credentials, with the provider's words. */
  readonly deviceErrors = new Map<string, string>();

  async reportStatus(deviceId: string, report: StatusReport): Promise<void> {
    this.statuses.push({ deviceId, ...report, at: report.at ?? new Date() });
  }

  async reportInbound(deviceId: string, report: InboundReport): Promise<void> {
    this.inbound.push({ deviceId, report });
  }

  async schedule(deviceId: string, data: Record<string, unknown>, startAfter: Date): Promise<void> {
    const due = roundUp(startAfter);
    const key = `${deviceId}:${due.getTime()}`;
    const task = this.tasks.get(key);
    if (task) task.data.items.push(data);
    else this.tasks.set(key, { data: { deviceId, items: [data] }, startAfter: due });
  }

  /** When the jobs written by `flush` are due. */
  dueTimes(): Date[] {
    return [...this.tasks.values()].map((t) => t.startAfter).concat(this.requeues.map((r) => roundUp(r.at)));
  }

  /**
   * Writes what was gathered and completes the jobs that produced it, atomically (one guarded
   * statement for status reports alone, a transaction otherwise); then
   * settles them (failed, and so retried, if the write failed) and announces when new jobs are due.
   */
  async commit<T>(rt: Runtime, queue: string, jobs: Job<T>[], settle: (job: Job<T>, outcome: Outcome) => void, onScheduled: (at: Date) => void): Promise<void> {
    try {
      const jobIds = jobs.map((j) => j.id);
      if (!(await this.#commitStatusesOnly(rt, queue, jobIds))) {
        await inTransaction(rt.pool, async (client) => {
          const sql = pgSql(client);
          const alongside = this.#jobsAlongside(sql, rt.boss, queue, jobIds);
          await this.flush(sql, rt.boss, rt.media, alongside);
          if (!alongside.written) await rt.boss.complete(queue, jobIds, null, { db: bossDb(sql) });
        });
      }
      for (const job of jobs) settle(job, 'settled');
      for (const at of this.dueTimes()) onScheduled(at);
    } catch (error) {
      rt.log.error({ err: describeError(error), queue }, 'recording driver work failed');
      for (const job of jobs) settle(job, { failed: error });
    }
  }

  /**
   * The common batch, status reports and scheduled tasks only, in one read and one guarded write
   * without BEGIN and COMMIT (tryApplyStatusUpdates); false, with nothing written, when it needs
   * the transaction.
   */
  async #commitStatusesOnly(rt: Runtime, queue: string, jobIds: string[]): Promise<boolean> {
    if (!this.statuses.length || this.requeues.length || this.deviceErrors.size || this.inbound.length) return false;
    const wakeUps = new AfterCommit();
    const sql: Sql = { query: pgSql(rt.pool).query, afterCommit: async (statement) => wakeUps.add(statement) };
    if (!(await tryApplyStatusUpdates(sql, rt.boss, this.statuses, { alongside: this.#jobsAlongside(sql, rt.boss, queue, jobIds), known: this.known }))) return false;
    void wakeUps.run((statement) => runAfterCommit(rt.pool, statement));
    return true;
  }

  /**
   * Writes the scheduled tasks, requeued messages, device errors, status reports and inbound
   * messages. The tasks go `alongside` the status reports' statement when there is one.
   */
  async flush(sql: Sql, boss: PgBoss, media: MediaLinks, alongside?: Alongside): Promise<void> {
    if (!alongside) await this.#enqueueTasks(sql, boss);
    await this.#requeue(sql, boss);
    if (this.deviceErrors.size) {
      await sql.query('UPDATE devices SET last_error = x.error, last_error_at = now() FROM unnest($1::char(24)[], $2::text[]) AS x(id, error) WHERE devices.id = x.id', [
        [...this.deviceErrors.keys()],
        [...this.deviceErrors.values()],
      ]);
    }
    if (this.statuses.length) await applyStatusUpdates(sql, boss, this.statuses, { keepEarly: true, alongside });
    if (alongside && !alongside.written) await this.#enqueueTasks(sql, boss);
    if (this.inbound.length) {
      const { rows } = await sql.query<InboundMessage['device']>(
        `SELECT id, workspace_id AS "workspaceId", channel, address, integration_type AS "integrationType" FROM devices WHERE id = ANY($1::char(24)[])`,
        [[...new Set(this.inbound.map((i) => i.deviceId))]],
      );
      const devices = new Map(rows.map((d) => [d.id, d]));
      const known = this.inbound.filter((i) => devices.has(i.deviceId));
      await receiveInbound(sql, boss, known.map(({ deviceId, report }) => inboundMessage(devices.get(deviceId)!, report)), media);
    }
  }

  #taskJobs() {
    return [...this.tasks.values()].map((t) => ({ data: t.data, startAfter: t.startAfter }));
  }

  async #enqueueTasks(sql: Sql, boss: PgBoss) {
    await enqueue(sql, boss, driverTaskJob, this.#taskJobs());
  }

  /** The completion of the batch's jobs and the tasks drivers scheduled, for the status reports' statement: one round trip less each. */
  #jobsAlongside(sql: Sql, boss: PgBoss, queue: string, jobIds: string[]): Alongside {
    const tasks = this.#taskJobs();
    return {
      written: false,
      ctes: async (value) => {
        const [complete, insertTasks] = await Promise.all([jobCompleteSql(boss, queue), jobInsertSql(boss, driverTaskJob.name)]);
        const ctes = [`completed_jobs AS (${complete(value(jobIds))})`];
        if (tasks.length) {
          ctes.push(`driver_tasks AS (${insertTasks(value(JSON.stringify(tasks)))})`);
          // After the commit, as enqueue() does; tasks for later are found by the pumps' polling.
          if (tasks.some((t) => t.startAfter.getTime() <= Date.now())) await sql.afterCommit(wakeWorkers(driverTaskJob.name));
        }
        return ctes.join(',\n');
      },
    };
  }

  async #requeue(sql: Sql, boss: PgBoss) {
    if (!this.requeues.length) return;
    await sql.query(
      `UPDATE messages m SET next_attempt_at = x.at, queued_reason = x.reason, updated_at = now(),
              send_attempts = m.send_attempts + CASE WHEN x.not_now THEN 1 ELSE 0 END,
              retrying_since = CASE WHEN x.not_now THEN COALESCE(m.retrying_since, now()) ELSE m.retrying_since END
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[]) AS x(id, at, reason, not_now)
        WHERE m.id = ANY($1::uuid[]) AND m.id = x.id AND m.status = 'QUEUED'`,
      [this.requeues.map((r) => r.messageId), this.requeues.map((r) => r.at), this.requeues.map((r) => r.reason), this.requeues.map((r) => r.notNow)],
    );
    const byDue = new Map<number, string[]>();
    for (const r of this.requeues) {
      const due = roundUp(r.at).getTime();
      byDue.set(due, [...(byDue.get(due) ?? []), r.messageId]);
    }
    for (const [due, ids] of byDue) await enqueue(sql, boss, sendMessageJob, sendJobs(ids, new Date(due)));
  }
}
