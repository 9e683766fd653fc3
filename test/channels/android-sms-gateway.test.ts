import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { activateDriverDevice, createDriverDevice, deviceState, driverDevice, messageState, messageWhen, PROVIDER_TIMEOUT_ENV, PROVIDER_TIMEOUT_MS } from '../support/drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { rawGraphQL } from '../support/graphql.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { killAll, startSwitchboard } from '../support/process.ts';
import { FakeAndroidSmsGateway } from '../support/providers/fake-android-sms-gateway.ts';
import { Receiver } from '../support/receiver.ts';
import { expectPaced } from '../support/pacing.ts';

const EVENTS = ['sms:received', 'sms:sent', 'sms:delivered', 'sms:failed'];

describe('the android-sms-gateway driver', () => {
  let app: TestApp;
  let fake: FakeAndroidSmsGateway;
  let receiver: Receiver;
  let ws: Workspace;
  let sms: { id: string; callbackUrl: string; address: string };

  beforeAll(async () => {
    [app, fake, receiver] = await Promise.all([startTestApp(PROVIDER_TIMEOUT_ENV), FakeAndroidSmsGateway.start(), Receiver.start()]);
    ws = await workspace(app, { webhookUrl: `${receiver.url}/crm` });
    const address = phone();
    // Faster than the driver's default, so the tests do not wait on the pace.
    sms = { ...(await driverDevice(app, ws, { driver: 'android-sms-gateway', channel: 'SMS', address, config: fake.config({ maxPerSecond: 50, maxPerMinute: 600 }) })), address };
    await webhook(app, ws, { url: `${receiver.url}/inbound`, event: 'INCOMING_MESSAGE' });
  });
  afterAll(async () => {
    await app?.stop();
    await app?.dropDatabase();
    await Promise.all([fake?.stop(), receiver?.stop()]);
  });

  let n = 0;
  /** Sends through the plain webhook door and answers the message id. */
  async function send(to: string, message = 'Hello from Switchboard', key = ws.key, locationId = ws.locationId) {
    const res = await postWebhook(app, { location_id: locationId, phone: to, message, message_id: `asg-${++n}-${Date.now()}`, channel: 'sms', attachments: [] }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.messageId as string;
  }
  const sentTo = (to: string) => fake.messages.filter((m) => m.body.phoneNumbers[0] === to);
  const messageCount = async () => (await rows<{ n: number }>(app, 'SELECT count(*)::int AS n FROM messages'))[0]!.n;

  it('registers the four webhooks at the device callback URL on activation, replacing them when activated again', async () => {
    const registered = () => [...fake.webhooks.values()].filter((w) => w.url === sms.callbackUrl);
    expect(registered().map((w) => w.event).sort()).toEqual([...EVENTS].sort());
    expect(sms.callbackUrl).toBe(`${app.url}/providers/android-sms-gateway/${sms.id}`);

    const ids = registered().map((w) => w.id).sort();
    const deactivated = await rawGraphQL(app.url, { query: `mutation { deactivateDevices(input: { ids: ["${sms.id}"] }) { ok } }` }, { key: ws.key });
    expect(deactivated.errors).toBeUndefined();
    expect((await activateDriverDevice(app, ws, sms.id)).ok).toBe(true);
    expect(registered().map((w) => w.id).sort()).toEqual(ids);
    expect(fake.problems).toEqual([]);
  });

  it("refuses activation with wrong credentials, answering the gateway's reason", async () => {
    const device = await createDriverDevice(app, ws, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: fake.config({ password: 'not-the-password' }) });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('Unauthorized');
    expect(result.error!.message).toContain('asg:401');
    expect(result.device!.status).toBe('ERROR');
  });

  it('sends through POST /message with our message id, and the message is SENT with that id as the provider id', async () => {
    const to = phone();
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to).map((x) => x.body)).toEqual([{ id, textMessage: { text: 'Hello from Switchboard' }, phoneNumbers: [to], withDeliveryReport: true }]);
    expect(m).toMatchObject({ providerMessageId: id, rawStatus: 'asg:pending' });
    expect(fake.problems).toEqual([]);
  });

  it('sends attachments as links after the text, the gateway having no MMS', async () => {
    const to = phone();
    const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'Your invoice', message_id: `asg-att-${Date.now()}`, channel: 'sms', attachments: ['https://example.com/invoice.pdf'] }, ws.key);
    await messageWhen(app, res.body.messageId, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.body.textMessage.text).toBe('Your invoice\nhttps://example.com/invoice.pdf');
  });

  it("sends from the configured SIM and through the configured phone of the account", async () => {
    const ws2 = await workspace(app);
    await driverDevice(app, ws2, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: fake.config({ simNumber: 2, deviceId: fake.deviceId }) });
    const to = phone();
    const id = await send(to, 'From SIM 2', ws2.key, ws2.locationId);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.body).toMatchObject({ simNumber: 2, deviceId: fake.deviceId });
    expect(fake.problems).toEqual([]);
  });

  it('does not send a message twice when the gateway took it but its answer was lost: the retry is a 409, and the message is SENT', async () => {
    const to = phone();
    // The gateway stores the message, then answers after Switchboard stopped waiting.
    fake.answerSends((body) => (body.phoneNumbers[0] === to && !sentTo(to).length ? { delayMs: PROVIDER_TIMEOUT_MS + 1_000 } : undefined));
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason', 30_000);
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('switchboard:timeout') });
    // The first pause after "not now" (at least 4 s) counts from when Switchboard gave up waiting.
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(sentTo(to)[0]!.at + PROVIDER_TIMEOUT_MS + 4_000);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the retry', 30_000);
    expect(m).toMatchObject({ providerMessageId: id, rawStatus: 'asg:already-accepted', queuedReason: null });
    expect(sentTo(to)).toHaveLength(1);
  });

  it('follows the phone\'s reports to DELIVERED, and to FAILED with the raw code and the reason', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [message] = sentTo(to);
    expect(await fake.status(sms.callbackUrl, message!, 'sms:sent')).toEqual([{ status: 200, body: '' }]);
    expect(await fake.status(sms.callbackUrl, message!, 'sms:delivered')).toEqual([{ status: 200, body: '' }]);
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'asg:delivered' });

    const other = phone();
    const failing = await send(other);
    await messageWhen(app, failing, (x) => x.status === 'SENT', 'SENT');
    await fake.status(sms.callbackUrl, sentTo(other)[0]!, 'sms:failed', 'Send result: RESULT_ERROR_NO_SERVICE');
    expect(await messageWhen(app, failing, (x) => x.status === 'FAILED', 'FAILED')).toMatchObject({
      rawStatus: 'asg:failed',
      errorCode: 'asg:failed',
      error: 'Send result: RESULT_ERROR_NO_SERVICE',
    });
  });

  it('takes an incoming SMS to the INCOMING_MESSAGE webhook once, however often the phone posts it', async () => {
    const from = phone();
    // The phone's second try of the same event (its first answer lost).
    expect(await fake.incoming(sms.callbackUrl, { from, text: 'Is my order ready?' }, { times: 2 })).toEqual([{ status: 200, body: '' }, { status: 200, body: '' }]);
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'Is my order ready?');
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: 'Is my order ready?' });
    expect(await rows(app, "SELECT 1 FROM messages WHERE direction = 'INBOUND' AND content = 'Is my order ready?'")).toHaveLength(1);
  });

  it('takes a sender the carrier wrote nationally as an E.164 number of the phone\'s country', async () => {
    const from = phone();
    // Some carriers give a domestic sender in national form: (415) 555-xxxx rather than +1415555xxxx.
    await fake.incoming(sms.callbackUrl, { from: `(415) 555-${from.slice(-4)}`, text: 'Sent from a national number' });
    const [event] = await eventsOn(receiver, '/crm', 1, (r) => r.json?.message === 'Sent from a national number');
    expect(event!.json).toMatchObject({ type: 'MESSAGE', phone: from });
  });

  it('refuses an event with a forged signature, a stale timestamp or none, and stores nothing', async () => {
    const before = await messageCount();
    const forged = await fake.incoming(sms.callbackUrl, { from: phone(), text: 'forged' }, { key: 'not-the-signing-key' });
    expect(forged[0]!.status).toBe(403);
    const stale = await fake.incoming(sms.callbackUrl, { from: phone(), text: 'replayed' }, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale[0]!.status).toBe(403);
    const unsigned = await fake.incoming(sms.callbackUrl, { from: phone(), text: 'unsigned' }, { unsigned: true });
    expect(unsigned[0]!.status).toBe(401);
    expect(await messageCount()).toBe(before);
  });

  it("ignores another phone's events when the device names its phone", async () => {
    const ws2 = await workspace(app);
    const device = await driverDevice(app, ws2, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: fake.config({ deviceId: fake.deviceId }) });
    expect([...fake.webhooks.values()].filter((w) => w.url === device.callbackUrl).every((w) => w.deviceId === fake.deviceId)).toBe(true);
    const before = await messageCount();
    const answer = await fake.incoming(device.callbackUrl, { from: phone(), text: 'to the other phone' }, { deviceId: 'AnotherPhoneOfTheAcct' });
    expect(answer[0]!.status).toBe(200);
    expect(await messageCount()).toBe(before);
  });

  it('fails a message the gateway refuses (400) at once, with the raw code and its reason', async () => {
    const to = phone();
    fake.invalidNumbers.add(to);
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED');
    expect(m).toMatchObject({ errorCode: 'asg:400' });
    expect(m.error).toContain('invalid phone number');
  });

  it('keeps a message QUEUED with the reason while the gateway is down, and sends it once afterwards', async () => {
    const to = phone();
    let down = true;
    fake.answerSends((body) => (down && body.phoneNumbers[0] === to ? { status: 503, body: { message: 'failed to enqueue message: queue limits exceeded' } } : undefined));
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('asg:503') });
    down = false;
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the outage', 30_000);
    expect(sentTo(to)).toHaveLength(1);
    expect(await messageState(app, id)).toMatchObject({ queuedReason: null, nextAttemptAt: null });
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const to = phone();
    let first = true;
    fake.answerSends((body) => {
      if (!first || body.phoneNumbers[0] !== to) return undefined;
      first = false;
      return { status: 429, headers: { 'retry-after': '3' }, body: { message: 'Too Many Requests' } };
    });
    const started = Date.now();
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting.queuedReason).toContain('asg:429');
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(started + 3000 - 50);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.at).toBeGreaterThanOrEqual(started + 3000 - 50);
  });

  it('marks the device when the gateway stops accepting its credentials, and keeps the message queued', async () => {
    const ws2 = await workspace(app);
    const device = await driverDevice(app, ws2, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: fake.config() });
    const to = phone();
    // The password was changed in the app: the gateway now answers 401.
    fake.answerSends((body) => (body.phoneNumbers[0] === to ? { status: 401, body: { message: 'Unauthorized' } } : undefined));
    const id = await send(to, 'hello', ws2.key, ws2.locationId);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting.status).toBe('QUEUED');
    const state = await deviceState(app, device.id);
    expect(state.lastError).toContain('asg:401');
    expect(state.lastErrorAt).not.toBeNull();
  });

  it('shows the config with its secrets masked and the public cloud server as the default base URL', async () => {
    const state = await deviceState(app, sms.id);
    expect(state.config).toMatchObject({ baseUrl: fake.apiUrl, username: fake.username, password: expect.stringMatching(/^•+/), signingKey: expect.stringMatching(/^•+/) });
    expect(JSON.stringify(state.config)).not.toContain(fake.password);
    const ws2 = await workspace(app);
    const created = await createDriverDevice(app, ws2, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: { username: 'U', password: 'p', signingKey: 'k' } });
    expect((await deviceState(app, created.id)).config).toMatchObject({ baseUrl: 'https://api.sms-gate.app/3rdparty/v1', maxPerMinute: 20, maxPerSecond: 1 });
  });
});

describe('android-sms-gateway pacing across worker processes', () => {
  let fake: FakeAndroidSmsGateway;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const urls: string[] = [];
  beforeAll(async () => {
    [fake, db] = await Promise.all([FakeAndroidSmsGateway.start(), createTestDatabase()]);
    for (let i = 0; i < 2; i++) urls.push(await startSwitchboard(db.url));
  });
  afterAll(async () => {
    await killAll();
    await fake?.stop();
    await db?.drop();
  });

  it('sends at most maxPerSecond in each second to the gateway whichever process sends, and every message once', async () => {
    const first = { url: urls[0]! } as TestApp;
    const ws = await workspace(first);
    const limit = 3;
    await driverDevice(first, ws, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: fake.config({ maxPerSecond: limit, maxPerMinute: 600 }) });
    const total = 15;
    const postedFrom = Date.now();
    const ids = await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const via = { url: urls[i % 2]! } as TestApp;
        const res = await postWebhook(via, { location_id: ws.locationId, phone: phone(), message: `paced ${i}`, message_id: `paced-${i}`, channel: 'sms' }, ws.key);
        return res.body.messageId as string;
      }),
    );
    for (const id of ids) await messageWhen(first, id, (m) => m.status === 'SENT', 'SENT', 60_000);
    const arrivals = fake.messages.filter((m) => m.body.textMessage.text.startsWith('paced ')).map((m) => m.at);
    expect(arrivals).toHaveLength(total);
    expectPaced(arrivals, postedFrom, limit);
    expect(fake.problems).toEqual([]);
  });
});
