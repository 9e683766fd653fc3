import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import { distinctEvents, eventsOn, rows } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';
import { deliveriesSettled } from '../support/wait.ts';

const ConvInbound = graphql(`
  mutation ConvInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      clientId
      conversationId
    }
  }
`);

const ConvSend = graphql(`
  mutation ConvSend($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
      clientId
      conversationId
    }
  }
`);

const ConvList = graphql(`
  query ConvList($input: ConversationsInput) {
    conversations(input: $input) {
      nodes {
        id
        status
        channel
        clientId
        deviceId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const ConvGet = graphql(`
  query ConvGet($id: ID!, $first: Int, $after: String) {
    conversation(id: $id) {
      id
      status
      channel
      clientId
      deviceId
      lastInboundAt
      lastMessageAt
      createdAt
      endedAt
      endReason
      client {
        phone
      }
      device {
        id
      }
      messages(first: $first, after: $after) {
        nodes {
          id
          content
          direction
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

const ConvEnd = graphql(`
  mutation ConvEnd($input: ConversationEndInput!) {
    endConversation(input: $input) {
      id
      status
      endedAt
      endReason
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
let sms: { id: string };
let wa: { id: string };
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app);
  await webhook(app, ws, { url: `${receiver.url}/ending`, event: 'ENDING_CONV' });
  await webhook(app, ws, { url: `${receiver.url}/new-conv`, event: 'NEW_CONV' });
  sms = await device(app, ws, { channel: 'SMS' });
  wa = await device(app, ws, { channel: 'WHATSAPP' });
});

const inbound = (deviceId: string, from: string, message: string) => ok(app.url, ConvInbound, { input: { deviceId, phone: from, message } }, { key: ws.key }).then((d) => d.simulateInbound);
const list = (input: Record<string, unknown>, key = ws.key) => ok(app.url, ConvList, { input }, { key }).then((d) => d.conversations);

describe('conversations', () => {
  test('lists conversations filtered by status, client and channel', async () => {
    const own = await workspace(app, { name: 'Listing' });
    const ownSms = await device(app, own, { channel: 'SMS' });
    const ownWa = await device(app, own, { channel: 'WHATSAPP' });
    const alice = phone();
    const bob = phone();
    const in1 = (await ok(app.url, ConvInbound, { input: { deviceId: ownSms.id, phone: alice, message: 'a1' } }, { key: own.key })).simulateInbound;
    const in2 = (await ok(app.url, ConvInbound, { input: { deviceId: ownWa.id, phone: alice, message: 'a2' } }, { key: own.key })).simulateInbound;
    const in3 = (await ok(app.url, ConvSend, { input: { channel: 'SMS', phone: bob, message: 'b1' } }, { key: own.key })).sendMessage;
    await ok(app.url, ConvEnd, { input: { id: in1.conversationId } }, { key: own.key });

    const all = await list({}, own.key);
    expect(all.totalCount).toBe(3);
    const ids = (nodes: { id: string }[]) => nodes.map((c) => c.id);
    expect(ids(all.nodes)).toEqual([in3.conversationId, in2.conversationId, in1.conversationId]);
    expect(ids((await list({ status: 'OPEN' }, own.key)).nodes)).toEqual([in3.conversationId, in2.conversationId]);
    expect((await list({ status: 'ENDED' }, own.key)).nodes.map((c) => c.id)).toEqual([in1.conversationId]);
    expect(ids((await list({ clientId: in1.clientId }, own.key)).nodes)).toEqual([in2.conversationId, in1.conversationId]);
    expect((await list({ channel: 'WHATSAPP' }, own.key)).nodes).toEqual([
      { id: in2.conversationId, status: 'OPEN', channel: 'WHATSAPP', clientId: in1.clientId, deviceId: ownWa.id },
    ]);
    expect((await list({ deviceId: ownSms.id, status: 'OPEN' }, own.key)).nodes.map((c) => c.id)).toEqual([in3.conversationId]);
    const page = await list({ first: 2 }, own.key);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await list({ first: 2, after: page.pageInfo.endCursor }, own.key);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(ids([...page.nodes, ...next.nodes])).toEqual(ids(all.nodes));

    // Another workspace sees none of them.
    expect(codeOf(await execute(app.url, ConvGet, { id: in1.conversationId }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, ConvList, { input: { workspaceId: own.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, ConvEnd, { input: { id: in2.conversationId } }, { key: ws.key }))).toBe('NOT_FOUND');
  });

  test('shows a conversation with its messages, newest first and paged', async () => {
    const contact = phone();
    const first = await inbound(wa.id, contact, 'm1');
    await ok(app.url, ConvSend, { input: { channel: 'WHATSAPP', phone: contact, message: 'm2' } }, { key: ws.key });
    await inbound(wa.id, contact, 'm3');
    await ok(app.url, ConvSend, { input: { channel: 'WHATSAPP', phone: contact, message: 'm4' } }, { key: ws.key });
    await inbound(wa.id, contact, 'm5');

    const c = (await ok(app.url, ConvGet, { id: first.conversationId, first: 2 }, { key: ws.key })).conversation;
    expect(c).toMatchObject({ id: first.conversationId, status: 'OPEN', channel: 'WHATSAPP', clientId: first.clientId, deviceId: wa.id, client: { phone: contact }, device: { id: wa.id }, endedAt: null });
    expect(c.messages.totalCount).toBe(5);
    expect(c.messages.nodes.map((m) => [m.content, m.direction])).toEqual([
      ['m5', 'INBOUND'],
      ['m4', 'OUTBOUND'],
    ]);
    const rest: string[] = [];
    let after = c.messages.pageInfo.endCursor;
    while (after) {
      const page = (await ok(app.url, ConvGet, { id: first.conversationId, first: 2, after }, { key: ws.key })).conversation.messages;
      rest.push(...page.nodes.map((m) => m.content!));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(rest).toEqual(['m3', 'm2', 'm1']);
  });

  test('ends a conversation by API and emits ENDING_CONV once; the next message opens a new one', async () => {
    const contact = phone();
    const m = await inbound(sms.id, contact, 'bye for now');
    const ended = (await ok(app.url, ConvEnd, { input: { id: m.conversationId } }, { key: ws.key })).endConversation;
    expect(ended).toMatchObject({ id: m.conversationId, status: 'ENDED', endReason: 'ended by API' });
    expect(ended.endedAt).not.toBeNull();

    const [event] = await eventsOn(receiver, '/ending', 1, (r) => r.json.conversationId === m.conversationId);
    expect(event!.json).toMatchObject({
      event: 'ENDING_CONV',
      workspaceId: ws.id,
      conversationId: m.conversationId,
      clientId: m.clientId,
      integrationId: sms.id,
      messageId: m.id,
      content: 'bye for now',
      eventId: event!.headers['webhook-id'],
    });

    // Ending it again changes nothing and emits nothing.
    const again = (await ok(app.url, ConvEnd, { input: { id: m.conversationId } }, { key: ws.key })).endConversation;
    expect(again.endedAt).toBe(ended.endedAt);
    expect(await rows(app, `SELECT id FROM events WHERE type = 'ENDING_CONV' AND payload->'conversation'->>'id' = $1`, [m.conversationId])).toHaveLength(1);

    const next = await inbound(sms.id, contact, 'me again');
    expect(next.clientId).toBe(m.clientId);
    expect(next.conversationId).not.toBe(m.conversationId);
    await eventsOn(receiver, '/new-conv', 1, (r) => r.json.conversationId === next.conversationId);
    await deliveriesSettled(app, ws.id, '/ending');
    expect(distinctEvents(receiver, '/ending').filter((r) => r.json.conversationId === m.conversationId)).toHaveLength(1);
    expect(codeOf(await execute(app.url, ConvEnd, { input: { id: 'nope' } }, { key: ws.key }))).toBe('NOT_FOUND');
  });
});
