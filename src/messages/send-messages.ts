import { BatchHost } from './driver-host.ts';
import { type DriverContext, type SendReceipt } from '../channels/driver.ts';
import { DriverError, NotNowError } from '../channels/driver-errors.ts';
import { reserveSends } from '../channels/pacing.ts';
import type { ProviderHttp } from '../channels/provider-http.ts';
import { jsonTime, type JsonRow } from '../db/json-rows.ts';
import { pgSql } from '../db/sql.ts';
import { DEVICE_COLUMNS, openDevice, type ActiveDevice, type DeviceRow } from '../devices/active-devices.ts';
import { callbackUrl } from '../devices/callback-url.ts';
import type { MessageType } from '../generated/prisma/client.ts';
import type { BatchHandler, LoadWithFetch } from '../jobs/job-pump.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { messageRow, messageRowJson, type MessageRow } from './apply-status-updates.ts';
import { sendMessageJob, type SendJob } from './send-job.ts';
import { DUE_TOLERANCE_MS, retryDelayMs, SENDS_IN_FLIGHT_PER_DEVICE } from './send-policy.ts';

type Row = DeviceRow & {
  messageId: string;
  to: string;
  type: MessageType;
  content: string | null;
  attachments: string[];
  deviceStatus: string;
  sendAttempts: number;
  retryingSince: Date | null;
  messageRow: MessageRow;
};

type Loaded = JsonRow<Omit<Row, 'messageRow'>> & { messageRow: JsonRow<MessageRow> };

/**
 * The send worker: hands each due QUEUED message to its device's driver, within the device's pace
 * and sending hours, then, atomically per batch (host.commit), records SENT (with the provider's id),
 * FAILED (refused for good, with the raw code), or QUEUED again (paced, or the provider said "not
 * now") with when and why, and completes the jobs. A message already past QUEUED, or due later (it
 * has a newer job), is not sent, so a job retried after a crash sends nothing twice.
 */
export function sendMessages(rt: Runtime, http: ProviderHttp, onScheduled: (at: Date) => void = () => undefined): BatchHandler<SendJob> {
  return async (jobs, settle, loaded) => {
    const now = new Date();
    const wanted = new Set(jobs.flatMap((j) => j.data.messageIds));
    const rows = (loaded as Loaded[]).filter((row) => wanted.has(row.messageId)).map(sendRow);
    const host = new BatchHost();
    for (const row of rows) host.known.set(row.messageId, row.messageRow);
    const byDevice = new Map<string, Row[]>();
    for (const row of rows) byDevice.set(row.id, [...(byDevice.get(row.id) ?? []), row]);
    await Promise.all([...byDevice.values()].map((group) => sendForDevice(rt, http, host, group, now)));
    await host.commit(rt, sendMessageJob.name, jobs, settle, onScheduled);
  };
}

/**
 * The due QUEUED messages of the fetched send jobs (`fetched`: jobs/job-pump.ts), with their
 * devices and contacts, and each one's row as its status change will read it: the change then
 * needs no read. Due: by `due` (SQL).
 */
export const sendRowsOfFetched = (due: string) => `(SELECT coalesce(json_agg(x), '[]') FROM (
  SELECT sm.id AS "messageId", cl.phone AS "to", sm.type, sm.content, sm.attachments, d.status AS "deviceStatus",
         sm.send_attempts AS "sendAttempts", sm.retrying_since AS "retryingSince", ${DEVICE_COLUMNS}, ${messageRowJson('sm.id')} AS "messageRow"
    FROM messages sm JOIN devices d ON d.id = sm.device_id JOIN clients cl ON cl.id = sm.client_id
   WHERE sm.id = ANY (ARRAY(SELECT jsonb_array_elements_text(f.data->'messageIds')::uuid FROM fetched f))
     AND sm.status = 'QUEUED' AND (sm.next_attempt_at IS NULL OR sm.next_attempt_at <= ${due})) x)`;

/** Read with each fetch of send jobs: no round trip of its own. Due: now, within the tolerance. */
export const loadSends: LoadWithFetch = (first) => ({ sql: sendRowsOfFetched(`$${first}::timestamptz`), values: [new Date(Date.now() + DUE_TOLERANCE_MS)] });

const sendRow = (json: Loaded): Row => ({ ...json, retryingSince: jsonTime(json.retryingSince), activatedAt: jsonTime(json.activatedAt), messageRow: messageRow(json.messageRow) });

async function sendForDevice(rt: Runtime, http: ProviderHttp, host: BatchHost, group: Row[], now: Date): Promise<void> {
  const first = group[0]!;
  const fail = (row: Row, code: string, error: string) => failMessage(host, row.id, row.messageId, code, error);
  if (first.deviceStatus !== 'ACTIVE') {
    for (const row of group) fail(row, 'switchboard:device-inactive', 'the device was deactivated before the message was sent');
    return;
  }
  let device: ActiveDevice;
  try {
    device = openDevice(rt.secrets, first);
  } catch (error) {
    rt.log.error({ err: describeError(error), deviceId: first.id }, 'a device could not be opened');
    for (const row of group) fail(row, 'switchboard:device-unreadable', "the device's configuration could not be read");
    return;
  }
  // A device reached over a long-lived link sends from the process that holds it (links/link-supervisor.ts).
  if (device.driver.linked) return;
  const pacing = await reserveSends(pgSql(rt.pool), device.id, device.config, group.length, now);
  const go = group.slice(0, pacing.granted);
  if (pacing.later) for (const row of group.slice(pacing.granted)) host.requeues.push({ messageId: row.messageId, at: pacing.later.at, reason: pacing.later.reason, notNow: false });

  const ctx: DriverContext & { host: BatchHost } = { http, callbackUrl: callbackUrl(rt, device), log: rt.log, host };
  const sendOne = async (row: Row) => {
    try {
      const receipt = await device.driver.send(device, { id: row.messageId, to: row.to, type: row.type, content: row.content, attachments: row.attachments }, ctx);
      recordSendOutcome(rt, host, device, row, now, { receipt });
    } catch (error) {
      recordSendOutcome(rt, host, device, row, now, { error });
    }
  };
  for (let i = 0; i < go.length; i += SENDS_IN_FLIGHT_PER_DEVICE) await Promise.all(go.slice(i, i + SENDS_IN_FLIGHT_PER_DEVICE).map(sendOne));
}

/** A QUEUED message, as much of it as deciding what a send's outcome does to it needs. */
export type QueuedSend = { messageId: string; sendAttempts: number; retryingSince: Date | null };

const failMessage = (host: BatchHost, deviceId: string, messageId: string, code: string, error: string, rawStatus = code) =>
  host.statuses.push({ messageId, deviceId, status: 'FAILED', rawStatus, errorCode: code, error, at: new Date() });

/**
 * What a driver's answer does to a message, gathered in the batch's host: SENT with the provider's
 * id; FAILED for good with the raw code (DriverError); or QUEUED again after a "not now" (or an
 * unexpected error), with backoff, until the device's retry window has run out since the first one.
 */
export function recordSendOutcome(
  rt: Runtime,
  host: BatchHost,
  device: { id: string; driver: { name: string }; config: { retryWindowMinutes: number } },
  row: QueuedSend,
  now: Date,
  outcome: { receipt: SendReceipt } | { error: unknown },
): void {
  if ('receipt' in outcome) {
    const { receipt } = outcome;
    host.statuses.push({
      messageId: row.messageId,
      deviceId: device.id,
      providerMessageId: receipt.providerMessageId,
      providerConversationId: receipt.providerConversationId ?? null,
      status: 'SENT',
      rawStatus: receipt.rawStatus ?? null,
      at: new Date(),
    });
    return;
  }
  const { error } = outcome;
  if (error instanceof DriverError) return void failMessage(host, device.id, row.messageId, error.code, error.message, `${device.driver.name}:rejected`);
  const notNow = error instanceof NotNowError ? error : new NotNowError(`${device.driver.name}:error`, 'the driver failed unexpectedly');
  if (!(error instanceof NotNowError)) rt.log.error({ err: describeError(error), messageId: row.messageId }, 'driver send failed unexpectedly');
  if (notNow.credentials) host.deviceErrors.set(device.id, `${notNow.code}: ${notNow.message}`);
  const windowMs = device.config.retryWindowMinutes * 60_000;
  const since = row.retryingSince ?? now;
  if (now.getTime() - since.getTime() >= windowMs) {
    return void failMessage(host, device.id, row.messageId, notNow.code, `the provider kept answering "not now" for ${device.config.retryWindowMinutes} minutes; last: ${notNow.message}`);
  }
  // The pause counts from the provider's answer: a send that took until its timeout is not tried again at once.
  const at = new Date(Math.min(Date.now() + retryDelayMs(row.sendAttempts + 1, notNow.retryAfterMs), since.getTime() + windowMs));
  host.requeues.push({ messageId: row.messageId, at, reason: `${notNow.code}: ${notNow.message}`, notNow: true });
}
