import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { distinctEvents, eventsOn, inLifecycleOrder, messageOf, messageReaches, rows } from '../support/messaging.ts';
import type { ReceivedRequest } from '../support/receiver.ts';
import type { Receiver } from '../support/receiver.ts';
import { deliveriesSettled, workspaceQuiet } from '../support/wait.ts';

const FlowSimulateInbound = graphql(`
  mutation FlowSimulateInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      direction
      status
      content
      clientId
      conversationId
    }
  }
`);

const FlowClient = graphql(`
  query FlowClient($id: ID!) {
    client(id: $id) {
      id
      phone
    }
  }
`);

const FlowConversation = graphql(`
  query FlowConversation($id: ID!) {
    conversation(id: $id) {
      id
      status
      clientId
      deviceId
      channel
      lastInboundAt
    }
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const byJsonStatus = (list: ReceivedRequest[]) => inLifecycleOrder(list, (r) => r.json.status as string);
const byQueryStatus = (list: ReceivedRequest[]) => inLifecycleOrder(list, (r) => r.query.status!);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const test = appTest();
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

/** A workspace whose seed 000 webhook and seed 001 subscriptions all point at the receiver, under `/<prefix>/…`. */
async function subscribedWorkspace(prefix: string): Promise<Workspace> {
  const ws = await workspace(app, { webhookUrl: `${receiver.url}/${prefix}/workspace` });
  for (const [event, path] of [
    ['MESSAGE_UPDATED', 'updated'],
    ['MESSAGE_UPDATED_SMPP', 'dlr'],
    ['INCOMING_MESSAGE', 'incoming'],
    ['NEW_CLIENT', 'new-client'],
    ['NEW_CONV', 'new-conv'],
  ] as const) {
    await webhook(app, ws, { url: `${receiver.url}/${prefix}/${path}`, event });
  }
  return ws;
}

describe('the seed 000 flow: POST /webhook to status updates', () => {
  test("accepts seed 000's exact body and reports SENT then DELIVERED to the workspace webhook, seed 001 and SMPP subscribers (iMessage also reaches READ)", async () => {
    const ws = await subscribedWorkspace('seed');
    // READ well after DELIVERED: when the simulator's two reports are picked up together, READ may
    // be applied first and DELIVERED is then lost (see 'reports every WhatsApp message as delivered…').
    const dev = await device(app, ws, { channel: 'IMESSAGE', config: { deliveredAfterMs: 0, readAfterMs: 3000 } });
    const body = {
      location_id: ws.locationId,
      user_id: '5',
      phone: '+923004610062',
      message: 'Hello from Custom Webhook',
      attachments: ['https://example.com/image.jpg'],
      message_id: 'msg_001',
      channel: 'imessage',
    };

    const res = await postWebhook(app, body, ws.key);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['delaySeconds', 'message', 'messageId']);
    expect(typeof res.body.message).toBe('string');
    expect(res.body.messageId).toMatch(UUID);
    expect(Number.isInteger(res.body.delaySeconds)).toBe(true);
    expect(res.body.delaySeconds).toBeGreaterThanOrEqual(0);

    // Seed 000 STATUS-UPDATE at the workspace webhook: SENT, then DELIVERED; never READ (not in its vocabulary).
    const statuses = byJsonStatus(await eventsOn(receiver, '/seed/workspace', 2));
    expect(statuses.map((r) => r.json)).toEqual([
      { type: 'STATUS-UPDATE', message_id: 'msg_001', status: 'SENT', eventId: statuses[0]!.headers['webhook-id'] },
      { type: 'STATUS-UPDATE', message_id: 'msg_001', status: 'DELIVERED', eventId: statuses[1]!.headers['webhook-id'] },
    ]);
    expect(statuses.every((r) => r.method === 'POST')).toBe(true);

    // Seed 001 MESSAGE_UPDATED: sent, delivered, read, with the provider's id and ours.
    const updates = byJsonStatus(await eventsOn(receiver, '/seed/updated', 3));
    const message = await messageReaches(app, res.body.messageId, 'READ');
    expect(message).toMatchObject({
      externalId: 'msg_001',
      userId: '5',
      channel: 'IMESSAGE',
      direction: 'OUTBOUND',
      type: 'IMAGE',
      content: 'Hello from Custom Webhook',
      attachments: ['https://example.com/image.jpg'],
      deviceId: dev.id,
    });
    expect(message.providerMessageId).toMatch(/^SIM[0-9a-f]{24}$/);
    expect(message.sentAt && message.deliveredAt && message.readAt).toBeTruthy();
    expect(updates.map((r) => r.json.status)).toEqual(['sent', 'delivered', 'read']);
    for (const r of updates) {
      expect(r.json).toMatchObject({
        event: 'MESSAGE_UPDATED',
        workspaceId: ws.id,
        integrationId: dev.id,
        integrationType: 'CUSTOM',
        externalMessageId: message.providerMessageId,
        messageId: res.body.messageId,
        externalId: 'msg_001',
        eventId: r.headers['webhook-id'],
      });
      expect(r.json.createdAt).toMatch(ISO);
      expect(typeof r.json.externalConversationId).toBe('string');
    }

    // MESSAGE_UPDATED_SMPP: a GET with only message_id and status in the query string.
    const dlrs = byQueryStatus(await eventsOn(receiver, '/seed/dlr', 3));
    expect(dlrs.map((r) => [r.method, r.query, r.body])).toEqual([
      ['GET', { message_id: 'msg_001', status: 'ACCEPTD' }, ''],
      ['GET', { message_id: 'msg_001', status: 'DELIVRD' }, ''],
      ['GET', { message_id: 'msg_001', status: 'DELIVRD' }, ''],
    ]);
    expect(dlrs[0]!.url).toBe('/seed/dlr?message_id=msg_001&status=ACCEPTD');
    // SENT came first, then DELIVERED, then READ.
    expect(message.sentAt! <= message.deliveredAt! && message.deliveredAt! <= message.readAt!).toBe(true);

    // The contact was created on first contact; no READ ever reaches the seed 000 webhook.
    await workspaceQuiet(app, ws.id);
    expect(byJsonStatus(distinctEvents(receiver, '/seed/workspace')).map((r) => r.json.status)).toEqual(['SENT', 'DELIVERED']);
    const newClients = await eventsOn(receiver, '/seed/new-client', 1);
    expect(newClients[0]!.json).toMatchObject({ event: 'NEW_CLIENT', workspaceId: ws.id, phone: '+923004610062' });
  });

  test('moves an SMS to SENT and DELIVERED only, and a WhatsApp message on to READ', async () => {
    const ws = await subscribedWorkspace('channels');
    await device(app, ws, { channel: 'SMS' });
    const wa = await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 0, readAfterMs: 3000 } });
    const to = phone();

    const sms = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'sms', message_id: 'ch-sms', channel: 'sms' }, ws.key);
    const whatsapp = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'wa', message_id: 'ch-wa', channel: 'whatsapp' }, ws.key);
    expect([sms.status, whatsapp.status]).toEqual([200, 200]);

    await messageReaches(app, whatsapp.body.messageId, 'READ');
    await messageReaches(app, sms.body.messageId, 'DELIVERED');
    const updates = byJsonStatus(await eventsOn(receiver, '/channels/updated', 5));
    const statusesOf = (id: string) => updates.filter((r) => r.json.messageId === id).map((r) => r.json.status);
    expect(statusesOf(whatsapp.body.messageId)).toEqual(['sent', 'delivered', 'read']);
    expect(statusesOf(sms.body.messageId)).toEqual(['sent', 'delivered']);
    expect(updates.find((r) => r.json.messageId === whatsapp.body.messageId)!.json).toMatchObject({ integrationId: wa.id, integrationType: 'WHATSAPP' });

    const dlrs = byQueryStatus(await eventsOn(receiver, '/channels/dlr', 5));
    expect(dlrs.filter((r) => r.query.message_id === 'ch-wa').map((r) => r.query.status)).toEqual(['ACCEPTD', 'DELIVRD', 'DELIVRD']);
    expect(dlrs.filter((r) => r.query.message_id === 'ch-sms').map((r) => r.query.status)).toEqual(['ACCEPTD', 'DELIVRD']);

    const workspaceHook = byJsonStatus(await eventsOn(receiver, '/channels/workspace', 4));
    expect(workspaceHook.filter((r) => r.json.message_id === 'ch-wa').map((r) => r.json.status)).toEqual(['SENT', 'DELIVERED']);
    expect(workspaceHook.filter((r) => r.json.message_id === 'ch-sms').map((r) => r.json.status)).toEqual(['SENT', 'DELIVERED']);
    // Both went to one new contact: one NEW_CLIENT, and one NEW_CONV per device.
    expect(await rows(app, `SELECT type FROM events WHERE workspace_id = $1 AND type = 'NEW_CLIENT'`, [ws.id])).toHaveLength(1);
    expect(await rows(app, `SELECT type FROM events WHERE workspace_id = $1 AND type = 'NEW_CONV'`, [ws.id])).toHaveLength(2);
  });

  test('reports every WhatsApp message as delivered, then read, even when the delivered and read reports fall due together', async () => {
    const ws = await subscribedWorkspace('instant');
    // DELIVERED due after 50 ms, READ 250 ms later: the driver-task worker picks both up in one go.
    await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 50, readAfterMs: 250 } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postWebhook(app, { location_id: ws.locationId, phone: phone(), message: `instant ${i}`, message_id: `instant-${i}`, channel: 'whatsapp' }, ws.key),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    for (const a of answers) await messageReaches(app, a.body.messageId, 'READ');
    const reported = await rows<{ id: string; statuses: string[] }>(
      app,
      `SELECT payload->'message'->>'id' AS id, array_agg(payload->'message'->>'status' ORDER BY payload->'message'->>'status') AS statuses
         FROM events WHERE workspace_id = $1 AND type = 'MESSAGE_UPDATED' GROUP BY 1`,
      [ws.id],
    );
    const skipped = reported.filter((r) => !r.statuses.includes('DELIVERED')).map((r) => r.id);
    expect(skipped, 'messages whose DELIVERED was never reported').toEqual([]);
    // What the seed 000 workspace webhook sees: DELIVERED for every one of them.
    const delivered = await eventsOn(receiver, '/instant/workspace', 12, (r) => r.json.status === 'DELIVERED', 5_000);
    expect(new Set(delivered.map((r) => r.json.message_id)).size).toBe(12);
  });
});

describe('a contact replies: simulateInbound', () => {
  test('forwards the reply as seed 000 MESSAGE and seed 001 INCOMING_MESSAGE, creating the client and opening the conversation only once', async () => {
    const ws = await subscribedWorkspace('inbound');
    const dev = await device(app, ws, { channel: 'WHATSAPP' });
    const contact = phone();

    const first = (await ok(app.url, FlowSimulateInbound, { input: { deviceId: dev.id, phone: contact, message: 'Hello, I need help' } }, { key: ws.key })).simulateInbound;
    expect(first).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', content: 'Hello, I need help' });

    const [workspaceHook] = await eventsOn(receiver, '/inbound/workspace', 1);
    expect(workspaceHook!.method).toBe('POST');
    expect(workspaceHook!.json).toEqual({
      type: 'MESSAGE',
      location_id: ws.locationId,
      phone: contact,
      message: 'Hello, I need help',
      isMe: false,
      attachments: [],
      eventId: workspaceHook!.headers['webhook-id'],
    });

    const [incoming] = await eventsOn(receiver, '/inbound/incoming', 1);
    expect(incoming!.json).toMatchObject({
      event: 'INCOMING_MESSAGE',
      type: 'text',
      content: 'Hello, I need help',
      messageId: first.id,
      workspaceId: ws.id,
      integrationId: dev.id,
      integrationType: 'WHATSAPP',
      isAgent: false,
      conversationId: first.conversationId,
      clientId: first.clientId,
      externalClientId: contact.slice(1),
      debug: false,
      eventId: incoming!.headers['webhook-id'],
    });
    // Seed 001 shows createdAt as an HTTP date.
    expect(new Date(incoming!.json.createdAt).toUTCString()).toBe(incoming!.json.createdAt);

    const [newClient] = await eventsOn(receiver, '/inbound/new-client', 1);
    expect(newClient!.json).toMatchObject({ event: 'NEW_CLIENT', workspaceId: ws.id, id: first.clientId, phone: contact, tags: [] });
    const [newConv] = await eventsOn(receiver, '/inbound/new-conv', 1);
    expect(newConv!.json).toMatchObject({ event: 'NEW_CONV', conversationId: first.conversationId, clientId: first.clientId, integrationId: dev.id });

    expect((await ok(app.url, FlowClient, { id: first.clientId }, { key: ws.key })).client.phone).toBe(contact);
    const conversation = (await ok(app.url, FlowConversation, { id: first.conversationId }, { key: ws.key })).conversation;
    expect(conversation).toMatchObject({ status: 'OPEN', clientId: first.clientId, deviceId: dev.id, channel: 'WHATSAPP' });
    expect(conversation.lastInboundAt).not.toBeNull();

    // The next message from the same contact continues the same client and conversation.
    const second = (await ok(app.url, FlowSimulateInbound, { input: { deviceId: dev.id, phone: contact, message: 'Are you there?' } }, { key: ws.key })).simulateInbound;
    expect(second.clientId).toBe(first.clientId);
    expect(second.conversationId).toBe(first.conversationId);
    await eventsOn(receiver, '/inbound/incoming', 2);
    await eventsOn(receiver, '/inbound/workspace', 2);
    await deliveriesSettled(app, ws.id);
    expect(distinctEvents(receiver, '/inbound/new-client')).toHaveLength(1);
    expect(distinctEvents(receiver, '/inbound/new-conv')).toHaveLength(1);
    const counts = await rows<{ type: string; n: number }>(app, `SELECT type, count(*)::int AS n FROM events WHERE workspace_id = $1 GROUP BY type ORDER BY type`, [ws.id]);
    expect(counts).toEqual([
      { type: 'INCOMING_MESSAGE', n: 2 },
      { type: 'NEW_CLIENT', n: 1 },
      { type: 'NEW_CONV', n: 1 },
    ]);
  });

  test('forwards attachments of a reply to the workspace webhook', async () => {
    const ws = await subscribedWorkspace('media');
    const dev = await device(app, ws, { channel: 'SMS' });
    const contact = phone();
    const m = (
      await ok(app.url, FlowSimulateInbound, { input: { deviceId: dev.id, phone: contact, message: 'photo', attachments: ['https://cdn.example.com/p.jpg'] } }, { key: ws.key })
    ).simulateInbound;
    expect((await messageOf(app, m.id)).type).toBe('IMAGE');
    const [workspaceHook] = await eventsOn(receiver, '/media/workspace', 1);
    expect(workspaceHook!.json).toMatchObject({ type: 'MESSAGE', phone: contact, message: 'photo', isMe: false, attachments: ['https://cdn.example.com/p.jpg'] });
  });
});
