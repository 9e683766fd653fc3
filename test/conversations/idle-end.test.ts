import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { eventsOn } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';
import { eventually } from '../support/wait.ts';

const IdleInbound = graphql(`
  mutation IdleInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      conversationId
    }
  }
`);

const IdleConversation = graphql(`
  query IdleConversation($id: ID!) {
    conversation(id: $id) {
      id
      status
      endedAt
      endReason
    }
  }
`);

const test = appTest({ SWITCHBOARD_CONVERSATION_IDLE_MINUTES: '1' }, { schedules: { 'conversation-end-idle': { everyMs: 500 } } });
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
let dev: { id: string };
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app);
  await webhook(app, ws, { url: `${receiver.url}/ending`, event: 'ENDING_CONV' });
  dev = await device(app, ws, { channel: 'WHATSAPP' });
});

const write = (from: string, message: string) => ok(app.url, IdleInbound, { input: { deviceId: dev.id, phone: from, message } }, { key: ws.key }).then((d) => d.simulateInbound);
const conversation = (id: string) => ok(app.url, IdleConversation, { id }, { key: ws.key }).then((d) => d.conversation);

describe('conversations end on their own after the idle time', () => {
  test('ends a conversation idle for longer than SWITCHBOARD_CONVERSATION_IDLE_MINUTES with reason idle and emits ENDING_CONV, and leaves an active one open', async () => {
    const quietContact = phone();
    const quiet = await write(quietContact, 'anyone?');
    const busyContact = phone();
    const busy = await write(busyContact, 'still talking');
    await app.rt.pool.query(`UPDATE conversations SET last_message_at = now() - interval '5 minutes' WHERE id = $1`, [quiet.conversationId]);

    // The job runs every half second here (every minute in production); the other conversation's last message is a minute from idle.
    const ended = await eventually(() => conversation(quiet.conversationId), (c) => c.status === 'ENDED', 'the idle conversation to end');
    expect(ended).toMatchObject({ status: 'ENDED', endReason: 'idle' });
    expect(ended.endedAt).not.toBeNull();

    const [event] = await eventsOn(receiver, '/ending', 1, (r) => r.json.conversationId === quiet.conversationId);
    expect(event!.json).toMatchObject({ event: 'ENDING_CONV', workspaceId: ws.id, conversationId: quiet.conversationId, integrationId: dev.id, content: 'anyone?' });
    expect((await conversation(busy.conversationId)).status).toBe('OPEN');

    // The contact writing again opens a new conversation.
    const again = await write(quietContact, 'hello?');
    expect(again.conversationId).not.toBe(quiet.conversationId);
  });
});
