import type { Job, PgBoss } from 'pg-boss';
import { inTransaction } from '../db/pool.ts';
import { bossDb, pgSql, type Sql } from '../db/sql.ts';
import type { Outcome } from '../jobs/job-pump.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { QUEUES } from '../jobs/queues.ts';
import { applyStatusUpdates, type StatusUpdate } from '../messages/apply-status-updates.ts';
import { inboundMessage, receiveInbound, type InboundMessage } from '../messages/receive-inbound.ts';
import type { DriverHost, InboundReport, StatusReport } from './driver.ts';

/** Work a driver scheduled for later; tasks of one device due at the same moment share a job. */
export type DriverTask = { deviceId: string; items: Record<string, unknown>[] };

/**
 * A DriverHost that gathers what drivers report during a batch of work and writes it in one go,
 * in the transaction that also completes the batch's jobs.
 */
export class BatchHost implements DriverHost {
  readonly statuses: StatusUpdate[] = [];
  readonly inbound: { deviceId: string; report: InboundReport }[] = [];
  readonly tasks = new Map<string, { data: DriverTask; startAfter: Date }>();

  async reportStatus(deviceId: string, report: StatusReport): Promise<void> {
    this.statuses.push({ deviceId, ...report, at: report.at ?? new Date() });
  }

  async reportInbound(deviceId: string, report: InboundReport): Promise<void> {
    this.inbound.push({ deviceId, report });
  }

  async schedule(deviceId: string, data: Record<string, unknown>, startAfter: Date): Promise<void> {
    // Due times round up to 50 ms, so a batch's reports share a few jobs instead of one each.
    const due = Math.ceil(startAfter.getTime() / 50) * 50;
    const key = `${deviceId}:${due}`;
    const task = this.tasks.get(key);
    if (task) task.data.items.push(data);
    else this.tasks.set(key, { data: { deviceId, items: [data] }, startAfter: new Date(due) });
  }

  /** When the tasks written by `flush` are due. */
  dueTimes(): Date[] {
    return [...this.tasks.values()].map((t) => t.startAfter);
  }

  /**
   * Writes what was gathered and completes the jobs that produced it, in one transaction; then
   * settles them (failed, and so retried, if the write failed) and announces when new tasks are due.
   */
  async commit<T>(rt: Runtime, queue: string, jobs: Job<T>[], settle: (job: Job<T>, outcome: Outcome) => void, onScheduled: (at: Date) => void): Promise<void> {
    try {
      await inTransaction(rt.pool, async (client) => {
        const sql = pgSql(client);
        await this.flush(sql, rt.boss);
        await rt.boss.complete(queue, jobs.map((j) => j.id), null, { db: bossDb(sql) });
      });
      for (const job of jobs) settle(job, 'settled');
      for (const at of this.dueTimes()) onScheduled(at);
    } catch (error) {
      rt.log.error({ err: describeError(error), queue }, 'recording driver work failed');
      for (const job of jobs) settle(job, { failed: error });
    }
  }

  /** Writes the scheduled tasks, status reports and inbound messages. */
  async flush(sql: Sql, boss: PgBoss): Promise<void> {
    await enqueue(sql, boss, QUEUES.driverTask, [...this.tasks.values()].map((t) => ({ data: t.data, startAfter: t.startAfter })));
    if (this.statuses.length) await applyStatusUpdates(sql, boss, this.statuses);
    if (this.inbound.length) {
      const { rows } = await sql.query<InboundMessage['device']>(
        `SELECT id, workspace_id AS "workspaceId", channel, address, integration_type AS "integrationType" FROM devices WHERE id = ANY($1::char(24)[])`,
        [[...new Set(this.inbound.map((i) => i.deviceId))]],
      );
      const devices = new Map(rows.map((d) => [d.id, d]));
      const known = this.inbound.filter((i) => devices.has(i.deviceId));
      await receiveInbound(sql, boss, known.map(({ deviceId, report }) => inboundMessage(devices.get(deviceId)!, report)));
    }
  }
}
