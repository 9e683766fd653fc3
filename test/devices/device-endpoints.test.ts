import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { distinctEvents, eventsOn, inLifecycleOrder, messageOf, messageReaches, rows } from '../support/messaging.ts';
import type { Receiver, ReceivedRequest } from '../support/receiver.ts';
import { deliveriesSettled } from '../support/wait.ts';

const EndpointConversations = graphql(`
  query EndpointConversations($input: ConversationsInput) {
    conversations(input: $input) {
      nodes {
        id
        status
        clientId
        deviceId
        lastInboundAt
        client {
          phone
        }
      }
      totalCount
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

async function post(path: string, body: unknown, token: string | null) {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A workspace whose webhooks all point at the receiver under `/<prefix>/…`. */
async function subscribed(prefix: string): Promise<Workspace> {
  const ws = await workspace(app, { webhookUrl: `${receiver.url}/${prefix}/workspace` });
  await webhook(app, ws, { url: `${receiver.url}/${prefix}/updated`, event: 'MESSAGE_UPDATED' });
  await webhook(app, ws, { url: `${receiver.url}/${prefix}/dlr`, event: 'MESSAGE_UPDATED_SMPP' });
  await webhook(app, ws, { url: `${receiver.url}/${prefix}/incoming`, event: 'INCOMING_MESSAGE' });
  return ws;
}

/** Sends through a device whose simulator never reports on its own, and waits for SENT. */
async function sentMessage(ws: Workspace, dev: { id: string }, messageId: string) {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'status me', message_id: messageId, channel: 'sms' }, ws.key);
  expect(res.status).toBe(200);
  const m = await messageReaches(app, res.body.messageId, 'SENT');
  expect(m.deviceId).toBe(dev.id);
  return m;
}

const statuses = (list: ReceivedRequest[]) => inLifecycleOrder(list, (r) => r.json.status as string).map((r) => r.json.status as string);
const updatedEvents = (id: string) => rows<{ status: string }>(app, `SELECT payload->'message'->>'status' AS status FROM events WHERE type = 'MESSAGE_UPDATED' AND payload->'message'->>'id' = $1`, [id]);

describe('device endpoints authenticate with the device token', () => {
  test('answer 401 for a missing token, a wrong token, another device’s token or an unknown device', async ({ ws }) => {
    const a = await device(app, ws, { channel: 'SMS' });
    const b = await device(app, ws, { channel: 'WHATSAPP' });
    const body = { from: phone(), message: 'hi' };
    for (const path of [`/devices/${a.id}/inbound`, `/devices/${a.id}/status`]) {
      expect((await post(path, body, null)).status).toBe(401);
      expect((await post(path, body, 'sbd_wrong_token_0123456789abcdef')).status).toBe(401);
      expect((await post(path, body, b.token)).status).toBe(401);
      expect((await post(path, body, ws.key)).status).toBe(401);
    }
    expect((await post('/devices/000000000000000000000000/inbound', body, a.token)).status).toBe(401);
    expect(await rows(app, 'SELECT id FROM messages WHERE workspace_id = $1', [ws.id])).toHaveLength(0);
  });
});

describe('POST /devices/{id}/inbound', () => {
  test('stores a contact’s message with its client and conversation, and emits INCOMING_MESSAGE and seed 000 MESSAGE', async () => {
    const ws = await subscribed('in');
    const dev = await device(app, ws, { channel: 'SMS' });
    const from = phone();
    // Received while the device was offline, three days ago.
    const timestamp = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const res = await post(`/devices/${dev.id}/inbound`, { from, message: 'STOP', id: 'gw-1', timestamp }, dev.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ duplicate: false });
    const m = await messageOf(app, res.body.messageId);
    expect(m).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', content: 'STOP', providerMessageId: 'gw-1', deviceId: dev.id, channel: 'SMS', type: 'TEXT' });
    expect(m.createdAt).toBe(timestamp);

    const conversations = (await ok(app.url, EndpointConversations, {}, { key: ws.key })).conversations;
    expect(conversations.nodes).toEqual([
      expect.objectContaining({ id: m.conversationId, status: 'OPEN', clientId: m.clientId, deviceId: dev.id, client: { phone: from } }),
    ]);
    expect(conversations.nodes[0]!.lastInboundAt).not.toBeNull();

    const [incoming] = await eventsOn(receiver, '/in/incoming', 1);
    expect(incoming!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: 'STOP', messageId: m.id, clientId: m.clientId, conversationId: m.conversationId, integrationId: dev.id });
    const [seed000] = await eventsOn(receiver, '/in/workspace', 1);
    expect(seed000!.json).toMatchObject({ type: 'MESSAGE', location_id: ws.locationId, phone: from, message: 'STOP', isMe: false, attachments: [] });
  });

  test('stores a message the device reports twice (same provider id) once', async () => {
    const ws = await subscribed('twice');
    const dev = await device(app, ws, { channel: 'WHATSAPP' });
    const body = { from: phone(), message: 'hello', id: 'wamid.ABC123' };
    const first = await post(`/devices/${dev.id}/inbound`, body, dev.token);
    const again = await post(`/devices/${dev.id}/inbound`, body, dev.token);
    const racing = await Promise.all([1, 2, 3].map(() => post(`/devices/${dev.id}/inbound`, body, dev.token)));
    expect(first.status).toBe(201);
    for (const r of [again, ...racing]) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ messageId: first.body.messageId, duplicate: true });
    }
    expect(await rows(app, 'SELECT id FROM messages WHERE device_id = $1', [dev.id])).toHaveLength(1);
    expect(await rows(app, `SELECT id FROM events WHERE workspace_id = $1 AND type = 'INCOMING_MESSAGE'`, [ws.id])).toHaveLength(1);
    await eventsOn(receiver, '/twice/incoming', 1);
    await deliveriesSettled(app, ws.id);
    expect(distinctEvents(receiver, '/twice/incoming')).toHaveLength(1);
  });

  test('refuses a report without a valid sender or content, naming the field', async ({ ws }) => {
    const dev = await device(app, ws, { channel: 'SMS' });
    for (const [body, field] of [
      [{ message: 'hi' }, 'from'],
      [{ from: '12345', message: 'hi' }, 'from'],
      [{ from: phone() }, 'message'],
      [{ from: phone(), message: 'hi', attachments: ['file:///etc/passwd'] }, 'attachments'],
      [{ from: phone(), message: ' \n\t ' }, 'message'],
      [{ from: phone(), message: 'hi', type: 'ımage' }, 'type'],
    ] as const) {
      const r = await post(`/devices/${dev.id}/inbound`, body, dev.token);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
    }
    expect((await post(`/devices/${dev.id}/inbound`, '{not json', dev.token)).status).toBe(400);
    expect(await rows(app, 'SELECT id FROM messages WHERE device_id = $1', [dev.id])).toHaveLength(0);
  });

  test('refuses a time outside the last 30 days or more than 5 minutes ahead, naming timestamp, and stores nothing', async ({ ws }) => {
    const dev = await device(app, ws, { channel: 'SMS' });
    const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    for (const timestamp of ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', days(-31), days(0.01)]) {
      const r = await post(`/devices/${dev.id}/inbound`, { from: phone(), message: 'hi', timestamp }, dev.token);
      expect(r.status, timestamp).toBe(400);
      expect(r.body.details).toEqual([{ field: 'timestamp', message: expect.stringContaining('30 days') }]);
    }
    expect(await rows(app, 'SELECT id FROM messages WHERE device_id = $1', [dev.id])).toHaveLength(0);
    expect((await post(`/devices/${dev.id}/inbound`, { from: phone(), message: 'hi', timestamp: days(-29) }, dev.token)).status).toBe(201);
  });
});

describe('POST /devices/{id}/status', () => {
  test('moves a sent message forward by its provider id, keeping the raw status', async () => {
    const ws = await subscribed('fwd');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'fwd-1');
    const delivered = await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered', rawStatus: 'DELIVRD' }, dev.token);
    expect(delivered).toEqual({ status: 200, body: { accepted: true } });
    const after = await messageOf(app, m.id);
    expect(after).toMatchObject({ status: 'DELIVERED', rawStatus: 'DELIVRD' });
    expect(after.deliveredAt).not.toBeNull();

    const updates = await eventsOn(receiver, '/fwd/updated', 2);
    expect(statuses(updates)).toEqual(['sent', 'delivered']);
    expect(updates.every((u) => u.json.externalMessageId === m.providerMessageId && u.json.externalId === 'fwd-1')).toBe(true);
    const seed000 = await eventsOn(receiver, '/fwd/workspace', 2);
    expect(statuses(seed000)).toEqual(['SENT', 'DELIVERED']);

    // Our own id works too.
    expect((await post(`/devices/${dev.id}/status`, { messageId: m.id, status: 'READ' }, dev.token)).status).toBe(200);
    expect((await messageOf(app, m.id)).status).toBe('READ');
  });

  test('records a DELIVERED that arrives after READ without moving the status back or emitting another event', async () => {
    const ws = await subscribed('late');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'late-1');
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'read' }, dev.token)).status).toBe(200);
    const read = await messageOf(app, m.id);
    expect(read.status).toBe('READ');
    // Read means delivered: until a delivery report says when, it is taken to be the read time.
    expect(read.deliveredAt).toBe(read.readAt);
    await eventsOn(receiver, '/late/updated', 1, (r) => r.json.status === 'read');
    const eventsBefore = (await updatedEvents(m.id)).length;
    await deliveriesSettled(app, ws.id);
    const receivedBefore = distinctEvents(receiver, '/late/updated').length;

    // Between the message's creation and its reading (a status cannot precede the message).
    const deliveredAt = new Date((Date.parse(read.createdAt) + Date.parse(read.readAt!)) / 2).toISOString();
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered', timestamp: deliveredAt }, dev.token)).status).toBe(200);
    const after = await messageOf(app, m.id);
    expect(after.status).toBe('READ');
    expect(after.deliveredAt).toBe(deliveredAt);
    expect(await updatedEvents(m.id)).toHaveLength(eventsBefore);
    await deliveriesSettled(app, ws.id);
    expect(distinctEvents(receiver, '/late/updated')).toHaveLength(receivedBefore);
    expect(distinctEvents(receiver, '/late/updated').filter((r) => r.json.status === 'read')).toHaveLength(1);
  });

  test('tells the seed 000 webhook DELIVERED when a message is read before any delivery report', async () => {
    const ws = await subscribed('readfirst');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'readfirst-1');
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'read' }, dev.token)).status).toBe(200);
    // Seed 000 knows SENT, DELIVERED and FAILED only: a read message was delivered.
    const seed000 = await eventsOn(receiver, '/readfirst/workspace', 2, () => true, 5_000);
    expect(statuses(seed000)).toEqual(['SENT', 'DELIVERED']);
  });

  test('does not accept FAILED after DELIVERED', async () => {
    const ws = await subscribed('nofail');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'nofail-1');
    await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered' }, dev.token);
    await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'failed', errorCode: 'smpp:UNDELIV/err:075' }, dev.token);
    const after = await messageOf(app, m.id);
    expect(after).toMatchObject({ status: 'DELIVERED', errorCode: null });
    expect((await updatedEvents(m.id)).map((e) => e.status).sort()).toEqual(['DELIVERED', 'SENT']);
  });

  test('fails a sent message with the raw provider code, and ignores a report it has seen (same eventId)', async () => {
    const ws = await subscribed('rawfail');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'rawfail-1');
    const report = { providerMessageId: m.providerMessageId, status: 'failed', rawStatus: 'undelivered', errorCode: 'twilio:30003', error: 'Unreachable destination handset', eventId: 'evt-1' };
    expect((await post(`/devices/${dev.id}/status`, report, dev.token)).status).toBe(200);
    expect((await post(`/devices/${dev.id}/status`, report, dev.token)).status).toBe(200);
    expect(await messageOf(app, m.id)).toMatchObject({ status: 'FAILED', rawStatus: 'undelivered', errorCode: 'twilio:30003', error: 'Unreachable destination handset' });
    const failed = await eventsOn(receiver, '/rawfail/updated', 1, (r) => r.json.status === 'failed');
    expect(failed[0]!.json).toMatchObject({ errorCode: 'twilio:30003', externalId: 'rawfail-1' });
    expect((await updatedEvents(m.id)).map((e) => e.status).sort()).toEqual(['FAILED', 'SENT']);
    // A terminal status stays.
    await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered' }, dev.token);
    expect((await messageOf(app, m.id)).status).toBe('FAILED');
  });

  test('answers 404 for a provider id it never sent, and 400 for an unknown status', async ({ ws }) => {
    const dev = await device(app, ws, { channel: 'SMS' });
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: 'nope', status: 'delivered' }, dev.token)).status).toBe(404);
    for (const status of ['teleported', 'ſent', 'reAd\u0307']) {
      const bad = await post(`/devices/${dev.id}/status`, { providerMessageId: 'x', status }, dev.token);
      expect(bad.status, status).toBe(400);
      expect(bad.body.details[0].field).toBe('status');
    }
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: 'nope', status: 'Delivered' }, dev.token)).status).toBe(404);
  });

  test('refuses a status time of 1970 or 9999, and records one before the message existed at its creation', async () => {
    const ws = await subscribed('clock');
    const dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'clock-1');
    for (const timestamp of ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      const r = await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered', timestamp }, dev.token);
      expect(r.status, timestamp).toBe(400);
      expect(r.body.details[0].field).toBe('timestamp');
    }
    expect((await messageOf(app, m.id)).status).toBe('SENT');

    // A device clock an hour behind ours: delivered "before" the message was created.
    const behind = new Date(Date.parse(m.createdAt) - 3_600_000).toISOString();
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered', timestamp: behind }, dev.token)).status).toBe(200);
    const after = await messageOf(app, m.id);
    expect(after.status).toBe('DELIVERED');
    expect(after.deliveredAt).toBe(m.createdAt);
    const [update] = await eventsOn(receiver, '/clock/updated', 1, (r) => r.json.status === 'delivered');
    expect(update!.json.createdAt).toBe(m.createdAt);
  });

  test('only moves messages of its own device', async () => {
    const ws = await subscribed('owndev');
    const a = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
    const b = await device(app, ws, { channel: 'WHATSAPP' });
    const m = await sentMessage(ws, a, 'owndev-1');
    expect((await post(`/devices/${b.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered' }, b.token)).status).toBe(404);
    expect((await messageOf(app, m.id)).status).toBe('SENT');
  });
});

describe('the simulator failing a number', () => {
  test('fails the message with the configured raw code and reports it on every webhook', async () => {
    const ws = await subscribed('simfail');
    const doomed = phone();
    await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 0, readAfterMs: 0, failNumbers: { [doomed]: 'sim:30003' } } });
    const res = await postWebhook(app, { location_id: ws.locationId, phone: doomed, message: 'will fail', message_id: 'simfail-1', channel: 'sms' }, ws.key);
    expect(res.status).toBe(200);
    const m = await messageReaches(app, res.body.messageId, 'FAILED');
    expect(m.errorCode).toBe('sim:30003');
    expect(m.failedAt).not.toBeNull();
    expect(m.deliveredAt).toBeNull();

    const failed = await eventsOn(receiver, '/simfail/updated', 1, (r) => r.json.status === 'failed');
    expect(failed[0]!.json).toMatchObject({ event: 'MESSAGE_UPDATED', status: 'failed', errorCode: 'sim:30003', messageId: m.id, externalId: 'simfail-1', externalMessageId: m.providerMessageId });
    const seed000 = await eventsOn(receiver, '/simfail/workspace', 1, (r) => r.json.status === 'FAILED');
    expect(seed000[0]!.json).toEqual({ type: 'STATUS-UPDATE', message_id: 'simfail-1', status: 'FAILED', eventId: seed000[0]!.headers['webhook-id'] });
    const dlr = await eventsOn(receiver, '/simfail/dlr', 1, (r) => r.query.status === 'UNDELIV');
    expect(dlr[0]!.query).toEqual({ message_id: 'simfail-1', status: 'UNDELIV' });

    // Other numbers on the same device still get through.
    const fine = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'fine', message_id: 'simfail-2', channel: 'sms' }, ws.key);
    await messageReaches(app, fine.body.messageId, 'DELIVERED');
  });
});

describe('tenant isolation of device reports', () => {
  test("a device cannot change another workspace's message by its id", async () => {
    const a = await workspace(app);
    const b = await workspace(app);
    const devA = await device(app, a, { config: { deliveredAfterMs: 3_600_000 } });
    const devB = await device(app, b, { config: { deliveredAfterMs: 3_600_000 } });
    const victim = await sentMessage(b, devB, 'victim-1');
    expect((await post(`/devices/${devA.id}/status`, { messageId: victim.id, status: 'failed', errorCode: 'evil' }, devA.token)).status).toBe(404);
    expect(await messageOf(app, victim.id)).toMatchObject({ status: 'SENT', errorCode: null });
  });

  test('a report that matched nothing is not remembered, so the device can send it again later', async () => {
    const ws = await workspace(app);
    const dev = await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, dev, 'late-report-1');
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: 'not-yet-known', status: 'delivered', eventId: 'evt-1' }, dev.token)).status).toBe(404);
    expect((await post(`/devices/${dev.id}/status`, { providerMessageId: m.providerMessageId, status: 'delivered', eventId: 'evt-1' }, dev.token)).status).toBe(200);
    await messageReaches(app, m.id, 'DELIVERED');
  });
});
