import type { Sql } from '../db/sql.ts';
import type { Channel } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';

export type ClientRow = {
  id: string;
  workspaceId: number;
  phone: string;
  name: string | null;
  surname: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  country: string | null;
  externalClientId: string | null;
  tags: string[];
  stageId: string | null;
  createdAt: Date;
  patchedAt: Date;
};

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

export const CLIENT_COLUMNS = `id, workspace_id AS "workspaceId", phone, name, surname, email, address, city, country,
  external_client_id AS "externalClientId", tags, stage_id AS "stageId", created_at AS "createdAt", patched_at AS "patchedAt"`;
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
  const rows = unique.map((w) => ({ id: newId(now.getTime()), workspace_id: w.workspaceId, phone: w.phone }));
  const inserted = await sql.query<ClientRow>(
    `INSERT INTO clients (id, workspace_id, phone, created_at, patched_at)
     SELECT id, workspace_id, phone, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS x(id text, workspace_id int, phone text)
     ON CONFLICT (workspace_id, phone) DO NOTHING
     RETURNING ${CLIENT_COLUMNS}`,
    [JSON.stringify(rows), now],
  );
  for (const c of inserted.rows) {
    byKey.set(contactKey(c.workspaceId, c.phone), c);
    created.add(c.id);
  }
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

export const conversationKey = (clientId: string, deviceId: string) => `${clientId}:${deviceId}`;

/**
 * The open conversation of each client and device, opened where there is none; its activity time
 * (and, for a contact's message, the 24-hour window) moves to `now`.
 */
export async function touchConversations(
  sql: Sql,
  wanted: { workspaceId: number; clientId: string; deviceId: string; channel: Channel; inbound: boolean }[],
  now: Date,
) {
  const unique = [...new Map(wanted.map((w) => [conversationKey(w.clientId, w.deviceId), w])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, w]) => w);
  const byKey = new Map<string, ConversationRow>();
  const created = new Set<string>();
  const touch = async (list: typeof unique) => {
    if (!list.length) return;
    const { rows } = await sql.query<ConversationRow>(
      `UPDATE conversations c SET last_message_at = $4,
              last_inbound_at = CASE WHEN x.inbound THEN $4 ELSE c.last_inbound_at END
         FROM unnest($1::text[], $2::text[], $3::boolean[]) AS x(client_id, device_id, inbound)
        WHERE c.client_id = x.client_id AND c.device_id = x.device_id AND c.status = 'OPEN'
        RETURNING ${conversationColumns('c')}`,
      [list.map((w) => w.clientId), list.map((w) => w.deviceId), list.map((w) => w.inbound), now],
    );
    for (const c of rows) byKey.set(conversationKey(c.clientId, c.deviceId), c);
  };
  await touch(unique);
  const missing = unique.filter((w) => !byKey.has(conversationKey(w.clientId, w.deviceId)));
  if (missing.length) {
    const rows = missing.map((w) => ({
      id: newId(now.getTime()),
      workspace_id: w.workspaceId,
      client_id: w.clientId,
      device_id: w.deviceId,
      channel: w.channel,
      last_inbound_at: w.inbound ? now : null,
    }));
    const inserted = await sql.query<ConversationRow>(
      `INSERT INTO conversations (id, workspace_id, client_id, device_id, channel, status, last_inbound_at, last_message_at, created_at)
       SELECT id, workspace_id, client_id, device_id, channel::"Channel", 'OPEN', last_inbound_at, $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, workspace_id int, client_id text, device_id text, channel text, last_inbound_at timestamptz)
       ON CONFLICT (client_id, device_id) WHERE status = 'OPEN' DO NOTHING
       RETURNING ${conversationColumns('conversations')}`,
      [JSON.stringify(rows), now],
    );
    for (const c of inserted.rows) {
      byKey.set(conversationKey(c.clientId, c.deviceId), c);
      created.add(c.id);
    }
    // Opened by a concurrent request between our two statements.
    await touch(missing.filter((w) => !byKey.has(conversationKey(w.clientId, w.deviceId))));
  }
  return { byKey, created };
}
