import type { Channel, EventType, MessageDirection, MessageStatus, MessageType } from '../generated/prisma/client.ts';

/**
 * The canonical record of what happened, stored in events.payload. Every webhook dialect is
 * rendered from it, so it carries everything a payload may need.
 */
export type WorkspaceRef = { id: number; locationId: string };

export type MessageSnapshot = {
  id: string;
  externalId: string | null;
  direction: MessageDirection;
  channel: Channel;
  type: MessageType;
  content: string | null;
  attachments: string[];
  status: MessageStatus;
  rawStatus: string | null;
  errorCode: string | null;
  error: string | null;
  userId: string | null;
  isAgent: boolean;
  providerMessageId: string | null;
  providerConversationId: string | null;
  createdAt: string;
};

export type ClientSnapshot = {
  id: string;
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
  createdAt: string;
  patchedAt: string;
};

export type DeviceSnapshot = { id: string; channel: Channel; address: string; integrationType: string };

export type ConversationSnapshot = { id: string; status: 'OPEN' | 'ENDED'; createdAt: string; endedAt: string | null; endReason: string | null };

export type MessageEventPayload = {
  workspace: WorkspaceRef;
  message: MessageSnapshot;
  client: ClientSnapshot;
  device: DeviceSnapshot;
  conversation: ConversationSnapshot;
  /** For MESSAGE_UPDATED: when the status changed. */
  statusAt?: string;
};

export type ConversationEventPayload = {
  workspace: WorkspaceRef;
  conversation: ConversationSnapshot;
  client: ClientSnapshot;
  device: DeviceSnapshot;
  /** The message that opened the conversation, or the last one when it ended. */
  message: MessageSnapshot | null;
};

export type ClientEventPayload = { workspace: WorkspaceRef; client: ClientSnapshot };

export type PingPayload = { workspace: WorkspaceRef; targetId: string };

export type EventPayloadOf = {
  INCOMING_MESSAGE: MessageEventPayload;
  OUTGOING_MESSAGE: MessageEventPayload;
  MESSAGE_UPDATED: MessageEventPayload;
  NEW_CONV: ConversationEventPayload;
  ENDING_CONV: ConversationEventPayload;
  NEW_CLIENT: ClientEventPayload;
  CLIENT_UPDATED: ClientEventPayload;
  PING: PingPayload;
};

/** An event as stored: what the renderers take. */
export type StoredEvent = { [T in EventType]: { id: string; workspaceId: number; type: T; payload: EventPayloadOf[T]; createdAt: Date } }[EventType];

type Routing = { channel: Channel | null; direction: MessageDirection | null; status: MessageStatus | null; deviceId: string | null; messageId: string | null };

/** Routing attributes of an event: what webhook filters and targets match on. */
export function routingOf(event: StoredEvent): Routing {
  switch (event.type) {
    case 'INCOMING_MESSAGE':
    case 'OUTGOING_MESSAGE':
    case 'MESSAGE_UPDATED': {
      const { message, device } = event.payload;
      return { channel: message.channel, direction: message.direction, status: message.status, deviceId: device.id, messageId: message.id };
    }
    case 'NEW_CONV':
    case 'ENDING_CONV':
      return { channel: event.payload.device.channel, direction: event.payload.message?.direction ?? null, status: null, deviceId: event.payload.device.id, messageId: null };
    default:
      return { channel: null, direction: null, status: null, deviceId: null, messageId: null };
  }
}
