import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, endConversation, sendMessage, simulateInbound, updateClient, waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, webhook, workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';
import { signedWith } from '../support/standard-webhooks.ts';
import { deliveriesSettled, eventually, workspaceQuiet } from '../support/wait.ts';

/** Which events reach which subscription: test pings, ANY_EVENT, and seed 004's channel, direction and failure filters. */

const SubCreate = graphql(`
  mutation SubCreate($input: WebhookCreateInput!) {
    createWebhook(input: $input) {
      id
      signingSecret
      testDelivery {
        id
        status
      }
    }
  }
`);

const SubTestDelivery = graphql(`
  query SubTestDelivery($id: ID!) {
    webhook(id: $id) {
      testDelivery {
        id
        status
        lastStatusCode
        event {
          type
        }
        attempts {
          number
          statusCode
          durationMs
          responseBody
        }
      }
    }
  }
`);

const SubEvents = graphql(`
  query SubEvents($input: EventsInput) {
    events(input: $input) {
      nodes {
        id
        type
      }
    }
  }
`);

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('test ping', () => {
  test('creating a subscription POSTs a signed PING to it alone, recorded as its testDelivery', async ({ ws }) => {
    const bystander = await webhook(app, ws, { url: `${receiver.url}/ping-bystander`, event: 'ANY_EVENT' });
    const created = (await ok(app.url, SubCreate, { input: { workspaceId: ws.id, label: 'pinged', url: `${receiver.url}/ping-new`, event: 'INCOMING_MESSAGE' } }, { key: ws.key })).createWebhook;
    expect(created.testDelivery).not.toBeNull();
    const [ping] = await receiver.waitForCount('/ping-new', 1);
    expect(ping!.method).toBe('POST');
    expect(ping!.json).toMatchObject({ event: 'PING', workspaceId: ws.id });
    expect(ping!.json.eventId).toBe(ping!.headers['webhook-id']);
    expect(signedWith(created.signingSecret, ping!)).toBe(true);
    await waitForDeliveries(app, ws, { webhookId: created.id }, (n) => n[0]?.status === 'SUCCEEDED');
    const test = (await ok(app.url, SubTestDelivery, { id: created.id }, { key: ws.key })).webhook.testDelivery!;
    expect(test).toMatchObject({ id: created.testDelivery!.id, status: 'SUCCEEDED', lastStatusCode: 200, event: { type: 'PING' } });
    expect(test.attempts).toEqual([expect.objectContaining({ number: 1, statusCode: 200, responseBody: 'ok' })]);
    expect(test.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect((await deliveriesSettled(app, ws.id)).map((d) => d.url)).toEqual([`${receiver.url}/ping-new`]);
    expect(receiver.on('/ping-bystander')).toHaveLength(0);
    expect(bystander.id).not.toBe(created.id);
  });

  test('a ping the endpoint refuses is recorded with its answer', async ({ ws }) => {
    receiver.respond((req) => (req.path === '/ping-refused' ? { status: 422, body: 'unexpected payload' } : undefined));
    const created = (await ok(app.url, SubCreate, { input: { workspaceId: ws.id, label: 'refused', url: `${receiver.url}/ping-refused`, event: 'NEW_CLIENT' } }, { key: ws.key })).createWebhook;
    await waitForDeliveries(app, ws, { webhookId: created.id }, (n) => n[0]?.status === 'FAILED');
    const test = (await ok(app.url, SubTestDelivery, { id: created.id }, { key: ws.key })).webhook.testDelivery!;
    expect(test).toMatchObject({ status: 'FAILED', lastStatusCode: 422 });
    expect(test.attempts[0]).toMatchObject({ statusCode: 422, responseBody: 'unexpected payload' });
  });

  test('sendTestPing: false sends nothing on creation', async ({ ws }) => {
    const created = (await ok(app.url, SubCreate, { input: { workspaceId: ws.id, label: 'quiet', url: `${receiver.url}/ping-quiet`, event: 'NEW_CLIENT', sendTestPing: false } }, { key: ws.key })).createWebhook;
    expect(created.testDelivery).toBeNull();
    expect(await deliveriesSettled(app, ws.id)).toEqual([]);
    expect(receiver.on('/ping-quiet')).toHaveLength(0);
    expect((await ok(app.url, SubTestDelivery, { id: created.id }, { key: ws.key })).webhook.testDelivery).toBeNull();
  });
});

describe('what a subscription receives', () => {
  test('ANY_EVENT receives every event of its workspace, and a single-event subscription only its own', async ({ ws, dev: sms }) => {
    const other = await workspace(app);
    const any = await webhook(app, ws, { url: `${receiver.url}/any`, event: 'ANY_EVENT' });
    await webhook(app, ws, { url: `${receiver.url}/only-new-client`, event: 'NEW_CLIENT' });
    await webhook(app, other, { url: `${receiver.url}/any-other`, event: 'ANY_EVENT' });

    const contact = phone();
    const sent = await sendMessage(app, ws, { channel: 'SMS', phone: contact, message: 'hello' });
    await simulateInbound(app, ws, { deviceId: sms.id, phone: contact, message: 'reply' });
    const c = await createClient(app, ws, { phone: phone(), name: 'Grace' });
    await updateClient(app, ws, { id: c.id, surname: 'Hopper' });
    await endConversation(app, ws, sent.conversationId);

    const expected = async () => (await ok(app.url, SubEvents, { input: { workspaceId: ws.id, first: 200 } }, { key: ws.key })).events.nodes.filter((e) => e.type !== 'PING');
    // SENT and DELIVERED follow the send on their own: wait until the log has them.
    const all = await eventually(expected, (events) => events.filter((e) => e.type === 'MESSAGE_UPDATED').length >= 2, 'SENT and DELIVERED in the event log', 15_000);
    await receiver.waitFor((rs) => all.every((e) => rs.some((r) => r.path === '/any' && r.headers['webhook-id'] === e.id)), 15_000, 'every event on /any');
    const types = new Set(receiver.on('/any').map((r) => r.headers['x-switchboard-event']));
    expect([...types].sort()).toEqual(['CLIENT_UPDATED', 'ENDING_CONV', 'INCOMING_MESSAGE', 'MESSAGE_UPDATED', 'NEW_CLIENT', 'NEW_CONV', 'OUTGOING_MESSAGE']);
    expect(receiver.on('/any').every((r) => signedWith(any.signingSecret, r) && r.json.eventId === r.headers['webhook-id'])).toBe(true);
    expect(receiver.on('/only-new-client').every((r) => r.json.event === 'NEW_CLIENT')).toBe(true);
    expect(receiver.on('/only-new-client')).toHaveLength(2);
    expect(receiver.on('/any-other')).toHaveLength(0);
  });

  test('seed 004 filters: a channel and direction, and the system "message failed" subscription', async ({ ws }) => {
    const failing = phone();
    const wa = await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 0, readAfterMs: 0 } });
    const im = await device(app, ws, { channel: 'IMESSAGE', config: { deliveredAfterMs: 0, readAfterMs: 0, failNumbers: { [failing]: 'sim:30003' } } });
    const sms = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 0, failNumbers: { [failing]: 'sim:30003' } } });

    await webhook(app, ws, { url: `${receiver.url}/f-wa-in`, event: 'ANY_EVENT', channels: ['WHATSAPP'], directions: ['INBOUND'] });
    await webhook(app, ws, { url: `${receiver.url}/f-out-wa-im`, event: 'OUTGOING_MESSAGE', channels: ['WHATSAPP', 'IMESSAGE'], directions: ['OUTBOUND'] });
    await webhook(app, ws, { url: `${receiver.url}/f-sms-in`, event: 'INCOMING_MESSAGE', channels: ['SMS'] });
    const failed = await webhook(app, ws, { url: `${receiver.url}/f-failed`, event: 'MESSAGE_UPDATED', statuses: ['FAILED', 'UNDELIVERED'] });

    const contact = phone();
    await simulateInbound(app, ws, { deviceId: wa.id, phone: contact, message: 'wa in' });
    await simulateInbound(app, ws, { deviceId: im.id, phone: contact, message: 'im in' });
    await simulateInbound(app, ws, { deviceId: sms.id, phone: contact, message: 'sms in' });
    await sendMessage(app, ws, { channel: 'WHATSAPP', phone: contact, message: 'wa out' });
    await sendMessage(app, ws, { channel: 'IMESSAGE', phone: contact, message: 'im out' });
    await sendMessage(app, ws, { channel: 'SMS', phone: contact, message: 'sms out' });
    const doomedIm = await sendMessage(app, ws, { channel: 'IMESSAGE', phone: failing, message: 'im doomed' });
    const doomedSms = await sendMessage(app, ws, { channel: 'SMS', phone: failing, message: 'sms doomed' });

    await receiver.waitForCount('/f-failed', 2);
    await receiver.waitForCount('/f-out-wa-im', 3);
    await receiver.waitFor((rs) => rs.some((r) => r.path === '/f-wa-in' && r.json?.event === 'INCOMING_MESSAGE'), 10_000, 'WhatsApp inbound');
    await receiver.waitForCount('/f-sms-in', 1);
    // Every report is in and every delivery done: what the receiver has now is all it will get.
    await workspaceQuiet(app, ws.id);

    // WhatsApp inbound only: the contact's message (and the conversation it opened), never outbound or another channel.
    const waIn = receiver.on('/f-wa-in').map((r) => r.json);
    expect(waIn.filter((b) => b.event === 'INCOMING_MESSAGE').map((b) => b.content)).toEqual(['wa in']);
    expect(waIn.every((b) => b.integrationId === wa.id)).toBe(true);
    expect(waIn.map((b) => b.event).every((e) => e === 'INCOMING_MESSAGE' || e === 'NEW_CONV')).toBe(true);

    expect(receiver.on('/f-out-wa-im').map((r) => r.json.content).sort()).toEqual(['im doomed', 'im out', 'wa out']);
    expect(receiver.on('/f-sms-in').map((r) => r.json.content)).toEqual(['sms in']);

    const failures = receiver.on('/f-failed').map((r) => r.json);
    expect(failures).toHaveLength(2);
    expect(failures.map((b) => b.messageId).sort()).toEqual([doomedIm.id, doomedSms.id].sort());
    expect(failures.every((b) => b.status === 'failed' && b.errorCode === 'sim:30003')).toBe(true);
    expect(receiver.on('/f-failed').every((r) => signedWith(failed.signingSecret, r))).toBe(true);
  });
});
