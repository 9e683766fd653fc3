import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { graphql } from '../gql/gql.ts';
import { ok } from '../support/graphql.ts';
import {
  contactWrites,
  createIntegration,
  eventually,
  LcCurl,
  LcMessage,
  LcMessages,
  parseCurl,
  postChatEvent,
  simDevice,
  startIntegration,
  stopIntegration,
  type Device,
} from '../support/live-chat.ts';
import type { Receiver } from '../support/receiver.ts';

const LcSend = graphql(`
  mutation LcSend($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
      deviceId
      conversationId
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
let otherWs: Workspace;
let sms: Device;
let wa: Device;
let refused: Device;
let outsider: Device;
let integrationId: string;
/** Connection ids by device id. */
let connectionOf: Record<string, string>;
let codes = 0;
const shortCode = () => String(141_517 + ++codes);
const digits = (p: string) => p.replace(/^\+/, '');

const smsBody = (msg: unknown, connection = connectionOf[sms.id], route: string | null = sms.address) => ({
  type: 'MESSAGE',
  channel: { type: 'SMS', ...(route === null ? {} : { route }), connection },
  msg,
});
const waBody = (msg: unknown, sender = digits(wa.address)) => ({ type: 'MESSAGE', channel: { type: 'WHATSAPP', sender }, msg });

const message = async (id: string) => (await ok(app.url, LcMessage, { id }, { key: ws.key })).message;
const outboundIn = async (conversationId: string) =>
  (await ok(app.url, LcMessages, { input: { conversationId, direction: 'OUTBOUND' } }, { key: ws.key })).messages;
const updatesFor = (messageId: string) => receiver.on('/updates').filter((r) => r.json?.messageId === messageId);

test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app, { name: 'Live chat replies' });
  otherWs = await workspace(app, { name: 'Someone else' });
  sms = await simDevice(app, ws, { address: shortCode() });
  wa = await simDevice(app, ws, { channel: 'WHATSAPP', address: phone() });
  refused = await simDevice(app, ws, { address: shortCode(), config: { failActivation: 'route not provisioned' } });
  outsider = await simDevice(app, ws, { address: shortCode(), activate: true });
  await webhook(app, ws, { url: `${receiver.url}/updates`, event: 'MESSAGE_UPDATED' });
  const integration = await createIntegration(app, ws, { alias: 'Helpdesk', url: `${receiver.url}/bot`, connectionIds: [sms.id, wa.id, refused.id] });
  const started = await startIntegration(app, ws, integration.id);
  expect(started.integration.status).toBe('ACTIVE');
  integrationId = integration.id;
  connectionOf = Object.fromEntries(started.integration.connections.map((c) => [c.deviceId, c.id]));
  expect(started.integration.connections.find((c) => c.deviceId === refused.id)!.status).toBe('INACTIVE');
});

describe('live-chat response endpoint (seed 002)', () => {
  test('replies into an SMS chat: 202 with the message id, sent by the simulator, SENT then DELIVERED, reaching MESSAGE_UPDATED subscribers', async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, sms.id, contact, 'Can I change my booking?');
    const res = await postChatEvent(app, integrationId, digits(contact), smsBody('Thank you for attending. We look forward to seeing you again soon.'), { key: ws.key });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ messageId: expect.stringMatching(/^[0-9a-f-]{36}$/), chatId: inbound.conversationId });

    const sent = await eventually(() => message(res.body.messageId), (m) => m.status === 'DELIVERED', 'the reply to be delivered');
    expect(sent).toMatchObject({
      workspaceId: ws.id,
      direction: 'OUTBOUND',
      channel: 'SMS',
      deviceId: sms.id,
      conversationId: inbound.conversationId,
      content: 'Thank you for attending. We look forward to seeing you again soon.',
      rawStatus: 'sim:delivered',
      client: { phone: contact },
    });
    expect(sent.providerMessageId).toMatch(/^SIM/);
    expect(sent.sentAt).not.toBeNull();
    expect(sent.deliveredAt).not.toBeNull();

    await receiver.waitFor(() => updatesFor(res.body.messageId).some((r) => r.json.status === 'delivered'), 20_000, 'MESSAGE_UPDATED delivered');
    const statuses = updatesFor(res.body.messageId).map((r) => r.json.status);
    expect(statuses).toEqual(expect.arrayContaining(['sent', 'delivered']));
    expect(updatesFor(res.body.messageId)[0]!.json).toMatchObject({ event: 'MESSAGE_UPDATED', workspaceId: ws.id, integrationId: sms.id, externalMessageId: sent.providerMessageId });
    // The bot hears the contact, not its own reply.
    await receiver.waitFor((rs) => rs.some((r) => r.path === '/bot' && r.json.chatId === inbound.conversationId), 20_000, 'the inbound MESSAGE');
    expect(receiver.on('/bot').filter((r) => r.json.chatId === inbound.conversationId).map((r) => r.json.event)).toEqual(['MESSAGE']);
  });

  test('replies into a WhatsApp chat by sender number without +: 202, then DELIVERED and READ', async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, wa.id, contact, 'hola');
    const res = await postChatEvent(app, integrationId, digits(contact), waBody('¡Hola! ¿En qué puedo ayudarte?'), { key: ws.key });
    expect(res.status).toBe(202);
    expect(res.body.chatId).toBe(inbound.conversationId);
    const read = await eventually(() => message(res.body.messageId), (m) => m.status === 'READ', 'the WhatsApp reply to be read');
    expect(read).toMatchObject({ channel: 'WHATSAPP', deviceId: wa.id, conversationId: inbound.conversationId, content: '¡Hola! ¿En qué puedo ayudarte?' });
    expect(read.deliveredAt).not.toBeNull();
    expect(read.readAt).not.toBeNull();
    await receiver.waitFor(() => updatesFor(res.body.messageId).some((r) => r.json.status === 'read'), 20_000, 'MESSAGE_UPDATED read');
    expect(updatesFor(res.body.messageId).map((r) => r.json.status)).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));
    // The chat identifier may be written with its +.
    const plus = await postChatEvent(app, integrationId, contact, waBody('again', `+${digits(wa.address)}`), { key: ws.key });
    expect(plus.status).toBe(202);
    expect(plus.body.chatId).toBe(inbound.conversationId);
  });

  test('answers 404 with a clear body when the contact has not written (no chat), and sends nothing', async () => {
    const stranger = phone();
    const res = await postChatEvent(app, integrationId, digits(stranger), smsBody('Hello?'), { key: ws.key });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/chat not found/i);
    expect(res.body.details[0].field).toBe('chatIdentifier');
    expect(res.body.details[0].message).toContain(stranger);

    // A chat on WhatsApp is not a chat on SMS.
    const waOnly = phone();
    await contactWrites(app, ws, wa.id, waOnly, 'only on WhatsApp');
    const onSms = await postChatEvent(app, integrationId, digits(waOnly), smsBody('via SMS'), { key: ws.key });
    expect(onSms.status).toBe(404);
    expect(onSms.body.details[0].field).toBe('chatIdentifier');
  });

  test('answers 404 when only the business has written to the contact: a chat starts with a message from the contact', async () => {
    const solo = await workspace(app, { name: 'Outbound first' });
    const device = await simDevice(app, solo, { address: shortCode() });
    const integration = await createIntegration(app, solo, { url: `${receiver.url}/outbound-first`, connectionIds: [device.id] });
    const connection = (await startIntegration(app, solo, integration.id)).integration.connections[0]!.id;
    const contact = phone();
    // A notification from the business opens a conversation, but the contact has not replied.
    const notice = (await ok(app.url, LcSend, { input: { channel: 'SMS', phone: contact, message: 'Your appointment is tomorrow at 10:00' } }, { key: solo.key })).sendMessage;
    expect(notice.deviceId).toBe(device.id);

    const res = await postChatEvent(app, integration.id, digits(contact), smsBody('Following up', connection, device.address), { key: solo.key });
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.details?.[0]?.field).toBe('chatIdentifier');

    // Once the contact replies, the chat exists.
    await contactWrites(app, solo, device.id, contact, 'See you then');
    expect((await postChatEvent(app, integration.id, digits(contact), smsBody('Great', connection, device.address), { key: solo.key })).status).toBe(202);
  });

  test("refuses with 422 naming the field a sender or connection that is not one of the integration's active connections", async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, sms.id, contact, 'hi');
    await contactWrites(app, ws, wa.id, contact, 'hi on WhatsApp');
    const elsewhere = await simDevice(app, ws, { address: shortCode() });
    const other = await createIntegration(app, ws, { alias: 'Other', url: `${receiver.url}/other`, connectionIds: [elsewhere.id] });
    const otherConnection = (await startIntegration(app, ws, other.id)).integration.connections[0]!.id;

    const cases: [string, unknown, string, RegExp][] = [
      ['a device of the workspace that is not a connection', smsBody('x', outsider.id, outsider.address), 'channel.connection', /not a SMS connection of this integration/],
      ['an unknown connection id', smsBody('x', 'AWSexample121218', null), 'channel.connection', /not a SMS connection/],
      ["another integration's connection", smsBody('x', otherConnection, elsewhere.address), 'channel.connection', /not a SMS connection/],
      ['a route that is not the connection’s sender', smsBody('x', connectionOf[sms.id], '999999'), 'channel.', /connection/],
      ['a connection that did not activate', smsBody('x', connectionOf[refused.id], refused.address), 'channel.connection', /not active/],
      ['a WhatsApp number that is not a connection', waBody('x', digits(phone())), 'channel.sender', /not a WHATSAPP connection/],
      ['an SMS connection named as WhatsApp sender', waBody('x', sms.address), 'channel.sender', /not a WHATSAPP connection/],
    ];
    for (const [what, body, field, rule] of cases) {
      const res = await postChatEvent(app, integrationId, digits(contact), body, { key: ws.key });
      expect(res.status, what).toBe(422);
      expect(res.body.details[0].field.startsWith(field), `${what}: ${JSON.stringify(res.body)}`).toBe(true);
      expect(res.body.details[0].message, what).toMatch(rule);
      expect(res.body.error, what).toContain(res.body.details[0].field);
    }
    expect((await outboundIn(inbound.conversationId)).totalCount).toBe(0);
  });

  test("refuses WhatsApp free-form text 24 hours after the contact's last message with 422 naming the rule", async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, wa.id, contact, 'yesterday');
    await app.rt.pool.query(`UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = $1`, [inbound.conversationId]);
    const res = await postChatEvent(app, integrationId, digits(contact), waBody('Sorry for the delay'), { key: ws.key });
    expect(res.status).toBe(422);
    expect(res.body.details[0].field).toBe('msg');
    expect(res.body.details[0].message).toMatch(/24-hour/);
    expect(res.body.error).toMatch(/24-hour/);
    expect((await outboundIn(inbound.conversationId)).totalCount).toBe(0);

    // Just inside the window it goes out.
    await app.rt.pool.query(`UPDATE conversations SET last_inbound_at = now() - interval '23 hours' WHERE id = $1`, [inbound.conversationId]);
    const inside = await postChatEvent(app, integrationId, digits(contact), waBody('Sorry for the delay'), { key: ws.key });
    expect(inside.status).toBe(202);

    // SMS has no such window.
    const smsContact = phone();
    const smsChat = await contactWrites(app, ws, sms.id, smsContact, 'old');
    await app.rt.pool.query(`UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = $1`, [smsChat.conversationId]);
    expect((await postChatEvent(app, integrationId, digits(smsContact), smsBody('still fine'), { key: ws.key })).status).toBe(202);
  });

  test('answers 400 naming the field for a malformed body', async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, sms.id, contact, 'hi');
    const cases: [string, unknown, string][] = [
      ['type is not MESSAGE', { ...smsBody('x'), type: 'END' }, 'type'],
      ['no type', { channel: smsBody('x').channel, msg: 'x' }, 'type'],
      ['no msg', { type: 'MESSAGE', channel: smsBody('x').channel }, 'msg'],
      ['empty msg', smsBody('   '), 'msg'],
      ['msg not text', smsBody(42), 'msg'],
      ['no channel', { type: 'MESSAGE', msg: 'x' }, 'channel'],
      ['unknown channel type', { type: 'MESSAGE', channel: { type: 'TELEGRAM', sender: '1' }, msg: 'x' }, 'channel'],
      ['SMS without connection', { type: 'MESSAGE', channel: { type: 'SMS', route: sms.address }, msg: 'x' }, 'channel.connection'],
      ['WhatsApp without sender', { type: 'MESSAGE', channel: { type: 'WHATSAPP' }, msg: 'x' }, 'channel.sender'],
      ['not JSON', '{"type": "MESSAGE",', 'body'],
    ];
    for (const [what, body, field] of cases) {
      const res = await postChatEvent(app, integrationId, digits(contact), body, { key: ws.key });
      expect(res.status, what).toBe(400);
      expect(
        res.body.details.some((d: { field: string }) => d.field.startsWith(field)),
        `${what}: ${JSON.stringify(res.body)}`,
      ).toBe(true);
      expect(res.body.error, what).toContain(field);
    }
    expect((await outboundIn(inbound.conversationId)).totalCount).toBe(0);
  });

  test("answers 401 without a key or with a wrong one, and 404 for another workspace's key or an unknown integration", async () => {
    const contact = phone();
    await contactWrites(app, ws, sms.id, contact, 'hi');
    const none = await postChatEvent(app, integrationId, digits(contact), smsBody('x'), { key: null });
    expect(none.status).toBe(401);
    const wrong = await postChatEvent(app, integrationId, digits(contact), smsBody('x'), { key: 'sbk_not_a_real_key_0000000000000000' });
    expect(wrong.status).toBe(401);
    const foreign = await postChatEvent(app, integrationId, digits(contact), smsBody('x'), { key: otherWs.key });
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(contact);
    const unknown = await postChatEvent(app, 'ffffffffffffffffffffffff', digits(contact), smsBody('x'), { key: ws.key });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/integration not found/i);
  });

  test('makes a retry with the same Idempotency-Key return the same messageId and send once', async () => {
    const contact = phone();
    const inbound = await contactWrites(app, ws, sms.id, contact, 'hi');
    const headers = { 'idempotency-key': 'reply-0001' };
    const first = await postChatEvent(app, integrationId, digits(contact), smsBody('Only once'), { key: ws.key, headers });
    const retry = await postChatEvent(app, integrationId, digits(contact), smsBody('Only once'), { key: ws.key, headers });
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body.messageId).toBe(first.body.messageId);
    const other = await postChatEvent(app, integrationId, digits(contact), smsBody('Only once'), { key: ws.key, headers: { 'idempotency-key': 'reply-0002' } });
    expect(other.status).toBe(202);
    expect(other.body.messageId).not.toBe(first.body.messageId);
    // The same key for a different reply is refused.
    const reused = await postChatEvent(app, integrationId, digits(contact), smsBody('Something else'), { key: ws.key, headers });
    expect(reused.status).toBe(409);
    expect((await outboundIn(inbound.conversationId)).totalCount).toBe(2);
  });

  test('refuses replies once the integration is stopped', async () => {
    const device = await simDevice(app, ws, { address: shortCode() });
    const integration = await createIntegration(app, ws, { alias: 'Stopping', url: `${receiver.url}/stopping`, connectionIds: [device.id] });
    const connection = (await startIntegration(app, ws, integration.id)).integration.connections[0]!.id;
    const contact = phone();
    await contactWrites(app, ws, device.id, contact, 'hi');
    const body = smsBody('before stop', connection, device.address);
    expect((await postChatEvent(app, integration.id, digits(contact), body, { key: ws.key })).status).toBe(202);
    await stopIntegration(app, ws, integration.id);
    const res = await postChatEvent(app, integration.id, digits(contact), { ...body, msg: 'after stop' }, { key: ws.key });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/not active/);
  });
});

describe('live-chat API details (seed 002 Try Out)', () => {
  test('shows a response endpoint URL that works with a real key', async () => {
    const { liveChatIntegration: i } = await ok(app.url, LcCurl, { id: integrationId, contact: '+15550000000' }, { key: ws.key });
    expect(i.responseEndpoint).toBe(`${app.url}/integrations/live-chat/${integrationId}/chats/{chatIdentifier}/events`);
    const contact = phone();
    await contactWrites(app, ws, sms.id, contact, 'hello');
    const res = await fetch(i.responseEndpoint.replace('{chatIdentifier}', digits(contact)), {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(smsBody('via the documented endpoint')),
    });
    expect(res.status).toBe(202);
  });

  test.each([
    ['SMS', () => sms, "We'll call you back at 5 o'clock"],
    ['WhatsApp', () => wa, 'Your order "A-42" has shipped'],
  ] as const)('gives a ready-to-run cURL for an %s connection that delivers the message end to end', async (_name, deviceOf, text) => {
    const device = deviceOf();
    const contact = phone();
    const inbound = await contactWrites(app, ws, device.id, contact, 'help');
    const { liveChatIntegration: i } = await ok(app.url, LcCurl, { id: integrationId, contact, connectionId: connectionOf[device.id], message: text }, { key: ws.key });
    expect(i.curlExample).toContain('<YOUR_API_KEY>');
    const curl = parseCurl(i.curlExample.replace('<YOUR_API_KEY>', ws.key));
    expect(curl.method).toBe('POST');
    expect(curl.url).toBe(`${app.url}/integrations/live-chat/${integrationId}/chats/${digits(contact)}/events`);
    expect(curl.headers).toMatchObject({ authorization: `Bearer ${ws.key}`, 'content-type': 'application/json' });
    expect(JSON.parse(curl.body!)).toEqual(
      device.id === sms.id
        ? { type: 'MESSAGE', channel: { type: 'SMS', route: sms.address, connection: connectionOf[sms.id] }, msg: text }
        : { type: 'MESSAGE', channel: { type: 'WHATSAPP', sender: digits(wa.address) }, msg: text },
    );

    const res = await fetch(curl.url, { method: curl.method, headers: curl.headers, body: curl.body });
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    const sent = await eventually(() => message(messageId), (m) => m.status === 'DELIVERED' || m.status === 'READ', 'the Try Out message to be delivered');
    expect(sent).toMatchObject({ content: text, deviceId: device.id, conversationId: inbound.conversationId });
  });

  test("uses the integration's only connection when none is named", async () => {
    const device = await simDevice(app, ws, { channel: 'WHATSAPP', address: phone() });
    const integration = await createIntegration(app, ws, { alias: 'Single', url: `${receiver.url}/single`, connectionIds: [device.id] });
    await startIntegration(app, ws, integration.id);
    const contact = phone();
    await contactWrites(app, ws, device.id, contact, 'hi');
    const { liveChatIntegration: i } = await ok(app.url, LcCurl, { id: integration.id, contact }, { key: ws.key });
    const curl = parseCurl(i.curlExample.replace('<YOUR_API_KEY>', ws.key));
    expect(JSON.parse(curl.body!)).toMatchObject({ type: 'MESSAGE', channel: { type: 'WHATSAPP', sender: digits(device.address) }, msg: expect.any(String) });
    const res = await fetch(curl.url, { method: curl.method, headers: curl.headers, body: curl.body });
    expect(res.status).toBe(202);
  });
});
