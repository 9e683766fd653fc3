import type { StoredEvent } from '../events/event-payloads.ts';

/** Seed 002's event names for live-chat targets: a contact's message, or the chat's end. */
export function liveChatEventName(event: StoredEvent): string {
  return event.type === 'INCOMING_MESSAGE' ? 'MESSAGE' : event.type === 'ENDING_CONV' ? 'END' : event.type;
}

/**
 * The variables a TEXT/VARIABLE field can read (`{{channel}}`, `{{multimedia.url}}`, …), from
 * the event. Names that do not apply to the event are null.
 */
export function variablesOf(event: StoredEvent, eventName: string = event.type): Record<string, unknown> {
  const p = event.payload as Partial<{
    workspace: { id: number; locationId: string };
    message: { id: string; externalId: string | null; content: string | null; type: string; channel: string; direction: string; status: string; attachments: string[]; userId: string | null; errorCode: string | null; isAgent: boolean } | null;
    client: { id: string; phone: string; name: string | null; surname: string | null; email: string | null; externalClientId: string | null; tags: string[] };
    device: { id: string; address: string; channel: string; integrationType: string };
    conversation: { id: string };
    statusAt: string;
  }>;
  // An ended chat carries its last message for reference, but END is not a new message.
  const m = event.type === 'ENDING_CONV' ? null : (p.message ?? null);
  const attachments = m?.attachments ?? [];
  return {
    event: eventName,
    eventId: event.id,
    eventType: event.type,
    timestamp: (p.statusAt ? new Date(p.statusAt) : event.createdAt).toISOString(),
    workspaceId: event.workspaceId,
    locationId: p.workspace?.locationId ?? null,
    messageId: m?.id ?? null,
    externalId: m?.externalId ?? null,
    text: m?.content ?? null,
    content: m?.content ?? null,
    type: m?.type.toLowerCase() ?? null,
    direction: m?.direction ?? null,
    status: m?.status.toLowerCase() ?? null,
    errorCode: m?.errorCode ?? null,
    userId: m?.userId ?? null,
    isAgent: m?.isAgent ?? null,
    attachments,
    'multimedia.url': attachments[0] ?? null,
    'multimedia.caption': attachments.length ? (m?.content ?? null) : null,
    channel: p.device?.channel ?? m?.channel ?? null,
    sender: p.device?.address ?? null,
    integrationId: p.device?.id ?? null,
    deviceId: p.device?.id ?? null,
    integrationType: p.device?.integrationType ?? null,
    contact: p.client?.phone ?? null,
    phone: p.client?.phone ?? null,
    clientId: p.client?.id ?? null,
    'client.name': p.client?.name ?? null,
    'client.surname': p.client?.surname ?? null,
    'client.email': p.client?.email ?? null,
    'client.tags': p.client?.tags ?? null,
    externalClientId: p.client?.externalClientId ?? null,
    chatId: p.conversation?.id ?? null,
    conversationId: p.conversation?.id ?? null,
  };
}
