import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import { messageReaches } from '../support/messaging.ts';

const GqlSend = graphql(`
  mutation GqlSend($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
      workspaceId
      status
      direction
      channel
      type
      content
      attachments
      externalId
      userId
      isAgent
      segments
      encoding
      clientId
      conversationId
      deviceId
      client {
        phone
      }
    }
  }
`);

const GqlMessage = graphql(`
  query GqlMessage($id: ID!) {
    message(id: $id) {
      id
      status
      content
      providerMessageId
      sentAt
      deliveredAt
      conversation {
        id
        status
      }
      device {
        id
        channel
      }
    }
  }
`);

const GqlMessages = graphql(`
  query GqlMessages($input: MessagesInput) {
    messages(input: $input) {
      nodes {
        id
        content
        direction
        channel
        status
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const GqlInbound = graphql(`
  mutation GqlInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      clientId
      conversationId
    }
  }
`);

const test = appTest();
let app: TestApp;
let ws: Workspace;
let sms: { id: string };
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app);
  sms = await device(app, ws, { channel: 'SMS' });
  await device(app, ws, { channel: 'WHATSAPP' });
});

describe('sendMessage', () => {
  test('queues a message on the workspace device of the channel and moves it to DELIVERED', async () => {
    const to = phone();
    const m = (await ok(app.url, GqlSend, { input: { channel: 'SMS', phone: to, message: 'Your code is 1234', messageId: 'gql-1', userId: 'agent-7' } }, { key: ws.key })).sendMessage;
    expect(m).toMatchObject({
      workspaceId: ws.id,
      status: 'QUEUED',
      direction: 'OUTBOUND',
      channel: 'SMS',
      type: 'TEXT',
      content: 'Your code is 1234',
      attachments: [],
      externalId: 'gql-1',
      userId: 'agent-7',
      isAgent: true,
      deviceId: sms.id,
      client: { phone: to },
    });
    await messageReaches(app, m.id, 'DELIVERED');
    const read = (await ok(app.url, GqlMessage, { id: m.id }, { key: ws.key })).message;
    expect(read.providerMessageId).toMatch(/^SIM/);
    expect(read.sentAt).not.toBeNull();
    expect(read.deliveredAt).not.toBeNull();
    expect(read.conversation).toEqual({ id: m.conversationId, status: 'OPEN' });
    expect(read.device).toEqual({ id: sms.id, channel: 'SMS' });
  });

  test('answers the same message for the same messageId and body, and CONFLICT for a different body', async () => {
    const input = { channel: 'WHATSAPP' as const, phone: phone(), message: 'hello', messageId: 'gql-idem' };
    const a = (await ok(app.url, GqlSend, { input }, { key: ws.key })).sendMessage;
    const b = (await ok(app.url, GqlSend, { input }, { key: ws.key })).sendMessage;
    expect(b.id).toBe(a.id);
    const conflict = await execute(app.url, GqlSend, { input: { ...input, message: 'changed' } }, { key: ws.key });
    expect(codeOf(conflict)).toBe('CONFLICT');
    expect(conflict.errors![0]!.message).toContain('message_id');
  });

  test('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'SMS', phone: '0300 1234567', message: 'x' }, 'phone'],
      [{ channel: 'SMS', phone: '+1415555', message: 'x' }, 'phone'],
      [{ channel: 'SMS', phone: phone(), message: 'x', attachments: ['javascript:alert(1)'] }, 'attachments'],
      [{ channel: 'SMS', phone: phone(), message: 'x'.repeat(1601) }, 'message'],
      [{ channel: 'SMS', phone: phone() }, 'message'],
      [{ channel: 'SMS', phone: phone(), message: '  \n ' }, 'message'],
      [{ channel: 'SMS', phone: phone(), message: 'x', messageId: '' }, 'messageId'],
      [{ channel: 'RCS', phone: phone(), message: 'x' }, 'channel'],
    ];
    for (const [input, field] of cases) {
      const r = await execute(app.url, GqlSend, { input: input as never }, { key: ws.key });
      expect(codeOf(r), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      const fields = r.errors![0]!.extensions!.details!.map((d) => d.field);
      expect(fields.some((f) => f === field || f.startsWith(`${field}.`)), `${JSON.stringify(input)} → ${JSON.stringify(fields)}`).toBe(true);
    }
  });

  test('refuses a simulated reply of only white space with BAD_USER_INPUT naming message', async () => {
    const r = await execute(app.url, GqlInbound, { input: { deviceId: sms.id, phone: phone(), message: ' \n\t' } }, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details!.map((d) => d.field)).toEqual(['message']);
  });

  test('keeps workspaces apart: NOT_FOUND for another workspace, and an admin must name the workspace', async () => {
    const other = await workspace(app, { name: 'Another' });
    expect(codeOf(await execute(app.url, GqlSend, { input: { workspaceId: other.id, channel: 'SMS', phone: phone(), message: 'x' } }, { key: ws.key }))).toBe('NOT_FOUND');
    const admin = await execute(app.url, GqlSend, { input: { channel: 'SMS', phone: phone(), message: 'x' } });
    expect(codeOf(admin)).toBe('BAD_USER_INPUT');
    expect(admin.errors![0]!.extensions!.details![0]!.field).toBe('workspaceId');
    const asAdmin = (await ok(app.url, GqlSend, { input: { workspaceId: ws.id, channel: 'SMS', phone: phone(), message: 'from admin' } })).sendMessage;
    expect(asAdmin.workspaceId).toBe(ws.id);
    // The other workspace cannot see this workspace's message.
    expect(codeOf(await execute(app.url, GqlMessage, { id: asAdmin.id }, { key: other.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, GqlMessage, { id: 'not-a-uuid' }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, GqlSend, { input: { channel: 'SMS', phone: phone(), message: 'x' } }, { key: null }))).toBe('UNAUTHENTICATED');
  });
});

describe('SMS segments and encoding', () => {
  const cases: [string, string, number, string][] = [
    ['160 GSM-7 characters fit one segment', 'a'.repeat(160), 1, 'GSM-7'],
    ['161 GSM-7 characters take two', 'a'.repeat(161), 2, 'GSM-7'],
    ['306 GSM-7 characters take two (153 each)', 'a'.repeat(306), 2, 'GSM-7'],
    ['307 GSM-7 characters take three', 'a'.repeat(307), 3, 'GSM-7'],
    ['an emoji switches to UCS-2', 'Thanks 👍', 1, 'UCS-2'],
    ['71 UCS-2 characters take two', 'й'.repeat(71), 2, 'UCS-2'],
    ['70 UCS-2 characters fit one', 'й'.repeat(70), 1, 'UCS-2'],
  ];
  for (const [what, text, segments, encoding] of cases) {
    test(`stores them: ${what}`, async () => {
      const m = (await ok(app.url, GqlSend, { input: { channel: 'SMS', phone: phone(), message: text } }, { key: ws.key })).sendMessage;
      expect({ segments: m.segments, encoding: m.encoding }).toEqual({ segments, encoding });
    });
  }

  test('counts none for WhatsApp', async () => {
    const m = (await ok(app.url, GqlSend, { input: { channel: 'WHATSAPP', phone: phone(), message: 'a'.repeat(200) } }, { key: ws.key })).sendMessage;
    expect(m.segments).toBeNull();
    expect(m.encoding).toBeNull();
  });
});

describe('messages', () => {
  test('lists a conversation’s messages newest first, filtered and paged', async () => {
    const other = await workspace(app, { name: 'Lists' });
    const dev = await device(app, other, { channel: 'WHATSAPP' });
    const contact = phone();
    const inbound = (await ok(app.url, GqlInbound, { input: { deviceId: dev.id, phone: contact, message: 'hi there' } }, { key: other.key })).simulateInbound;
    for (const text of ['one', 'two', 'three']) await ok(app.url, GqlSend, { input: { channel: 'WHATSAPP', phone: contact, message: text } }, { key: other.key });

    const all = (await ok(app.url, GqlMessages, { input: { conversationId: inbound.conversationId } }, { key: other.key })).messages;
    expect(all.totalCount).toBe(4);
    expect(all.nodes.map((m) => m.content)).toEqual(['three', 'two', 'one', 'hi there']);

    const page1 = (await ok(app.url, GqlMessages, { input: { clientId: inbound.clientId, first: 3 } }, { key: other.key })).messages;
    expect(page1.nodes.map((m) => m.content)).toEqual(['three', 'two', 'one']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(app.url, GqlMessages, { input: { clientId: inbound.clientId, first: 3, after: page1.pageInfo.endCursor } }, { key: other.key })).messages;
    expect(page2.nodes.map((m) => m.content)).toEqual(['hi there']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const incoming = (await ok(app.url, GqlMessages, { input: { direction: 'INBOUND' } }, { key: other.key })).messages;
    expect(incoming.nodes.map((m) => m.content)).toEqual(['hi there']);
    expect((await ok(app.url, GqlMessages, { input: { channel: 'SMS' } }, { key: other.key })).messages.totalCount).toBe(0);
    expect((await ok(app.url, GqlMessages, { input: { status: 'RECEIVED' } }, { key: other.key })).messages.totalCount).toBe(1);

    // A workspace key sees only its own workspace; asking for another is NOT_FOUND.
    expect((await ok(app.url, GqlMessages, {}, { key: other.key })).messages.totalCount).toBe(4);
    expect(codeOf(await execute(app.url, GqlMessages, { input: { workspaceId: ws.id } }, { key: other.key }))).toBe('NOT_FOUND');
  });
});
