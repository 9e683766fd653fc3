import type { Sql } from '../db/sql.ts';
import { newEvent, type NewEvent } from '../delivery/record-events.ts';
import type { MessageSnapshot } from '../events/event-payloads.ts';
import { clientSnapshot, conversationSnapshot, deviceSnapshot } from '../events/snapshots.ts';
import { locationIdsOf } from '../workspaces/locations.ts';

type Row = {
  workspaceId: number;
  message: Omit<MessageSnapshot, 'rawStatus' | 'errorCode' | 'error' | 'providerConversationId'>;
  client: Parameters<typeof clientSnapshot>[0];
  device: Parameters<typeof deviceSnapshot>[0];
  conversation: Parameters<typeof conversationSnapshot>[0];
};

/**
 * The events of new messages, accepted or received alike: NEW_CLIENT the first time a contact
 * appears, NEW_CONV for the first message of a conversation opened by this batch, then the
 * message's own event (OUTGOING_MESSAGE or INCOMING_MESSAGE), carrying the workspace's location id.
 */
export async function newMessageEvents(
  sql: Sql,
  type: 'OUTGOING_MESSAGE' | 'INCOMING_MESSAGE',
  rows: Row[],
  created: { clients: Set<string>; conversations: Set<string> },
): Promise<NewEvent[]> {
  const locations = await locationIdsOf(sql, rows.map((r) => r.workspaceId));
  const events: NewEvent[] = [];
  const newClients = new Set(created.clients);
  const opened = new Set<string>();
  for (const r of rows) {
    const workspace = { id: r.workspaceId, locationId: locations.get(r.workspaceId) ?? '' };
    const message: MessageSnapshot = { rawStatus: null, errorCode: null, error: null, providerConversationId: null, ...r.message };
    const base = { workspace, client: clientSnapshot(r.client), device: deviceSnapshot(r.device), conversation: conversationSnapshot(r.conversation) };
    if (newClients.delete(r.client.id)) events.push(newEvent(r.workspaceId, 'NEW_CLIENT', { workspace, client: base.client }));
    if (created.conversations.has(r.conversation.id) && !opened.has(r.conversation.id)) {
      opened.add(r.conversation.id);
      events.push(newEvent(r.workspaceId, 'NEW_CONV', { ...base, message }));
    }
    events.push(newEvent(r.workspaceId, type, { ...base, message }));
  }
  return events;
}
