import type { Sql } from '../db/sql.ts';
import type { ClientSnapshot } from '../events/event-payloads.ts';
import type { Channel } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';

/** A client as read from the database: the snapshot's fields, with real dates. */
export type ClientRow = Omit<ClientSnapshot, 'createdAt' | 'patchedAt'> & { workspaceId: number; createdAt: Date; patchedAt: Date };

export type ConversationRow = {
  id: string;
  workspaceId: number;
  clientId: string;
  deviceId: string;
  channel: Channel;
  status: 'OPEN' | 'ENDED';
  lastInboundAt: Date | null;
  createdAt: Date;
  endedAt: Date | null;
  endReason: string | null;
};

export const clientColumns = (t: string) => `${t}.id, ${t}.workspace_id AS "workspaceId", ${t}.phone, ${t}.name, ${t}.surname,
  ${t}.email, ${t}.address, ${t}.city, ${t}.country, ${t}.external_client_id AS "externalClientId", ${t}.tags,
  ${t}.stage_id AS "stageId", ${t}.created_at AS "createdAt", ${t}.patched_at AS "patchedAt"`;
export const CLIENT_COLUMNS = clientColumns('clients');
export const conversationColumns = (t: string) => `${t}.id, ${t}.workspace_id AS "workspaceId", ${t}.client_id AS "clientId",
  ${t}.device_id AS "deviceId", ${t}.channel, ${t}.status, ${t}.last_inbound_at AS "lastInboundAt", ${t}.created_at AS "createdAt",
  ${t}.ended_at AS "endedAt", ${t}.end_reason AS "endReason"`;

export const contactKey = (workspaceId: number, phone: string) => `${workspaceId}:${phone}`;

/**
 * The clients for these numbers, created where missing ("created automatically the first time a
 * number writes or is written to"). Returns them by `workspaceId:phone` and which were created.
 */
export async function upsertClients(sql: Sql, wanted: { workspaceId: number; phone: string }[], now: Date) {
  // Sorted, so concurrent batches lock rows in the same order and cannot deadlock.
  const unique = [...new Map(wanted.map((w) => [contactKey(w.workspaceId, w.phone), w])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, w]) => w);
  const byKey = new Map<string, ClientRow>();
  const created = new Set<string>();
  if (!unique.length) return { byKey, created };
  const { rows: found } = await sql.query<ClientRow & { created: boolean }>(UPSERT_CLIENTS, [
    unique.map(() => newId(now.getTime())),
    unique.map((w) => w.workspaceId),
    unique.map((w) => w.phone),
    now,
  ]);
  for (const { created: isNew, ...c } of found) {
    byKey.set(contactKey(c.workspaceId, c.phone), c);
    if (isNew) created.add(c.id);
  }
  // Inserted by a concurrent transaction that committed after this statement began.
  const missing = unique.filter((w) => !byKey.has(contactKey(w.workspaceId, w.phone)));
  if (missing.length) {
    const found = await sql.query<ClientRow>(
      `SELECT ${CLIENT_COLUMNS} FROM clients WHERE (workspace_id, phone) IN (SELECT * FROM unnest($1::int[], $2::text[]))`,
      [missing.map((m) => m.workspaceId), missing.map((m) => m.phone)],
    );
    for (const c of found.rows) byKey.set(contactKey(c.workspaceId, c.phone), c);
  }
  return { byKey, created };
}

/**
 * One round trip: insert the new ones, read the existing ones. The rows come as arrays, not JSON:
 * the planner counts an array's elements but guesses 100 rows for a JSON record set, and against
 * that guess scans the whole table instead of probing the index once per contact.
 */
export const UPSERT_CLIENTS = `
WITH x AS (SELECT * FROM unnest($1::text[], $2::int[], $3::text[]) AS x(id, workspace_id, phone)),
ins AS (
  INSERT INTO clients (id, workspace_id, phone, created_at, patched_at) SELECT id, workspace_id, phone, $4, $4 FROM x
  ON CONFLICT (workspace_id, phone) DO NOTHING
  RETURNING *
)
SELECT ${clientColumns('ins')}, true AS created FROM ins
UNION ALL
SELECT ${clientColumns('c')}, false FROM clients c JOIN x ON c.workspace_id = x.workspace_id AND c.phone = x.phone`;

export const conversationKey = (clientId: string, deviceId: string) => `${clientId}:${deviceId}`;

/** An outbound message moves a conversation's activity time only if it is older than this: no lock per message on a busy chat. */
export const ACTIVITY_RESOLUTION = '30 seconds';

/**
 * The open conversation of each client and device, opened where there is none; its activity time
 * (and, for a contact's message, the 24-hour window) moves to `now`.
 */
export async function touchConversations(
  sql: Sql,
  wanted: { workspaceId: number; clientId: string; deviceId: string; channel: Channel; inbound: boolean }[],
  now: Date,
) {
  // Sorted, so concurrent batches lock rows in the same order and cannot deadlock.
  const unique = [...new Map(wanted.map((w) => [conversationKey(w.clientId, w.deviceId), w])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, w]) => w);
  const byKey = new Map<string, ConversationRow>();
  const created = new Set<string>();
  const open = async (list: typeof unique) => {
    if (!list.length) return;
    const { rows: found } = await sql.query<ConversationRow & { created: boolean }>(TOUCH_CONVERSATIONS, [
      list.map(() => newId(now.getTime())),
      list.map((w) => w.workspaceId),
      list.map((w) => w.clientId),
      list.map((w) => w.deviceId),
      list.map((w) => w.channel),
      list.map((w) => w.inbound),
      now,
    ]);
    for (const { created: isNew, ...c } of found) {
      if (!isNew && list.find((w) => w.clientId === c.clientId && w.deviceId === c.deviceId)?.inbound) c.lastInboundAt = now;
      byKey.set(conversationKey(c.clientId, c.deviceId), c);
      if (isNew) created.add(c.id);
    }
  };
  await open(unique);
  // Opened by a concurrent transaction that committed after this statement began.
  await open(unique.filter((w) => !byKey.has(conversationKey(w.clientId, w.deviceId))));
  return { byKey, created };
}

/** Finds (by the open-conversation index) or opens the conversation of each client and device; arrays for the reason UPSERT_CLIENTS gives. */
export const TOUCH_CONVERSATIONS = `
WITH x AS (
  SELECT * FROM unnest($1::char(24)[], $2::int[], $3::char(24)[], $4::char(24)[], $5::text[], $6::boolean[])
    AS x(id, workspace_id, client_id, device_id, channel, inbound)
),
existing AS (
  SELECT c.*, x.inbound FROM conversations c JOIN x ON c.client_id = x.client_id AND c.device_id = x.device_id WHERE c.status = 'OPEN'
),
touched AS (
  UPDATE conversations c SET last_message_at = $7, last_inbound_at = CASE WHEN e.inbound THEN $7 ELSE c.last_inbound_at END
    FROM existing e
   WHERE c.id = e.id AND (e.inbound OR c.last_message_at < $7::timestamptz - interval '${ACTIVITY_RESOLUTION}')
),
ins AS (
  INSERT INTO conversations (id, workspace_id, client_id, device_id, channel, status, last_inbound_at, last_message_at, created_at)
  SELECT x.id, x.workspace_id, x.client_id, x.device_id, x.channel::"Channel", 'OPEN', CASE WHEN x.inbound THEN $7::timestamptz END, $7, $7
    FROM x WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.client_id = x.client_id AND e.device_id = x.device_id)
  ON CONFLICT (client_id, device_id) WHERE status = 'OPEN' DO NOTHING
  RETURNING *
)
SELECT ${conversationColumns('e')}, false AS created FROM existing e
UNION ALL
SELECT ${conversationColumns('ins')}, true FROM ins`;
