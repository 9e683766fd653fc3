import type { PgBoss } from 'pg-boss';
import { jsonTime, type JsonRow } from '../db/json-rows.ts';
import { RACED, type Sql } from '../db/sql.ts';
import type { MessageEventPayload } from '../events/event-payloads.ts';
import { eventRows, fanOut, newEvent, type NewEvent } from '../delivery/record-events.ts';
import { deliverEventJob } from '../delivery/deliver-job.ts';
import { wakeWorkers } from '../jobs/queue-listener.ts';
import { clientSnapshot, conversationSnapshot, deviceSnapshot, messageSnapshot } from '../events/snapshots.ts';
import type { MessageStatus } from '../generated/prisma/client.ts';
import { CLIENT_COLUMNS, conversationColumns } from '../conversations/contacts.ts';

export type StatusUpdate = {
  /** Our id (the send worker knows it) or the device and provider id (a provider report). */
  messageId?: string;
  deviceId: string;
  providerMessageId?: string | null;
  providerConversationId?: string | null;
  status: Extract<MessageStatus, 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'UNDELIVERED'>;
  rawStatus?: string | null;
  errorCode?: string | null;
  error?: string | null;
  at: Date;
  /** A provider's event id: a report seen before is ignored. */
  eventId?: string | null;
};

const RANK: Record<MessageStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 9, UNDELIVERED: 9, RECEIVED: 9 };
const TIME_COLUMN = { SENT: 'sentAt', DELIVERED: 'deliveredAt', READ: 'readAt', FAILED: 'failedAt', UNDELIVERED: 'failedAt' } as const;

/**
 * Where a status may go from here (SPEC §2): only forward through QUEUED → SENT → DELIVERED → READ;
 * FAILED or UNDELIVERED unless the message was already delivered or read. A late status is still
 * recorded (its time) but does not move the message back.
 */
export function nextStatus(current: MessageStatus, incoming: StatusUpdate['status']): MessageStatus {
  if (RANK[current] === 9) return current;
  if (incoming === 'FAILED' || incoming === 'UNDELIVERED') return current === 'DELIVERED' || current === 'READ' ? current : incoming;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

type Row = {
  id: string;
  /** The row's version when read (xmin), for a guarded write. */
  version: string;
  workspaceId: number;
  locationId: string;
  deviceId: string;
  status: MessageStatus;
  providerMessageId: string | null;
  providerConversationId: string | null;
  rawStatus: string | null;
  errorCode: string | null;
  error: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  message: Parameters<typeof messageSnapshot>[0];
  client: Parameters<typeof clientSnapshot>[0];
  device: Parameters<typeof deviceSnapshot>[0];
  conversation: Parameters<typeof conversationSnapshot>[0];
};

/**
 * Applies status reports in one transaction (the caller's): moves each message as far as the rules
 * allow, keeps the raw provider status and error, and emits MESSAGE_UPDATED per change (which the
 * fan-out also renders as MESSAGE_UPDATED_SMPP and seed 000 STATUS-UPDATE). A report only reaches
 * messages of its own device. Returns the number of reports that matched a message (a repeated
 * provider event counts as matched but changes nothing).
 *
 * With `keepEarly`, a provider's report that matches no message yet is kept and applied once the
 * send worker records that provider id (a callback can overtake the send's own answer).
 */
export async function applyStatusUpdates(sql: Sql, boss: PgBoss, updates: StatusUpdate[], options: { keepEarly?: boolean; alongside?: Alongside } = {}): Promise<number> {
  if (!updates.length) return 0;
  const { rowOf, matching } = await readMessages(sql, updates, true);

  // A provider event is remembered only once it matched, so a report that came too early can be retried.
  let pending = matching;
  const withEventIds = matching.filter((u) => u.eventId);
  if (withEventIds.length) {
    const { rows: fresh } = await sql.query<{ device_id: string; event_id: string }>(
      `INSERT INTO provider_events (device_id, event_id, received_at) SELECT *, now() FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING RETURNING device_id, event_id`,
      [withEventIds.map((u) => u.deviceId), withEventIds.map((u) => u.eventId)],
    );
    const seen = new Set(fresh.map((r) => `${r.device_id}:${r.event_id}`));
    pending = matching.filter((u) => !u.eventId || seen.has(`${u.deviceId}:${u.eventId}`));
  }

  const { changes, events } = decide(pending, rowOf);
  // One statement: the changes, their events (deliveries and jobs), and the early reports of messages that now have a provider id.
  if (options.keepEarly) await keepEarlyReports(sql, updates.filter((u) => !rowOf(u) && !u.messageId && u.providerMessageId));
  if (!changes.length) return matching.length;
  const written = await writeChanges(sql, boss, updates, changes, events, options.alongside, false);
  // Reports that arrived before these messages had their provider ids: applied now, in this transaction.
  const early = written.early ?? [];
  if (early.length) await applyStatusUpdates(sql, boss, early.map((report) => ({ ...report, at: new Date(report.at) })));
  return matching.length;
}

/**
 * The common case without a transaction: one read and one write, the write guarded by each
 * message's row version (xmin). Answers false, having written nothing, when the reports need the
 * locking path: one matches no message or carries a provider event id, an early report waits for
 * one of the messages, or a message changed since the read (the guard undoes the write).
 */
export async function tryApplyStatusUpdates(
  sql: Sql,
  boss: PgBoss,
  updates: StatusUpdate[],
  { alongside, known = new Map() }: { alongside?: Alongside; known?: Map<string, Row> } = {},
): Promise<boolean> {
  if (!updates.length || updates.some((u) => u.eventId)) return false;
  // Rows read with the batch's work (`known`, by id) save the read when every report is about one of them.
  const { rowOf, matching } = updates.every((u) => u.messageId && known.has(u.messageId)) ? index([...known.values()], updates) : await readMessages(sql, updates, false);
  if (matching.length < updates.length) return false;
  const { changes, events } = decide(matching, rowOf);
  if (!changes.length) return false;
  try {
    await writeChanges(sql, boss, updates, changes, events, alongside, true);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === RACED) return false;
    throw error;
  }
}

/** The outbound messages the reports are about, locked or with their row versions. */
async function readMessages(sql: Sql, updates: StatusUpdate[], lock: boolean) {
  const byId = updates.filter((u) => u.messageId);
  const byProvider = updates.filter((u) => !u.messageId && u.providerMessageId);
  const { rows } = await sql.query<Row>(lock ? LOCK_MESSAGES : READ_MESSAGES, [
    byId.map((u) => u.messageId),
    byId.map((u) => u.deviceId),
    byProvider.map((u) => u.deviceId),
    byProvider.map((u) => u.providerMessageId),
  ]);
  return index(rows, updates);
}

function index(rows: Row[], updates: StatusUpdate[]) {
  const found = new Map<string, Row>();
  for (const r of rows) {
    found.set(`${r.deviceId}#${r.id}`, r);
    if (r.providerMessageId) found.set(`${r.deviceId}:${r.providerMessageId}`, r);
  }
  const rowOf = (u: StatusUpdate) => (u.messageId ? found.get(`${u.deviceId}#${u.messageId}`) : found.get(`${u.deviceId}:${u.providerMessageId}`));
  return { rowOf, matching: updates.filter((u) => rowOf(u)) };
}

/** Moves each message as far as the rules allow; the rows changed and a MESSAGE_UPDATED per status change. */
function decide(pending: StatusUpdate[], rowOf: (u: StatusUpdate) => Row | undefined): { changes: Row[]; events: NewEvent[] } {
  const changed = new Map<string, Row>();
  const events: NewEvent[] = [];
  const apply = (row: Row, u: StatusUpdate) => {
    // A status's time is when it first happened: the earliest report (an implied one may be corrected).
    const column = TIME_COLUMN[u.status];
    if (!row[column] || u.at < row[column]!) row[column] = u.at;
    const next = nextStatus(row.status, u.status);
    if (next === row.status) return;
    row.status = next;
    row.rawStatus = u.rawStatus ?? row.rawStatus;
    if (next === 'FAILED' || next === 'UNDELIVERED') {
      row.errorCode = u.errorCode ?? row.errorCode;
      row.error = u.error ?? row.error;
    }
    const payload: MessageEventPayload = {
      workspace: { id: row.workspaceId, locationId: row.locationId },
      message: messageSnapshot({ ...row.message, status: row.status, rawStatus: row.rawStatus, errorCode: row.errorCode, error: row.error, providerMessageId: row.providerMessageId, providerConversationId: row.providerConversationId }),
      client: clientSnapshot(row.client),
      device: deviceSnapshot(row.device),
      conversation: conversationSnapshot(row.conversation),
      statusAt: u.at.toISOString(),
    };
    events.push(newEvent(row.workspaceId, 'MESSAGE_UPDATED', payload));
  };
  // Reports of one message that arrive together are applied in lifecycle order.
  for (const reported of [...pending].sort((a, b) => RANK[a.status] - RANK[b.status] || a.at.getTime() - b.at.getTime())) {
    const row = rowOf(reported)!;
    // Nothing happens to a message before it exists: a device clock behind ours is taken as the creation time.
    const created = new Date(row.message.createdAt);
    const u = reported.at < created ? { ...reported, at: created } : reported;
    changed.set(row.id, row);
    if (u.providerMessageId && !row.providerMessageId) row.providerMessageId = u.providerMessageId;
    if (u.providerConversationId && !row.providerConversationId) row.providerConversationId = u.providerConversationId;
    // Read means delivered: a READ that skips DELIVERED implies it, so every receiver hears DELIVERED.
    if (u.status === 'READ' && RANK[row.status] < RANK.DELIVERED) apply(row, { ...u, status: 'DELIVERED' });
    apply(row, u);
  }
  return { changes: [...changed.values()], events };
}

async function writeChanges(sql: Sql, boss: PgBoss, updates: StatusUpdate[], changes: Row[], events: NewEvent[], alongside: Alongside | undefined, guarded: boolean) {
  const sent = changes.filter((r) => r.providerMessageId && updates.some((u) => u.messageId === r.id && u.providerMessageId));
  const now = new Date();
  const stored = eventRows(events, now);
  const more: unknown[] = [];
  const ctes = alongside ? await alongside.ctes((value) => `$${WRITE_PARAMETERS + more.push(value)}`) : null;
  const {
    rows: [written],
  } = await sql.query<{ deliveryJobs: number; early: (StatusUpdate & { at: string })[] | null }>(await writeStatuses(boss, ctes, guarded), [
    JSON.stringify(
      changes.map((r) => ({
        id: r.id,
        version: r.version,
        status: r.status,
        provider_message_id: r.providerMessageId,
        provider_conversation_id: r.providerConversationId,
        raw_status: r.rawStatus,
        error_code: r.errorCode,
        error: r.error,
        sent_at: r.sentAt,
        delivered_at: r.deliveredAt,
        read_at: r.readAt,
        failed_at: r.failedAt,
      })),
    ),
    changes.map((r) => r.id),
    stored.json,
    now,
    sent.map((r) => r.deviceId),
    sent.map((r) => r.providerMessageId),
    ...more,
  ]);
  if (alongside) alongside.written = true;
  if (written!.deliveryJobs > 0) await sql.afterCommit(wakeWorkers(deliverEventJob.name));
  return written!;
}

async function keepEarlyReports(sql: Sql, early: StatusUpdate[]): Promise<void> {
  if (!early.length) return;
  await sql.query(
    `INSERT INTO early_status_reports (device_id, provider_message_id, report, received_at) SELECT *, now() FROM unnest($1::char(24)[], $2::text[], $3::jsonb[])`,
    [early.map((u) => u.deviceId), early.map((u) => u.providerMessageId), early.map((u) => JSON.stringify(u))],
  );
}

/** What a status change reads of a message `m`, its workspace `w` and its device `d`. */
const MESSAGE_ROW = `m.id, m.xmin::text AS version, m.workspace_id AS "workspaceId", w.location_id AS "locationId", m.device_id AS "deviceId", m.status,
       m.provider_message_id AS "providerMessageId", m.provider_conversation_id AS "providerConversationId",
       m.raw_status AS "rawStatus", m.error_code AS "errorCode", m.error, m.sent_at AS "sentAt", m.delivered_at AS "deliveredAt",
       m.read_at AS "readAt", m.failed_at AS "failedAt",
       json_build_object('id', m.id, 'externalId', m.external_id, 'direction', m.direction, 'channel', m.channel, 'type', m.type,
         'content', m.content, 'attachments', m.attachments, 'status', m.status, 'rawStatus', m.raw_status, 'errorCode', m.error_code,
         'error', m.error, 'userId', m.user_id, 'isAgent', m.is_agent, 'providerMessageId', m.provider_message_id,
         'providerConversationId', m.provider_conversation_id, 'createdAt', m.created_at) AS message,
       (SELECT row_to_json(x) FROM (SELECT ${CLIENT_COLUMNS} FROM clients WHERE clients.id = m.client_id) x) AS client,
       json_build_object('id', d.id, 'channel', d.channel, 'address', d.address, 'integrationType', d.integration_type) AS device,
       (SELECT row_to_json(x) FROM (SELECT ${conversationColumns('cv')} FROM conversations cv WHERE cv.id = m.conversation_id) x) AS conversation`;
const MESSAGE_ROW_FROM = `messages m JOIN workspaces w ON w.id = m.workspace_id JOIN devices d ON d.id = m.device_id`;

/** The outbound messages of a batch of reports ($1 our ids and $2 their devices, $3 devices and $4 provider ids), with each row's version (xmin) for a guarded write. */
export const READ_MESSAGES = `
SELECT ${MESSAGE_ROW}
  FROM ${MESSAGE_ROW_FROM}
 -- Each key is looked up through its own index (an OR of both would scan the whole table);
 -- device ids are char(24), so they are compared as such.
 WHERE m.id = ANY (ARRAY(
         SELECT k.id FROM unnest($1::uuid[], $2::char(24)[]) AS k(id, device_id) JOIN messages x ON x.id = k.id AND x.device_id = k.device_id
          UNION
         SELECT x.id FROM unnest($3::char(24)[], $4::text[]) AS k(device_id, provider_message_id)
           JOIN messages x ON x.device_id = k.device_id AND x.provider_message_id = k.provider_message_id))
   AND m.direction = 'OUTBOUND'
 ORDER BY m.id`;

/**
 * SQL for the row of the message with id `id` as a status change reads it, as JSON (`messageRow`
 * reads it back): the send worker reads it with the message it sends, so its write needs no read.
 */
export const messageRowJson = (id: string) => `(SELECT row_to_json(r) FROM (SELECT ${MESSAGE_ROW} FROM ${MESSAGE_ROW_FROM} WHERE m.id = ${id}) r)`;

export type MessageRow = Row;
export const messageRow = (json: JsonRow<Row>): Row => ({
  ...json,
  sentAt: jsonTime(json.sentAt),
  deliveredAt: jsonTime(json.deliveredAt),
  readAt: jsonTime(json.readAt),
  failedAt: jsonTime(json.failedAt),
});

/** The same, locked. */
export const LOCK_MESSAGES = `${READ_MESSAGES}
   FOR UPDATE OF m`;

/** The changes ($1, $2); `guarded`: only rows still at the version that was read. */
const updateMessages = (guarded: boolean) => `
UPDATE messages m SET status = x.status::"MessageStatus", provider_message_id = x.provider_message_id,
       provider_conversation_id = x.provider_conversation_id, raw_status = x.raw_status, error_code = x.error_code, error = x.error,
       sent_at = x.sent_at, delivered_at = x.delivered_at, read_at = x.read_at, failed_at = x.failed_at, updated_at = now(),
       next_attempt_at = NULL, queued_reason = NULL
  FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, version text, status text, provider_message_id text, provider_conversation_id text, raw_status text,
       error_code text, error text, sent_at timestamptz, delivered_at timestamptz, read_at timestamptz, failed_at timestamptz)
 -- The id list lets the planner use the primary key (the JSON's row count is unknown to it).
 WHERE m.id = ANY($2::uuid[]) AND m.id = x.id${guarded ? ' AND m.xmin = x.version::xid' : ''}
RETURNING 1`;

export const UPDATE_MESSAGES = updateMessages(false);

/**
 * More CTEs for the statement that writes the status changes (the jobs of the batch that caused
 * them: driver-host.ts), given a function that passes a value and answers its placeholder.
 * `written` is set once they went; if no status changed, nothing was written and the caller writes them.
 */
export type Alongside = { ctes(value: (v: unknown) => string): Promise<string>; written: boolean };

const WRITE_PARAMETERS = 6;

/**
 * The write of a batch of status reports, in one statement: the message changes ($1, $2), the
 * events with their deliveries and delivery jobs ($3 at $4: record-events.ts), the early reports
 * kept for messages that now have their provider ids ($5 devices, $6 provider ids), taken out and
 * returned to be applied, and what goes `alongside`. `guarded`: every change must find its row at
 * the version read and no early report may wait, or the statement undoes itself (RACED).
 */
async function writeStatuses(boss: PgBoss, alongside: string | null, guarded: boolean): Promise<string> {
  const early = `SELECT report, received_at FROM early_status_reports WHERE (device_id, provider_message_id) IN (SELECT * FROM unnest($5::char(24)[], $6::text[]))`;
  return `
WITH updated AS (${updateMessages(guarded)}
),${alongside ? `\n${alongside},` : ''}
early AS (
  ${guarded ? early : `DELETE FROM early_status_reports WHERE (device_id, provider_message_id) IN (SELECT * FROM unnest($5::char(24)[], $6::text[])) RETURNING report, received_at`}
),
${await fanOut(boss, '$3', '$4')}
SELECT ${guarded ? `1 / (CASE WHEN (SELECT count(*) FROM updated) = cardinality($2::uuid[]) AND NOT EXISTS (SELECT 1 FROM early) THEN 1 ELSE 0 END) AS guard,` : ''}
       (SELECT count(*)::int FROM delivery_jobs) AS "deliveryJobs", (SELECT json_agg(report ORDER BY received_at) FROM early) AS early`;
}
