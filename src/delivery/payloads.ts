import type { MessageStatus } from '../generated/prisma/client.ts';
import type { ConversationEventPayload, MessageEventPayload, StoredEvent } from '../events/event-payloads.ts';

/** seed 001 `MESSAGE_UPDATED` status values. */
export const SUBSCRIPTION_STATUS: Partial<Record<MessageStatus, string>> = {
  QUEUED: 'pending',
  SENT: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  FAILED: 'failed',
  UNDELIVERED: 'failed',
};

/** seed 000 `STATUS-UPDATE` values: SENT, DELIVERED, FAILED (READ is not part of that vocabulary). */
export const WORKSPACE_WEBHOOK_STATUS: Partial<Record<MessageStatus, string>> = { SENT: 'SENT', DELIVERED: 'DELIVERED', FAILED: 'FAILED', UNDELIVERED: 'FAILED' };

/** SMPP delivery-receipt `stat` for MESSAGE_UPDATED_SMPP (seed 001's mapping). */
export const SMPP_STAT: Partial<Record<MessageStatus, string>> = {
  QUEUED: 'ENROUTE',
  SENT: 'ACCEPTD',
  DELIVERED: 'DELIVRD',
  READ: 'DELIVRD',
  FAILED: 'UNDELIV',
  UNDELIVERED: 'UNDELIV',
};

/** The id seed 000 and SMPP receivers know a message by: the caller's message_id, else ours. */
export const callerMessageId = (p: MessageEventPayload) => p.message.externalId ?? p.message.id;

const externalClientId = (p: { client: { externalClientId: string | null; phone: string } }) => p.client.externalClientId ?? p.client.phone.replace(/^\+/, '');

/** Seed 001 payloads (conversation, status and client events), each with `eventId` added. */
export function subscriptionPayload(event: StoredEvent): Record<string, unknown> {
  switch (event.type) {
    case 'INCOMING_MESSAGE':
    case 'OUTGOING_MESSAGE':
      return conversationShape(event.type, event.id, event.workspaceId, event.payload, event.payload.message.createdAt);
    case 'NEW_CONV':
      return conversationShape(event.type, event.id, event.workspaceId, event.payload, event.payload.conversation.createdAt);
    case 'ENDING_CONV':
      return conversationShape(event.type, event.id, event.workspaceId, event.payload, event.payload.conversation.endedAt ?? event.createdAt.toISOString());
    case 'MESSAGE_UPDATED': {
      const p = event.payload;
      return {
        event: 'MESSAGE_UPDATED',
        workspaceId: event.workspaceId,
        integrationId: p.device.id,
        integrationType: p.device.integrationType,
        status: SUBSCRIPTION_STATUS[p.message.status] ?? p.message.status.toLowerCase(),
        externalMessageId: p.message.providerMessageId,
        externalConversationId: p.message.providerConversationId ?? p.conversation.id,
        createdAt: p.statusAt ?? event.createdAt.toISOString(),
        debug: false,
        messageId: p.message.id,
        externalId: p.message.externalId,
        ...(p.message.errorCode ? { errorCode: p.message.errorCode, error: p.message.error } : {}),
        eventId: event.id,
      };
    }
    case 'NEW_CLIENT':
    case 'CLIENT_UPDATED': {
      const c = event.payload.client;
      return {
        event: event.type,
        workspaceId: event.workspaceId,
        id: c.id,
        email: c.email,
        name: c.name,
        surname: c.surname,
        phone: c.phone,
        address: c.address,
        city: c.city,
        country: c.country,
        externalClientId: c.externalClientId,
        tags: c.tags,
        stageId: c.stageId,
        createdAt: c.createdAt,
        patchedAt: c.patchedAt,
        eventId: event.id,
      };
    }
    case 'PING':
      return { event: 'PING', workspaceId: event.workspaceId, createdAt: event.createdAt.toISOString(), eventId: event.id };
  }
}

/**
 * Seed 001's conversation-event shape. Its example carries `createdAt` as an HTTP date
 * ("Sat, 04 Jan 2025 15:35:46 GMT"), so that is what receivers built against it parse.
 */
function conversationShape(type: string, eventId: string, workspaceId: number, p: MessageEventPayload | ConversationEventPayload, at: string) {
  const m = p.message;
  return {
    event: type,
    type: m ? m.type.toLowerCase() : null,
    content: m?.content ?? null,
    messageId: m?.id ?? null,
    workspaceId,
    integrationId: p.device.id,
    isAgent: m?.isAgent ?? false,
    conversationId: p.conversation.id,
    clientId: p.client.id,
    createdAt: new Date(at).toUTCString(),
    integrationType: p.device.integrationType,
    externalClientId: externalClientId(p),
    debug: false,
    attachments: m?.attachments ?? [],
    externalId: m?.externalId ?? null,
    eventId,
  };
}

/** Seed 000 bodies for the workspace webhook: STATUS-UPDATE for outbound statuses, MESSAGE for inbound. */
export function workspaceWebhookPayload(event: StoredEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'MESSAGE_UPDATED': {
      const status = WORKSPACE_WEBHOOK_STATUS[event.payload.message.status];
      return status ? { type: 'STATUS-UPDATE', message_id: callerMessageId(event.payload), status, eventId: event.id } : null;
    }
    case 'INCOMING_MESSAGE': {
      const p = event.payload;
      return { type: 'MESSAGE', location_id: p.workspace.locationId, phone: p.client.phone, message: p.message.content ?? '', isMe: false, attachments: p.message.attachments, eventId: event.id };
    }
    case 'PING':
      return { type: 'PING', location_id: event.payload.workspace.locationId, eventId: event.id };
    default:
      return null;
  }
}

/** MESSAGE_UPDATED_SMPP: only `message_id` and `status` in the query string of a GET. */
export function smppStatusQuery(event: StoredEvent): [string, string][] {
  if (event.type === 'MESSAGE_UPDATED') return [['message_id', callerMessageId(event.payload)], ['status', SMPP_STAT[event.payload.message.status] ?? 'UNKNOWN']];
  return [['message_id', event.id], ['status', 'PING']];
}
