import type { PgBoss } from 'pg-boss';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Sql } from '../db/sql.ts';
import { badInput, conflict } from '../errors.ts';
import { contactKey, conversationKey, touchConversations, upsertClients } from '../conversations/contacts.ts';
import { activeDevices, type ActiveDevice } from '../devices/active-devices.ts';
import { recordEvents } from '../delivery/record-events.ts';
import type { Channel } from '../generated/prisma/client.ts';
import { uuidv7 } from '../ids.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { sendJobs, sendMessageJob } from './send-job.ts';
import { insideSessionWindow, smsSegments } from './message-rules.ts';
import { newMessageEvents } from './message-events.ts';
import { SessionWindowError, type AcceptRequest, type AcceptResult } from './accept-request.ts';

type Context = { sql: Sql; boss: PgBoss; secrets: SecretBox; now: Date };

/** Messages by (workspace, message_id): $1 workspace ids, $2 message_ids, pairwise. */
export const MESSAGES_BY_EXTERNAL_ID = `SELECT id, workspace_id, external_id, request_hash FROM messages
  WHERE (workspace_id, external_id) IN (SELECT * FROM unnest($1::int[], $2::text[]))`;

/**
 * Accepts outbound messages in one transaction (the caller's): each message (QUEUED), its client
 * (NEW_CLIENT the first time), its conversation (NEW_CONV when opened), the OUTGOING_MESSAGE event
 * and the send job commit together. A message_id seen before answers the first answer again, or
 * CONFLICT when the request differs. Results come back in request order.
 */
export async function acceptMessages(ctx: Context, requests: AcceptRequest[]): Promise<AcceptResult[]> {
  const { sql, now } = ctx;
  const results: (AcceptResult | undefined)[] = new Array(requests.length);

  // 1. Idempotency: message_ids seen before, and repeats within this batch.
  const keyed = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.externalId !== null);
  const seen = new Map<string, { id: string; hash: string }>();
  if (keyed.length) {
    const { rows } = await sql.query<{ id: string; workspace_id: number; external_id: string; request_hash: string | null }>(
      MESSAGES_BY_EXTERNAL_ID,
      [keyed.map(({ r }) => r.workspaceId), keyed.map(({ r }) => r.externalId)],
    );
    for (const row of rows) seen.set(`${row.workspace_id}:${row.external_id}`, { id: row.id, hash: row.request_hash ?? '' });
  }
  const fresh: { r: AcceptRequest; i: number; id: string }[] = [];
  for (const [i, r] of requests.entries()) {
    const key = r.externalId === null ? null : `${r.workspaceId}:${r.externalId}`;
    const before = key ? seen.get(key) : undefined;
    if (before) {
      results[i] = before.hash === r.requestHash ? { ok: true, messageId: before.id, duplicate: true } : { ok: false, error: reusedId() };
      continue;
    }
    const id = uuidv7(now.getTime());
    if (key) seen.set(key, { id, hash: r.requestHash });
    fresh.push({ r, i, id });
  }

  // 2. The device each message leaves from.
  const devices = await activeDevices(sql, ctx.secrets, [...new Set(fresh.map(({ r }) => r.workspaceId))]);
  const routed: { r: AcceptRequest; i: number; id: string; device: ActiveDevice }[] = [];
  const sticky = await stickyDevices(sql, fresh.map(({ r }) => r), devices);
  for (const f of fresh) {
    const device = pickDevice(f.r, devices, sticky);
    if (!device) {
      results[f.i] = {
        ok: false,
        error: f.r.deviceId
          ? badInput('channel', `the connection ${f.r.deviceId} is not an active ${f.r.channel} device of this workspace`)
          : badInput('channel', `no active ${f.r.channel.toLowerCase()} device in this workspace; activate one first`),
      };
      continue;
    }
    routed.push({ ...f, device });
  }

  // 3. WhatsApp's customer-service window, where the device's provider enforces it.
  const windowed = routed.filter(({ r, device }) => r.type !== 'TEMPLATE' && device.driver.enforcesSessionWindow(device));
  if (windowed.length) {
    const { rows } = await sql.query<{ workspace_id: number; phone: string; device_id: string; last_inbound_at: Date | null }>(
      `SELECT cl.workspace_id, cl.phone, c.device_id, max(c.last_inbound_at) AS last_inbound_at
         FROM conversations c JOIN clients cl ON cl.id = c.client_id
        WHERE (cl.workspace_id, cl.phone, c.device_id) IN (SELECT * FROM unnest($1::int[], $2::text[], $3::char(24)[]))
        GROUP BY cl.workspace_id, cl.phone, c.device_id`,
      [windowed.map(({ r }) => r.workspaceId), windowed.map(({ r }) => r.phone), windowed.map(({ device }) => device.id)],
    );
    const last = new Map(rows.map((row) => [`${row.workspace_id}:${row.phone}:${row.device_id}`, row.last_inbound_at]));
    for (const w of windowed) {
      const at = last.get(`${w.r.workspaceId}:${w.r.phone}:${w.device.id}`);
      if (!insideSessionWindow(at, now)) results[w.i] = { ok: false, error: new SessionWindowError() };
    }
  }
  const accepted = routed.filter(({ i }) => results[i] === undefined);
  if (!accepted.length) return results as AcceptResult[];

  // 4. Clients and conversations, then the messages.
  const clients = await upsertClients(sql, accepted.map(({ r }) => ({ workspaceId: r.workspaceId, phone: r.phone })), now);
  const conversations = await touchConversations(
    sql,
    accepted.map(({ r, device }) => ({
      workspaceId: r.workspaceId,
      clientId: clients.byKey.get(contactKey(r.workspaceId, r.phone))!.id,
      deviceId: device.id,
      channel: device.channel,
      inbound: false,
    })),
    now,
  );
  const rows = accepted.map(({ r, i, id, device }) => {
    const client = clients.byKey.get(contactKey(r.workspaceId, r.phone))!;
    const conversation = conversations.byKey.get(conversationKey(client.id, device.id))!;
    const sms = device.channel === 'SMS' ? smsSegments(r.content ?? '') : null;
    return { r, i, id, device, client, conversation, segments: sms?.segments ?? null, encoding: sms?.encoding ?? null };
  });
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO messages (id, workspace_id, conversation_id, client_id, device_id, direction, channel, type, content, attachments,
                           external_id, request_hash, user_id, is_agent, status, segments, encoding, status_callback_target_id, created_at, updated_at)
     SELECT id, workspace_id, conversation_id, client_id, device_id, 'OUTBOUND', channel::"Channel", type::"MessageType", content, attachments,
            external_id, request_hash, user_id, is_agent, 'QUEUED', segments, encoding, status_callback_target_id, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, workspace_id int, conversation_id text, client_id text, device_id text, channel text,
            type text, content text, attachments text[], external_id text, request_hash text, user_id text, is_agent boolean, segments int, encoding text,
            status_callback_target_id text)
     ON CONFLICT (workspace_id, external_id) DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        rows.map((m) => ({
          id: m.id,
          workspace_id: m.r.workspaceId,
          conversation_id: m.conversation.id,
          client_id: m.client.id,
          device_id: m.device.id,
          channel: m.device.channel,
          type: m.r.type,
          content: m.r.content,
          attachments: m.r.attachments,
          external_id: m.r.externalId,
          request_hash: m.r.requestHash,
          user_id: m.r.userId,
          is_agent: m.r.isAgent,
          segments: m.segments,
          encoding: m.encoding,
          status_callback_target_id: m.r.statusCallbackTargetId ?? null,
        })),
      ),
      now,
    ],
  );
  const stored = new Set(inserted.rows.map((row) => row.id));
  const raced: typeof rows = [];
  for (const m of rows) {
    if (stored.has(m.id)) results[m.i] = { ok: true, messageId: m.id, duplicate: false };
    else raced.push(m);
  }
  // A concurrent request with the same message_id won the insert: answer as for a retry.
  if (raced.length) {
    const { rows: winners } = await sql.query<{ workspace_id: number; external_id: string; id: string; request_hash: string }>(
      MESSAGES_BY_EXTERNAL_ID,
      [raced.map((m) => m.r.workspaceId), raced.map((m) => m.r.externalId)],
    );
    for (const m of raced) {
      const w = winners.find((x) => x.workspace_id === m.r.workspaceId && x.external_id === m.r.externalId);
      results[m.i] = w && w.request_hash === m.r.requestHash ? { ok: true, messageId: w.id, duplicate: true } : { ok: false, error: reusedId() };
    }
  }

  // 5. Events and send jobs.
  const kept = rows.filter((m) => stored.has(m.id));
  const events = await newMessageEvents(
    sql,
    'OUTGOING_MESSAGE',
    kept.map((m) => ({
      workspaceId: m.r.workspaceId,
      message: {
        id: m.id,
        externalId: m.r.externalId,
        direction: 'OUTBOUND',
        channel: m.device.channel,
        type: m.r.type,
        content: m.r.content,
        attachments: m.r.attachments,
        status: 'QUEUED',
        userId: m.r.userId,
        isAgent: m.r.isAgent,
        providerMessageId: null,
        createdAt: now.toISOString(),
      },
      client: m.client,
      device: m.device,
      conversation: m.conversation,
    })),
    { clients: clients.created, conversations: conversations.created },
  );
  await recordEvents(sql, ctx.boss, events);
  await enqueue(sql, ctx.boss, sendMessageJob, sendJobs(kept.map((m) => m.id)));
  return results as AcceptResult[];
}

const reusedId = () =>
  conflict('message_id: was already used for a different message in this workspace; use a new message_id, or repeat the same request to get the same answer');

/** Which active device already talks with each contact on a channel, to keep replies on one number. */
async function stickyDevices(sql: Sql, requests: AcceptRequest[], devices: ActiveDevice[]): Promise<Map<string, string>> {
  const ambiguous = requests.filter((r) => !r.deviceId && devices.filter((d) => d.workspaceId === r.workspaceId && d.channel === r.channel).length > 1);
  if (!ambiguous.length) return new Map();
  const { rows } = await sql.query<{ workspace_id: number; phone: string; channel: Channel; device_id: string }>(
    `SELECT DISTINCT ON (cl.workspace_id, cl.phone, c.channel) cl.workspace_id, cl.phone, c.channel, c.device_id
       FROM conversations c JOIN clients cl ON cl.id = c.client_id JOIN devices d ON d.id = c.device_id AND d.status = 'ACTIVE'
      WHERE (cl.workspace_id, cl.phone) IN (SELECT * FROM unnest($1::int[], $2::text[]))
      ORDER BY cl.workspace_id, cl.phone, c.channel, c.last_message_at DESC`,
    [ambiguous.map((r) => r.workspaceId), ambiguous.map((r) => r.phone)],
  );
  return new Map(rows.map((r) => [`${r.workspace_id}:${r.phone}:${r.channel}`, r.device_id]));
}

function pickDevice(r: AcceptRequest, devices: ActiveDevice[], sticky: Map<string, string>): ActiveDevice | undefined {
  const candidates = devices.filter((d) => d.workspaceId === r.workspaceId && d.channel === r.channel);
  if (r.deviceId) return candidates.find((d) => d.id === r.deviceId);
  const preferred = sticky.get(`${r.workspaceId}:${r.phone}:${r.channel}`);
  return candidates.find((d) => d.id === preferred) ?? candidates[0];
}
