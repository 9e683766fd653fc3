import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { activateDriverDevice, createDriverDevice, deviceState, driverDevice, messageState, messageWhen } from '../support/drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';
import type { Receiver } from '../support/receiver.ts';

const test = appTest().extend('fake', { scope: 'file' }, server(() => FakeTwilio.start()));
let app: TestApp;
let fake: FakeTwilio;
let receiver: Receiver;
let ws: Workspace;
let sms: { id: string; callbackUrl: string; address: string };

test.beforeAll(async ({ app: a, receiver: r, fake: f }) => {
  [app, receiver, fake] = [a, r, f];
  ws = await workspace(app, { webhookUrl: `${receiver.url}/crm` });
  const address = phone();
  sms = { ...(await driverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address, config: fake.config() })), address };
  await webhook(app, ws, { url: `${receiver.url}/inbound`, event: 'INCOMING_MESSAGE' });
});

let n = 0;
/** Sends through the plain webhook door and answers the message id. */
async function send(to: string, message = 'Hello from Switchboard', channel = 'sms') {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message, message_id: `tw-${++n}-${Date.now()}`, channel, attachments: [] }, ws.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

const sentTo = (to: string) => fake.messages.filter((m) => m.form.To === to);

describe('the twilio driver', () => {
  test('sends through Messages.json and the message is SENT with the Twilio SID', async () => {
    const to = phone();
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [request] = sentTo(to);
    expect(request!.form).toEqual({ To: to, From: sms.address, Body: 'Hello from Switchboard', StatusCallback: sms.callbackUrl });
    expect(m.providerMessageId).toBe(request!.sid);
    expect(m.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.problems).toEqual([]);
  });

  test('follows status callbacks to DELIVERED, and to UNDELIVERED with the raw code', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect((await fake.status(sentTo(to)[0]!, 'delivered')).status).toBe(200);
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'twilio:delivered' });

    const other = phone();
    const failing = await send(other);
    await messageWhen(app, failing, (x) => x.status === 'SENT', 'SENT');
    await fake.status(sentTo(other)[0]!, 'undelivered', '30003');
    expect(await messageWhen(app, failing, (x) => x.status === 'UNDELIVERED', 'UNDELIVERED')).toMatchObject({ errorCode: 'twilio:30003', rawStatus: 'twilio:undelivered' });
  });

  test('applies a status callback that arrives before Twilio answered the send', async () => {
    const to = phone();
    let callback: Promise<{ status: number }> | null = null;
    // Twilio calls back "delivered" while Switchboard still waits for the answer to its send.
    fake.beforeAnswer = async (message) => {
      if (message.form.To !== to) return;
      callback = fake.status(message, 'delivered');
      await callback;
    };
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
    fake.beforeAnswer = null;
    expect((await callback!)!.status).toBe(200);
    expect(await rows(app, 'SELECT 1 FROM early_status_reports WHERE provider_message_id = $1', [sentTo(to)[0]!.sid])).toEqual([]);
  });

  test('takes an incoming message to the workspace webhook and the subscriptions, and answers Twilio with empty TwiML', async () => {
    const from = phone();
    const { sid, response } = fake.incoming(sms.callbackUrl, { from, to: sms.address, body: 'Is my order ready?' });
    const answer = await response;
    expect(answer).toMatchObject({ status: 200, contentType: 'text/xml' });
    expect(answer.body).toContain('<Response>');
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'Is my order ready?');
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: 'Is my order ready?' });
    const [stored] = await rows<{ provider_message_id: string }>(app, "SELECT provider_message_id FROM messages WHERE direction = 'INBOUND' AND provider_message_id = $1", [sid]);
    expect(stored).toBeDefined();
  });

  test('refuses a callback with a forged or missing signature and stores nothing', async () => {
    const before = await rows(app, 'SELECT count(*)::int AS n FROM messages');
    const forged = fake.callback(sms.callbackUrl, { MessageSid: `SM${'0'.repeat(32)}`, From: phone(), To: sms.address, Body: 'forged', SmsStatus: 'received' }, { token: 'not-the-token' });
    expect((await forged).status).toBe(403);
    const unsigned = await fake.callback(sms.callbackUrl, { MessageSid: `SM${'1'.repeat(32)}`, From: phone(), To: sms.address, Body: 'forged', SmsStatus: 'received' }, { signature: null });
    expect(unsigned.status).toBe(403);
    expect(await rows(app, 'SELECT count(*)::int AS n FROM messages')).toEqual(before);
  });

  test('fails a message Twilio refuses for good (21211) at once, with the raw code', async () => {
    const to = phone();
    fake.invalidNumbers.add(to);
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED');
    expect(m).toMatchObject({ errorCode: 'twilio:21211' });
    expect(m.error).toContain('not a valid phone number');
  });

  test('keeps a message QUEUED with the reason while Twilio is down, and sends it once afterwards', async () => {
    const to = phone();
    let down = true;
    fake.answerSends((form) => (down && form.To === to ? { status: 503, body: { code: 20500, message: 'Service Unavailable', status: 503 } } : undefined));
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('twilio:20500') });
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() - 1000);
    down = false;
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the outage', 30_000);
    expect(sentTo(to)).toHaveLength(1);
    expect(await messageState(app, id)).toMatchObject({ queuedReason: null, nextAttemptAt: null });
  });

  test('waits as long as a 429 Retry-After says', async () => {
    const to = phone();
    let first = true;
    fake.answerSends((form) => {
      if (!first || form.To !== to) return undefined;
      first = false;
      return { status: 429, headers: { 'retry-after': '3' }, body: { code: 20429, message: 'Too Many Requests', status: 429 } };
    });
    const started = Date.now();
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting.queuedReason).toContain('twilio:20429');
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(started + 3000 - 50);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.at).toBeGreaterThanOrEqual(started + 3000 - 50);
  });

  test('fails with the last code once the retry window has run out', async () => {
    const address = phone();
    const device = await driverDevice(app, ws, { driver: 'twilio', channel: 'WHATSAPP', address, config: fake.config({ retryWindowMinutes: 0.05 }) });
    fake.answerSends((form) => (form.From === `whatsapp:${address}` ? { status: 502, body: { code: 20502, message: 'Bad Gateway', status: 502 } } : undefined));
    const to = phone();
    // WhatsApp needs an open 24-hour window: the contact writes first.
    await (await fake.incoming(device.callbackUrl, { from: `whatsapp:${to}`, to: `whatsapp:${address}`, body: 'hi' })).response;
    const id = await send(to, 'Your order shipped', 'whatsapp');
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED after the window', 30_000);
    expect(m).toMatchObject({ errorCode: 'twilio:20502' });
    expect(m.error).toContain('not now');
  });

  test('marks the device when Twilio stops accepting its credentials, and keeps the message queued', async () => {
    const address = phone();
    const device = await driverDevice(app, ws, { driver: 'twilio', channel: 'RCS', address, config: fake.config() });
    // The token was rotated at Twilio: every request now answers 401.
    fake.answerSends((form) => (form.From === `rcs:${address}` ? { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } } : undefined));
    const id = await send(phone(), 'hello', 'rcs');
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting.status).toBe('QUEUED');
    const state = await deviceState(app, device.id);
    expect(state.lastError).toContain('twilio:20003');
    expect(state.lastErrorAt).not.toBeNull();
  });

  test('gives a CRM the media of an incoming MMS as a URL it can fetch without Twilio credentials', async () => {
    const picture = Buffer.from('\x89PNG fake image bytes');
    const { response } = fake.incoming(sms.callbackUrl, { from: phone(), to: sms.address, body: 'photo', media: [{ contentType: 'image/png', body: picture }] });
    await response;
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'photo');
    const [link] = event!.json.attachments as string[];
    expect(link).toMatch(new RegExp(`^${app.url}/media/`));
    expect(event!.json.type).toBe('image');
    const fetched = await fetch(link!);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(picture);
    // The link is the authorisation: a changed signature is refused.
    expect((await fetch(link!.replace(/signature=./, 'signature=x'))).status).toBe(403);
  });

  test('keeps no media over the limit: the link answers 410 with the reason, and nothing more than the limit is read', async () => {
    const huge = Buffer.alloc(6 * 1024 * 1024, 7);
    const { response } = fake.incoming(sms.callbackUrl, { from: phone(), to: sms.address, body: 'a huge photo', media: [{ contentType: 'image/png', body: huge }] });
    await response;
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'a huge photo');
    const link = (event!.json.attachments as string[])[0]!;
    const fetched = await fetch(link);
    expect(fetched.status).toBe(410);
    expect(await fetched.text()).toContain('switchboard:media-too-large');
    const [stored] = await rows<{ data: Buffer | null }>(app, 'SELECT data FROM media WHERE id = $1', [new URL(link).pathname.split('/').pop()]);
    expect(stored!.data).toBeNull();
  });

  test('refuses activation with wrong credentials, answering Twilio\'s reason', async () => {
    const device = await createDriverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address: phone(), config: fake.config({ authToken: 'wrong-token-0000' }) });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('Authenticate');
    expect(result.error!.message).toContain('twilio:20003');
    expect(result.device!.status).toBe('ERROR');
  });

  test('points the number\'s incoming URL at the device when configureNumber is on', async () => {
    const address = phone();
    fake.numbers.push({ sid: `PN${'a'.repeat(32)}`, phoneNumber: address, smsUrl: null });
    const device = await driverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address, config: fake.config({ configureNumber: true }) });
    expect(fake.numbers.find((x) => x.phoneNumber === address)!.smsUrl).toBe(device.callbackUrl);
  });

  test('shows the config with its secrets masked', async () => {
    const state = await deviceState(app, sms.id);
    expect(state.config).toMatchObject({ accountSid: fake.accountSid, baseUrl: fake.url, authToken: expect.stringMatching(/^•+/) });
    expect(JSON.stringify(state.config)).not.toContain(fake.authToken);
  });
});
