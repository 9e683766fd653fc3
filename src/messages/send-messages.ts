import type { Job } from 'pg-boss';
import { BatchHost } from '../channels/driver-host.ts';
import { DriverError } from '../channels/driver.ts';
import { inTransaction } from '../db/pool.ts';
import { bossDb, pgSql } from '../db/sql.ts';
import { DEVICE_COLUMNS, openDevice, type ActiveDevice, type DeviceRow } from '../devices/active-devices.ts';
import type { MessageType } from '../generated/prisma/client.ts';
import type { BatchHandler } from '../jobs/job-pump.ts';
import { QUEUES } from '../jobs/queues.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';

/** One job sends a batch of accepted messages: pg-boss rows are the expensive part of a burst. */
export type SendJob = { messageIds: string[] };

export const MESSAGES_PER_JOB = 100;

export function sendJobs(messageIds: string[]): { data: SendJob }[] {
  const jobs: { data: SendJob }[] = [];
  for (let i = 0; i < messageIds.length; i += MESSAGES_PER_JOB) jobs.push({ data: { messageIds: messageIds.slice(i, i + MESSAGES_PER_JOB) } });
  return jobs;
}

type Row = DeviceRow & { messageId: string; to: string; type: MessageType; content: string | null; attachments: string[]; deviceStatus: string };

/**
 * The send worker: hands each QUEUED message to its device's driver, then, in one transaction per
 * batch, records SENT (with the provider's id) or FAILED (with the raw code) and completes the jobs.
 * A message already past QUEUED is not sent again, so a job retried after a crash sends nothing twice.
 */
export function sendMessages(rt: Runtime, onScheduled: (at: Date) => void = () => undefined): BatchHandler<SendJob> {
  return async (jobs, settle) => {
    const { rows } = await pgSql(rt.pool).query<Row>(
      `SELECT m.id AS "messageId", cl.phone AS "to", m.type, m.content, m.attachments, d.status AS "deviceStatus", ${DEVICE_COLUMNS}
         FROM messages m JOIN devices d ON d.id = m.device_id JOIN clients cl ON cl.id = m.client_id
        WHERE m.id = ANY($1::uuid[]) AND m.status = 'QUEUED'`,
      [jobs.flatMap((j) => j.data.messageIds)],
    );
    const host = new BatchHost();
    // A device's configuration is decrypted once per batch, not once per message.
    const opened = new Map<string, ActiveDevice>();
    const open = (row: Row) => opened.get(row.id) ?? opened.set(row.id, openDevice(rt.secrets, row)).get(row.id)!;
    await Promise.all(
      rows.map(async (row) => {
        const at = new Date();
        try {
          if (row.deviceStatus !== 'ACTIVE') throw new DriverError('switchboard:device-inactive', 'the device was deactivated before the message was sent');
          const device = open(row);
          const receipt = await device.driver.send(device, { id: row.messageId, to: row.to, type: row.type, content: row.content, attachments: row.attachments }, host);
          host.statuses.push({
            messageId: row.messageId,
            deviceId: row.id,
            providerMessageId: receipt.providerMessageId,
            providerConversationId: receipt.providerConversationId ?? null,
            status: 'SENT',
            rawStatus: receipt.rawStatus ?? null,
            at,
          });
        } catch (error) {
          const driverError = error instanceof DriverError ? error : null;
          if (!driverError) rt.log.error({ err: describeError(error), messageId: row.messageId }, 'driver send failed unexpectedly');
          host.statuses.push({
            messageId: row.messageId,
            deviceId: row.id,
            status: 'FAILED',
            rawStatus: driverError ? `${row.driver}:rejected` : `${row.driver}:error`,
            errorCode: driverError?.code ?? `${row.driver}:error`,
            error: driverError?.message ?? 'the driver failed unexpectedly',
            at,
          });
        }
      }),
    );
    await host.commit(rt, QUEUES.sendMessage, jobs, settle, onScheduled);
  };
}
