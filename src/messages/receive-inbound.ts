import type { PgBoss } from 'pg-boss';
import type { Sql } from '../db/sql.ts';
import { contactKey, conversationKey, touchConversations, upsertClients } from '../conversations/contacts.ts';
import { recordEvents } from '../delivery/record-events.ts';
import type { Channel, MessageType } from '../generated/prisma/client.ts';
import { uuidv7 } from '../ids.ts';
import { randomUUID } from 'node:crypto';
import type { InboundReport, ProviderMedia } from '../channels/driver.ts';
import type { MediaLinks } from '../media/media-links.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { fetchMediaJob } from '../media/fetch-media-job.ts';
import { inferType, mediaType } from './message-rules.ts';
import { newMessageEvents } from './message-events.ts';

export type InboundMessage = {
  device: { id: string; workspaceId: number; channel: Channel; address: string; integrationType: string };
  from: string;
  content: string | null;
  attachments: string[];
  /** Media behind the provider's credentials: stored and linked as Switchboard's own URLs. */
  media: ProviderMedia[];
  type: MessageType;
  /** The provider's id: a message reported twice is stored once. */
  providerMessageId: string;
  at: Date;
};

/** A device's report of a contact's message, with the defaults filled in. */
export function inboundMessage(device: InboundMessage['device'], report: InboundReport): InboundMessage {
  return {
    device,
    from: report.from,
    content: report.content,
    attachments: report.attachments,
    media: report.media ?? [],
    type: report.type ?? (report.attachments.length || !report.media?.length ? inferType(report.attachments) : mediaType(report.media[0]!.contentType)),
    providerMessageId: report.providerMessageId ?? randomUUID(),
    at: report.at ?? new Date(),
  };
}

/**
 * Stores contacts' messages in one transaction (the caller's): the client (NEW_CLIENT the first
 * time), the conversation opened or continued (NEW_CONV; its 24-hour window starts now), the
 * message, and INCOMING_MESSAGE, which also reaches the workspace webhook as seed 000 `MESSAGE`
 * and active live-chat integrations as `MESSAGE`. Returns the stored ids, the existing id for a repeat.
 */
export async function receiveInbound(sql: Sql, boss: PgBoss, inbound: InboundMessage[], links?: MediaLinks): Promise<{ messageId: string; duplicate: boolean }[]> {
  if (!inbound.length) return [];
  const now = new Date();
  const { rows: known } = await sql.query<{ id: string; device_id: string; provider_message_id: string }>(
    KNOWN_INBOUND,
    [inbound.map((m) => m.device.id), inbound.map((m) => m.providerMessageId)],
  );
  const seen = new Map(known.map((k) => [`${k.device_id}:${k.provider_message_id}`, k.id]));
  const results: { messageId: string; duplicate: boolean }[] = [];
  const fresh: (InboundMessage & { id: string; index: number })[] = [];
  for (const [index, m] of inbound.entries()) {
    const key = `${m.device.id}:${m.providerMessageId}`;
    const before = seen.get(key);
    if (before) {
      results[index] = { messageId: before, duplicate: true };
      continue;
    }
    const id = uuidv7(now.getTime());
    seen.set(key, id);
    fresh.push({ ...m, id, index });
    results[index] = { messageId: id, duplicate: false };
  }
  if (!fresh.length) return results;
  // Provider media get Switchboard's own links now; the bytes are fetched by a job (or on the first request).
  const media = fresh.flatMap((m) => {
    if (!m.media.length) return [];
    if (!links) throw new Error('inbound media need media links');
    const rows = m.media.map((ref) => ({ id: uuidv7(now.getTime()), messageId: m.id, device: m.device, ref }));
    m.attachments = [...m.attachments, ...rows.map((r) => links.url(r.id, now))];
    return rows;
  });

  const clients = await upsertClients(sql, fresh.map((m) => ({ workspaceId: m.device.workspaceId, phone: m.from })), now);
  const conversations = await touchConversations(
    sql,
    fresh.map((m) => ({
      workspaceId: m.device.workspaceId,
      clientId: clients.byKey.get(contactKey(m.device.workspaceId, m.from))!.id,
      deviceId: m.device.id,
      channel: m.device.channel,
      inbound: true,
    })),
    now,
  );
  const rows = fresh.map((m) => {
    const client = clients.byKey.get(contactKey(m.device.workspaceId, m.from))!;
    return { m, client, conversation: conversations.byKey.get(conversationKey(client.id, m.device.id))! };
  });
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO messages (id, workspace_id, conversation_id, client_id, device_id, direction, channel, type, content, attachments,
                           provider_message_id, status, created_at, updated_at)
     SELECT id, workspace_id, conversation_id, client_id, device_id, 'INBOUND', channel::"Channel", type::"MessageType", content, attachments,
            provider_message_id, 'RECEIVED', created_at, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, workspace_id int, conversation_id text, client_id text, device_id text, channel text,
            type text, content text, attachments text[], provider_message_id text, created_at timestamptz)
     ON CONFLICT (device_id, provider_message_id) DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        rows.map(({ m, client, conversation }) => ({
          id: m.id,
          workspace_id: m.device.workspaceId,
          conversation_id: conversation.id,
          client_id: client.id,
          device_id: m.device.id,
          channel: m.device.channel,
          type: m.type,
          content: m.content,
          attachments: m.attachments,
          provider_message_id: m.providerMessageId,
          created_at: m.at,
        })),
      ),
      now,
    ],
  );
  const stored = new Set(inserted.rows.map((r) => r.id));
  const kept = media.filter((r) => stored.has(r.messageId));
  if (kept.length) {
    await sql.query(
      `INSERT INTO media (id, workspace_id, device_id, provider_ref, content_type, filename, created_at)
       SELECT *, $7::timestamptz FROM unnest($1::uuid[], $2::int[], $3::char(24)[], $4::text[], $5::text[], $6::text[])`,
      [kept.map((r) => r.id), kept.map((r) => r.device.workspaceId), kept.map((r) => r.device.id), kept.map((r) => r.ref.ref), kept.map((r) => r.ref.contentType ?? null), kept.map((r) => r.ref.filename ?? null), now],
    );
    await enqueue(sql, boss, fetchMediaJob, [{ data: { mediaIds: kept.map((r) => r.id) } }]);
  }
  for (const { m } of rows) if (!stored.has(m.id)) results[m.index] = { messageId: m.id, duplicate: true };
  const events = await newMessageEvents(
    sql,
    'INCOMING_MESSAGE',
    rows
      .filter(({ m }) => stored.has(m.id))
      .map(({ m, client, conversation }) => ({
        workspaceId: m.device.workspaceId,
        message: {
          id: m.id,
          externalId: null,
          direction: 'INBOUND',
          channel: m.device.channel,
          type: m.type,
          content: m.content,
          attachments: m.attachments,
          status: 'RECEIVED',
          userId: null,
          isAgent: false,
          providerMessageId: m.providerMessageId,
          createdAt: m.at.toISOString(),
        },
        client,
        device: m.device,
        conversation,
      })),
    { clients: clients.created, conversations: conversations.created },
  );
  await recordEvents(sql, boss, events);
  return results;
}

/** Inbound messages seen before, by the device's provider id. */
export const KNOWN_INBOUND = `
SELECT id, device_id, provider_message_id FROM messages
 WHERE (device_id, provider_message_id) IN (SELECT * FROM unnest($1::char(24)[], $2::text[]))`;
