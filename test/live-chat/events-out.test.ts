import { Webhook } from 'standardwebhooks';
import { describe, expect } from 'vitest';
import { endIdleConversations } from '../../src/conversations/end-conversations.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { graphql } from '../gql/gql.ts';
import { ok } from '../support/graphql.ts';
import {
  contactWrites,
  createIntegration,
  deliveriesTo,
  eventually,
  LcEndConversation,
  simDevice,
  startIntegration,
  stopIntegration,
} from '../support/live-chat.ts';
import type { Receiver, ReceivedRequest } from '../support/receiver.ts';
import { deliveriesSettled } from '../support/wait.ts';

const LcReplay = graphql(`
  mutation LcReplay($input: DeliveryReplayInput!) {
    replayDelivery(input: $input) {
      id
      status
    }
  }
`);

const LcDeliveryAttempts = graphql(`
  query LcDeliveryAttempts($id: ID!) {
    delivery(id: $id) {
      id
      status
      attemptCount
      attempts {
        number
        statusCode
        error
      }
    }
  }
`);

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '0.2,0.2,0.2' });
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
let codes = 0;
const shortCode = () => String(242_000 + ++codes);

test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app, { name: 'Live chat events' });
});

/** An integration on its own receiver path with one fresh connection, started. */
async function liveChat(path: string, input: Record<string, unknown> = {}, channel: 'SMS' | 'WHATSAPP' = 'SMS') {
  const device = await simDevice(app, ws, { channel, address: channel === 'SMS' ? shortCode() : phone() });
  const integration = await createIntegration(app, ws, { url: `${receiver.url}${path}`, connectionIds: [device.id], ...input });
  const started = await startIntegration(app, ws, integration.id);
  expect(started.integration.status).toBe('ACTIVE');
  return { device, integration };
}

const within = (iso: string, from: number, to: number) => {
  const t = Date.parse(iso);
  return t >= from - 1000 && t <= to + 1000;
};

describe('live-chat events out', () => {
  test("delivers a contact's message as MESSAGE with exactly seed 002's default body, signed per Standard Webhooks", async () => {
    const path = '/lc/default';
    const { device, integration } = await liveChat(path);
    const contact = phone();
    const before = Date.now();
    const inbound = await contactWrites(app, ws, device.id, contact, 'Hello, I need help with my order');
    // Only the message reaches the integration (not NEW_CLIENT or NEW_CONV), once.
    expect((await deliveriesTo(app, ws, integration.id)).nodes.map((d) => d.event.type)).toEqual(['INCOMING_MESSAGE']);

    const [req] = await receiver.waitForCount(path, 1);
    const after = Date.now();
    expect(req!.method).toBe('POST');
    expect(req!.query).toEqual({});
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.json).toEqual({
      chatId: inbound.conversationId,
      contact,
      event: 'MESSAGE',
      text: 'Hello, I need help with my order',
      multimedia: { url: null, caption: null },
      sender: device.address,
      channel: 'SMS',
      timestamp: expect.any(String),
    });
    expect(Object.keys(req!.json)).toEqual(['chatId', 'contact', 'event', 'text', 'multimedia', 'sender', 'channel', 'timestamp']);
    expect(within(req!.json.timestamp, before, after)).toBe(true);
    expect(new Date(req!.json.timestamp).toISOString()).toBe(req!.json.timestamp);

    // Standard Webhooks: the receiver verifies with the integration's signing secret.
    const verified = new Webhook(integration.signingSecret).verify(req!.body, req!.headers);
    expect(verified).toEqual(req!.json);
    expect(() => new Webhook(integration.signingSecret).verify(req!.body.replace('Hello', 'Hellx'), req!.headers)).toThrow();
    const delivery = await eventually(
      () => deliveriesTo(app, ws, integration.id),
      (d) => d.nodes[0]?.status === 'SUCCEEDED',
      'the delivery to succeed',
    );
    expect(req!.headers['webhook-id']).toBe(delivery.nodes[0]!.eventId);
    expect(delivery.nodes[0]).toMatchObject({ liveChatIntegrationId: integration.id, targetKind: 'LIVE_CHAT' });

    // A second message continues the same chat.
    await contactWrites(app, ws, device.id, contact, 'Are you there?');
    const [, second] = await receiver.waitForCount(path, 2);
    expect(second!.json).toMatchObject({ chatId: inbound.conversationId, event: 'MESSAGE', text: 'Are you there?' });
    expect(second!.headers['webhook-id']).not.toBe(req!.headers['webhook-id']);
  });

  test('uses the configured method, query string, headers, Bearer auth and body (renamed, removed and added fields, dot notation, [])', async () => {
    const path = '/lc/custom';
    const { device, integration } = await liveChat(
      path,
      {
        url: `${receiver.url}${path}?static=1`,
        method: 'PUT',
        queryParams: [
          { key: 'colour', type: 'TEXT', value: 'blue' },
          { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
        ],
        headers: [
          { key: 'X-Tenant', type: 'TEXT', value: 'acme' },
          { key: 'X-Contact', type: 'VARIABLE', value: '{{contact}}' },
        ],
        auth: { type: 'BEARER', token: 'tok_live_chat_bearer_0001' },
        bodyFields: [
          { key: 'conversation.id', type: 'VARIABLE', value: '{{chatId}}' },
          { key: 'from', type: 'VARIABLE', value: '{{contact}}' },
          { key: 'kind', type: 'VARIABLE', value: '{{event}}' },
          { key: 'message.text', type: 'VARIABLE', value: '{{text}}' },
          { key: 'message.channel', type: 'VARIABLE', value: '{{channel}}' },
          { key: 'source', type: 'TEXT', value: 'switchboard' },
          { key: 'labels[]', type: 'TEXT', value: 'support' },
          { key: 'labels[]', type: 'VARIABLE', value: '{{channel}}' },
          { key: 'media[]', type: 'VARIABLE', value: '{{attachments}}' },
          { key: 'routes[].sender', type: 'VARIABLE', value: '{{sender}}' },
          { key: 'routes[].at', type: 'VARIABLE', value: '{{timestamp}}' },
        ],
      },
      'WHATSAPP',
    );
    const contact = phone();
    const inbound = await contactWrites(app, ws, device.id, contact, 'Hola');
    const [req] = await receiver.waitForCount(path, 1);

    expect(req!.method).toBe('PUT');
    expect(req!.query).toEqual({ static: '1', colour: 'blue', channel: 'WHATSAPP' });
    expect(req!.headers).toMatchObject({ 'x-tenant': 'acme', 'x-contact': contact, authorization: 'Bearer tok_live_chat_bearer_0001', 'content-type': 'application/json' });
    expect(req!.json).toEqual({
      conversation: { id: inbound.conversationId },
      from: contact,
      kind: 'MESSAGE',
      message: { text: 'Hola', channel: 'WHATSAPP' },
      source: 'switchboard',
      labels: ['support', 'WHATSAPP'],
      media: [],
      routes: [{ sender: device.address, at: expect.any(String) }],
    });
    expect(new Webhook(integration.signingSecret).verify(req!.body, req!.headers)).toEqual(req!.json);
  });

  test('sends GET with the configured query string, no body and API_KEY auth', async () => {
    const path = '/lc/get';
    const { device } = await liveChat(path, {
      method: 'GET',
      auth: { type: 'API_KEY', headerName: 'X-Api-Key', value: 'ak_live_chat_0002' },
      queryParams: [
        { key: 'event', type: 'VARIABLE', value: '{{event}}' },
        { key: 'contact', type: 'VARIABLE', value: '{{contact}}' },
        { key: 'text', type: 'VARIABLE', value: '{{text}}' },
        { key: 'sender', type: 'VARIABLE', value: '{{sender}}' },
      ],
    });
    const contact = phone();
    await contactWrites(app, ws, device.id, contact, 'a & b = c?');
    const [req] = await receiver.waitForCount(path, 1);
    expect(req!.method).toBe('GET');
    expect(req!.body).toBe('');
    expect(req!.query).toEqual({ event: 'MESSAGE', contact, text: 'a & b = c?', sender: device.address });
    expect(req!.headers['x-api-key']).toBe('ak_live_chat_0002');
    expect(req!.headers['webhook-signature']).toMatch(/^v1,/);
  });

  test('sends DELETE with BASIC auth and the default body', async () => {
    const path = '/lc/basic';
    const { device } = await liveChat(path, { method: 'DELETE', auth: { type: 'BASIC', username: 'bot', password: 's3cret-pass' } });
    await contactWrites(app, ws, device.id, phone(), 'basic');
    const [req] = await receiver.waitForCount(path, 1);
    expect(req!.method).toBe('DELETE');
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('bot:s3cret-pass').toString('base64')}`);
    expect(req!.json).toMatchObject({ event: 'MESSAGE', text: 'basic', channel: 'SMS' });
  });

  test('fills multimedia.url and multimedia.caption from an image the contact sends', async () => {
    const path = '/lc/image';
    const { device } = await liveChat(path, {}, 'WHATSAPP');
    const contact = phone();
    const image = 'https://cdn.example.com/media/receipt-42.jpg';
    const inbound = await contactWrites(app, ws, device.id, contact, 'Here is the receipt', [image]);
    await contactWrites(app, ws, device.id, contact, null, ['https://cdn.example.com/media/second.png']);
    const both = await receiver.waitForCount(path, 2);
    const withCaption = both.find((r) => r.json.text !== null);
    const bare = both.find((r) => r.json.text === null);
    expect(withCaption!.json).toMatchObject({
      chatId: inbound.conversationId,
      event: 'MESSAGE',
      text: 'Here is the receipt',
      multimedia: { url: image, caption: 'Here is the receipt' },
      channel: 'WHATSAPP',
      sender: device.address,
    });
    expect(bare!.json).toMatchObject({ chatId: inbound.conversationId, text: null, multimedia: { url: 'https://cdn.example.com/media/second.png', caption: null } });
  });

  test('delivers END when the chat is ended by API, and when it ends idle', async () => {
    const path = '/lc/end';
    const { device } = await liveChat(path);
    const contact = phone();
    const inbound = await contactWrites(app, ws, device.id, contact, 'bye');
    await receiver.waitForCount(path, 1);
    const ended = (await ok(app.url, LcEndConversation, { input: { id: inbound.conversationId } }, { key: ws.key })).endConversation;
    expect(ended.status).toBe('ENDED');
    const [, end] = await receiver.waitForCount(path, 2);
    expect(end!.json).toMatchObject({ chatId: inbound.conversationId, contact, event: 'END', sender: device.address, channel: 'SMS', timestamp: expect.any(String) });
    expect(Object.keys(end!.json)).toEqual(['chatId', 'contact', 'event', 'text', 'multimedia', 'sender', 'channel', 'timestamp']);
    expect(end!.headers['x-switchboard-event']).toBe('ENDING_CONV');
    // Ending it again sends nothing more.
    await ok(app.url, LcEndConversation, { input: { id: inbound.conversationId } }, { key: ws.key });

    // A new message opens a new chat; left idle past the limit, it ends with END too.
    const next = await contactWrites(app, ws, device.id, contact, 'one more thing');
    expect(next.conversationId).not.toBe(inbound.conversationId);
    await receiver.waitForCount(path, 3);
    await app.rt.pool.query(`UPDATE conversations SET last_message_at = now() - interval '3 days' WHERE id = $1`, [next.conversationId]);
    expect(await endIdleConversations(app.rt)).toBeGreaterThanOrEqual(1);
    const requests = await receiver.waitForCount(path, 4);
    expect(requests[3]!.json).toMatchObject({ chatId: next.conversationId, event: 'END', contact });
    expect(requests.filter((r) => r.json.event === 'END')).toHaveLength(2);
  });

  test('retries a failing target with the same event id until it succeeds', async () => {
    const path = '/lc/flaky';
    receiver.failFirst(path, 2, { status: 503 });
    const { device, integration } = await liveChat(path);
    await contactWrites(app, ws, device.id, phone(), 'retry me');
    const attempts = await receiver.waitForCount(path, 3);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts.map((r) => r.json.text)).toEqual(['retry me', 'retry me', 'retry me']);
    const d = await eventually(
      () => deliveriesTo(app, ws, integration.id),
      (x) => x.nodes[0]?.status === 'SUCCEEDED',
      'the retried delivery to succeed',
    );
    expect(d.totalCount).toBe(1);
  });

  test('delivers a shared sender\'s messages only to the integration holding it', async () => {
    const holderPath = '/lc/holder';
    const loserPath = '/lc/loser';
    const { device, integration: holder } = await liveChat(holderPath);
    const loser = await createIntegration(app, ws, { alias: 'Loser', url: `${receiver.url}${loserPath}`, connectionIds: [device.id] });
    const started = await startIntegration(app, ws, loser.id);
    expect(started.integration.status).toBe('INACTIVE');
    expect(started.connections[0]).toMatchObject({ ok: false, errorCode: 'CONFLICT' });

    await contactWrites(app, ws, device.id, phone(), 'who gets this?');
    expect((await deliveriesTo(app, ws, holder.id)).totalCount).toBe(1);
    expect((await deliveriesTo(app, ws, loser.id)).totalCount).toBe(0);
    await receiver.waitForCount(holderPath, 1);
    expect(receiver.on(loserPath)).toEqual([]);
  });

  test('delivers nothing for devices that are not active connections, and nothing after the integration stops', async () => {
    const path = '/lc/stop';
    const seen = '/lc/stop-witness';
    // A seed 001 subscription shows when an inbound message has been processed.
    await webhook(app, ws, { url: `${receiver.url}${seen}`, event: 'INCOMING_MESSAGE' });
    const { device, integration } = await liveChat(path);
    const outsider = await simDevice(app, ws, { address: shortCode(), activate: true });
    const contact = phone();

    await contactWrites(app, ws, outsider.id, contact, 'not for the bot');
    await contactWrites(app, ws, device.id, contact, 'for the bot');
    await receiver.waitForCount(seen, 2);
    const delivered = await receiver.waitForCount(path, 1);
    expect(delivered.map((r) => r.json.text)).toEqual(['for the bot']);

    await stopIntegration(app, ws, integration.id);
    await contactWrites(app, ws, device.id, contact, 'after stop');
    expect((await deliveriesTo(app, ws, integration.id)).totalCount).toBe(1);
    await receiver.waitForCount(seen, 3);
    await deliveriesSettled(app, ws.id, path);
    expect(receiver.on(path).map((r: ReceivedRequest) => r.json.text)).toEqual(['for the bot']);

    // Started again, it receives new messages again.
    await startIntegration(app, ws, integration.id);
    await contactWrites(app, ws, device.id, contact, 'back again');
    const again = await receiver.waitForCount(path, 2);
    expect(again.map((r) => r.json.text)).toEqual(['for the bot', 'back again']);
  });

  test('logs each attempt and replays a delivery with the same event id; secrets never reach the logs', async () => {
    const path = '/lc/replay';
    const { device, integration } = await liveChat(path, { auth: { type: 'BEARER', token: 'tok_never_logged_0003' }, headers: { 'x-private': 'header-never-logged-0004' } });
    await contactWrites(app, ws, device.id, phone(), 'replay me');
    const [first] = await receiver.waitForCount(path, 1);
    const delivered = await eventually(() => deliveriesTo(app, ws, integration.id), (d) => d.nodes[0]?.status === 'SUCCEEDED', 'the delivery to succeed');
    const id = delivered.nodes[0]!.id;
    const attempts = (await ok(app.url, LcDeliveryAttempts, { id }, { key: ws.key })).delivery;
    expect(attempts.attempts).toEqual([expect.objectContaining({ number: 1, statusCode: 200, error: null })]);

    await ok(app.url, LcReplay, { input: { id } }, { key: ws.key });
    const [, replayed] = await receiver.waitForCount(path, 2);
    expect(replayed!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(replayed!.json).toEqual(first!.json);
    expect(new Webhook(integration.signingSecret).verify(replayed!.body, replayed!.headers)).toEqual(first!.json);
    expect(replayed!.headers.authorization).toBe('Bearer tok_never_logged_0003');

    for (const secret of ['tok_never_logged_0003', 'header-never-logged-0004', 's3cret-pass', 'ak_live_chat_0002', 'tok_live_chat_bearer_0001', integration.signingSecret]) {
      expect(app.logs.text).not.toContain(secret);
    }
  });
});
