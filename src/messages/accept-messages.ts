import type { PgBoss } from 'pg-boss';
import type { SecretBox } from '../crypto/secret-box.ts';
import { RACED, type Sql } from '../db/sql.ts';
import { badInput, conflict } from '../errors.ts';
import { contactKey, conversationKey, type ClientRow, type ConversationRow } from '../conversations/contacts.ts';
import { openDevice, type ActiveDevice, type DeviceRow } from '../devices/active-devices.ts';
import { eventRows } from '../delivery/record-events.ts';
import { deliverEventJob } from '../delivery/deliver-job.ts';
import { newId, uuidv7 } from '../ids.ts';
import { wakeWorkers } from '../jobs/queue-listener.ts';
import { sendJobs, sendMessageJob } from './send-job.ts';
import { insideSessionWindow, smsSegments } from './message-rules.ts';
import { newMessageEvents } from './message-events.ts';
import { SessionWindowError, type AcceptRequest, type AcceptResult } from './accept-request.ts';
import { ACCEPT_READ, acceptWrite } from './accept-statements.ts';

/** sql runs each statement on its own (no transaction: the write is one statement, committed alone). */
type Context = { sql: Sql; boss: PgBoss; secrets: SecretBox; now: Date };

/** A batch that lost a race this many times in a row fails (each loss means another request committed). */
const ATTEMPTS = 3;

/**
 * Accepts outbound messages in two statements and a wake-up: one read, then one write that
 * commits each message (QUEUED), its client (NEW_CLIENT the first time), its conversation
 * (NEW_CONV when opened), the OUTGOING_MESSAGE event and the send job together. A message_id seen
 * before answers the first answer again, or CONFLICT when the request differs. If a concurrent
 * request created a client, conversation or message_id of this batch in between, the write undoes
 * itself and the batch is decided again from a fresh read. Results come back in request order.
 */
export async function acceptMessages(ctx: Context, requests: AcceptRequest[]): Promise<AcceptResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await acceptOnce(ctx, requests);
    } catch (error) {
      if ((error as { code?: string }).code !== RACED || attempt === ATTEMPTS) throw error;
    }
  }
}

type Read = {
  seen: { id: string; workspaceId: number; externalId: string; requestHash: string | null }[] | null;
  devices: DeviceRow[] | null;
  clients: ClientRow[] | null;
  open: ConversationRow[] | null;
  activity: { clientId: string; deviceId: string; lastMessageAt: string; lastInboundAt: string | null }[] | null;
};

async function acceptOnce(ctx: Context, requests: AcceptRequest[]): Promise<AcceptResult[]> {
  const { sql, now } = ctx;
  const results: (AcceptResult | undefined)[] = new Array(requests.length);
  const contacts = unique(requests.map((r) => ({ workspaceId: r.workspaceId, phone: r.phone })), (c) => contactKey(c.workspaceId, c.phone));
  const keyed = requests.filter((r) => r.externalId !== null);
  const {
    rows: [read],
  } = await sql.query<Read>(ACCEPT_READ, [
    contacts.map((c) => c.workspaceId),
    contacts.map((c) => c.phone),
    keyed.map((r) => r.workspaceId),
    keyed.map((r) => r.externalId),
    [...new Set(requests.map((r) => r.workspaceId))],
  ]);
  const clientsByKey = new Map((read!.clients ?? []).map((c) => [contactKey(c.workspaceId, c.phone), c]));
  const openByKey = new Map((read!.open ?? []).map((c) => [conversationKey(c.clientId, c.deviceId), c]));
  const activity = new Map((read!.activity ?? []).map((a) => [conversationKey(a.clientId, a.deviceId), a]));
  const devices = (read!.devices ?? []).map((row) => openDevice(ctx.secrets, { ...row, activatedAt: row.activatedAt && new Date(row.activatedAt) }));

  // 1. Idempotency: message_ids seen before, and repeats within this batch.
  const seen = new Map((read!.seen ?? []).map((m) => [`${m.workspaceId}:${m.externalId}`, { id: m.id, hash: m.requestHash ?? '' }]));
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

  // 2. The device each message leaves from: the one named, else the one the contact last talked with, else the first activated.
  const routed: { r: AcceptRequest; i: number; id: string; device: ActiveDevice }[] = [];
  for (const f of fresh) {
    const device = pickDevice(f.r, devices, clientsByKey.get(contactKey(f.r.workspaceId, f.r.phone)), activity);
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
  for (const { r, i, device } of routed) {
    if (r.type === 'TEMPLATE' || !device.driver.enforcesSessionWindow(device)) continue;
    const client = clientsByKey.get(contactKey(r.workspaceId, r.phone));
    const last = client && activity.get(conversationKey(client.id, device.id))?.lastInboundAt;
    if (!insideSessionWindow(last ? new Date(last) : null, now)) results[i] = { ok: false, error: new SessionWindowError() };
  }
  const accepted = routed.filter(({ i }) => results[i] === undefined);
  if (!accepted.length) return results as AcceptResult[];

  // 4. Clients and conversations: the existing ones, and new ones with ids chosen here.
  const createdClients = new Set<string>();
  const clientOf = (r: AcceptRequest): ClientRow => {
    const key = contactKey(r.workspaceId, r.phone);
    let client = clientsByKey.get(key);
    if (!client) {
      client = newClient(r.workspaceId, r.phone, now);
      clientsByKey.set(key, client);
      createdClients.add(client.id);
    }
    return client;
  };
  const createdConversations = new Set<string>();
  const touched = new Set<string>();
  const conversationOf = (client: ClientRow, device: ActiveDevice): ConversationRow => {
    const key = conversationKey(client.id, device.id);
    let conversation = openByKey.get(key);
    if (!conversation) {
      conversation = { id: newId(now.getTime()), workspaceId: client.workspaceId, clientId: client.id, deviceId: device.id, channel: device.channel, status: 'OPEN', lastInboundAt: null, createdAt: now, endedAt: null, endReason: null };
      openByKey.set(key, conversation);
      createdConversations.add(conversation.id);
    } else if (!createdConversations.has(conversation.id)) touched.add(conversation.id);
    return conversation;
  };
  const rows = accepted.map(({ r, i, id, device }) => {
    const client = clientOf(r);
    const conversation = conversationOf(client, device);
    const sms = device.channel === 'SMS' ? smsSegments(r.content ?? '') : null;
    results[i] = { ok: true, messageId: id, duplicate: false };
    return { r, id, device, client, conversation, segments: sms?.segments ?? null, encoding: sms?.encoding ?? null };
  });

  // 5. Events, then the one write.
  const events = await newMessageEvents(
    sql,
    'OUTGOING_MESSAGE',
    rows.map((m) => ({
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
    { clients: createdClients, conversations: createdConversations },
  );
  const newClients = [...clientsByKey.values()].filter((c) => createdClients.has(c.id));
  const newConversations = [...openByKey.values()].filter((c) => createdConversations.has(c.id));
  const {
    rows: [written],
  } = await sql.query<{ deliveryJobs: number }>(await acceptWrite(ctx.boss), [
    now,
    newClients.map((c) => c.id),
    newClients.map((c) => c.workspaceId),
    newClients.map((c) => c.phone),
    newConversations.map((c) => c.id),
    newConversations.map((c) => c.workspaceId),
    newConversations.map((c) => c.clientId),
    newConversations.map((c) => c.deviceId),
    newConversations.map((c) => c.channel),
    [...touched],
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
    eventRows(events, now).json,
    JSON.stringify(sendJobs(rows.map((m) => m.id))),
    [newClients.length, newConversations.length, rows.length],
  ]);
  // Committed: wake the workers (after the commit: jobs/enqueue.ts says why).
  await sql.afterCommit(wakeWorkers(written!.deliveryJobs > 0 ? [sendMessageJob.name, deliverEventJob.name] : [sendMessageJob.name]));
  return results as AcceptResult[];
}

const reusedId = () =>
  conflict('message_id: was already used for a different message in this workspace; use a new message_id, or repeat the same request to get the same answer');

function unique<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [key(t), t])).values()];
}

/** A client as the write creates it (the table's defaults). */
function newClient(workspaceId: number, phone: string, now: Date): ClientRow {
  return { id: newId(now.getTime()), workspaceId, phone, name: null, surname: null, email: null, address: null, city: null, country: null, externalClientId: null, tags: [], stageId: null, createdAt: now, patchedAt: now };
}

/** The device named, else the active one this contact talked with last on the channel (replies stay on one number), else the first activated. */
function pickDevice(r: AcceptRequest, devices: ActiveDevice[], client: ClientRow | undefined, activity: Map<string, { lastMessageAt: string }>): ActiveDevice | undefined {
  const candidates = devices.filter((d) => d.workspaceId === r.workspaceId && d.channel === r.channel);
  if (r.deviceId) return candidates.find((d) => d.id === r.deviceId);
  if (!client || candidates.length < 2) return candidates[0];
  let latest: { device: ActiveDevice; at: string } | undefined;
  for (const device of candidates) {
    const at = activity.get(conversationKey(client.id, device.id))?.lastMessageAt;
    if (at && (!latest || new Date(at) > new Date(latest.at))) latest = { device, at };
  }
  return latest?.device ?? candidates[0];
}
