import type { ClientSnapshot, ConversationSnapshot, DeviceSnapshot, MessageSnapshot } from './event-payloads.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null | undefined) => (d == null ? null : iso(d));

type MessageRow = Omit<MessageSnapshot, 'createdAt'> & { createdAt: Date | string };
export const messageSnapshot = (m: MessageRow): MessageSnapshot => ({
  id: m.id,
  externalId: m.externalId,
  direction: m.direction,
  channel: m.channel,
  type: m.type,
  content: m.content,
  attachments: m.attachments,
  status: m.status,
  rawStatus: m.rawStatus,
  errorCode: m.errorCode,
  error: m.error,
  userId: m.userId,
  isAgent: m.isAgent,
  providerMessageId: m.providerMessageId,
  providerConversationId: m.providerConversationId,
  createdAt: iso(m.createdAt),
});

type ClientRow = Omit<ClientSnapshot, 'createdAt' | 'patchedAt'> & { createdAt: Date | string; patchedAt: Date | string };
export const clientSnapshot = (c: ClientRow): ClientSnapshot => ({
  id: c.id,
  phone: c.phone,
  name: c.name,
  surname: c.surname,
  email: c.email,
  address: c.address,
  city: c.city,
  country: c.country,
  externalClientId: c.externalClientId,
  tags: c.tags,
  stageId: c.stageId,
  createdAt: iso(c.createdAt),
  patchedAt: iso(c.patchedAt),
});

export const deviceSnapshot = (d: DeviceSnapshot): DeviceSnapshot => ({ id: d.id, channel: d.channel, address: d.address, integrationType: d.integrationType });

type ConversationRow = { id: string; status: 'OPEN' | 'ENDED'; createdAt: Date | string; endedAt: Date | string | null; endReason: string | null };
export const conversationSnapshot = (c: ConversationRow): ConversationSnapshot => ({
  id: c.id,
  status: c.status,
  createdAt: iso(c.createdAt),
  endedAt: isoOrNull(c.endedAt),
  endReason: c.endReason,
});
