import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { activateDriverDevice, createDriverDevice, deviceState, driverDevice, messageState, messageWhen, PROVIDER_TIMEOUT_ENV, PROVIDER_TIMEOUT_MS } from '../support/drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute } from '../support/graphql.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { FakeWhatsAppCloud } from '../support/providers/fake-whatsapp-cloud.ts';
import type { Receiver } from '../support/receiver.ts';

const WaSend = graphql(`
  mutation WaSend($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
    }
  }
`);

type Device = { id: string; callbackUrl: string; address: string; phoneNumberId: string };

const test = appTest(PROVIDER_TIMEOUT_ENV).extend('fake', { scope: 'file' }, server(() => FakeWhatsAppCloud.start()));
let app: TestApp;
let fake: FakeWhatsAppCloud;
let receiver: Receiver;
let ws: Workspace;
let wa: Device;

/** An activated whatsapp-cloud device for a new business number of the fake. */
async function waDevice(extra: Record<string, unknown> = {}): Promise<Device> {
  const address = phone();
  const config = fake.config(address, extra);
  const device = await driverDevice(app, ws, { driver: 'whatsapp-cloud', channel: 'WHATSAPP', address, config });
  return { ...device, address, phoneNumberId: config.phoneNumberId };
}

test.beforeAll(async ({ app: a, receiver: r, fake: f }) => {
  [app, receiver, fake] = [a, r, f];
  ws = await workspace(app, { webhookUrl: `${receiver.url}/crm` });
  wa = await waDevice();
  await webhook(app, ws, { url: `${receiver.url}/inbound`, event: 'INCOMING_MESSAGE' });
});

let n = 0;
/** POST /webhook to a WhatsApp contact; answers the HTTP result. */
const post = (to: string, message: string, attachments: string[] = []) =>
  postWebhook(app, { location_id: ws.locationId, phone: to, message, message_id: `wa-${++n}-${Date.now()}`, channel: 'whatsapp', attachments }, ws.key);

/** Sends through the plain webhook door and answers the message id. */
async function send(to: string, message = 'Hello from Switchboard', attachments: string[] = []) {
  const res = await post(to, message, attachments);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

/** A contact writes to a device (which opens WhatsApp's 24-hour window); answers the wamid. */
async function contactWrites(from: string, body = 'Hi', device = wa) {
  const { id, response } = fake.incoming(device.callbackUrl, device.phoneNumberId, from, { type: 'text', text: { body } });
  expect((await response).status).toBe(200);
  return id;
}

const sentTo = (to: string) => fake.sent.filter((m) => m.body.to === to.slice(1));
const storedInbound = (wamid: string) => rows<{ type: string; content: string | null }>(app, "SELECT type, content FROM messages WHERE direction = 'INBOUND' AND provider_message_id = $1", [wamid]);

describe('the whatsapp-cloud driver', () => {
  test("sends text as Meta's JSON with the access token, and the message is SENT with the wamid", async () => {
    const to = phone();
    await contactWrites(to);
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [request] = sentTo(to);
    expect(request!.phoneNumberId).toBe(wa.phoneNumberId);
    expect(request!.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: to.slice(1), type: 'text', text: { body: 'Hello from Switchboard' } });
    expect(m).toMatchObject({ providerMessageId: request!.id, rawStatus: 'wa:accepted' });
    expect(m.providerMessageId).toMatch(/^wamid\./);
    expect(fake.problems).toEqual([]);
  });

  test('sends an attachment by link with the text as its caption, and a document with its file name', async () => {
    const to = phone();
    await contactWrites(to);
    const image = await send(to, 'The damaged parcel', ['https://example.com/photos/parcel.jpg']);
    const document = await send(to, 'Your contract', ['https://example.com/files/contract%202026.pdf']);
    await messageWhen(app, image, (x) => x.status === 'SENT', 'SENT');
    await messageWhen(app, document, (x) => x.status === 'SENT', 'SENT');
    const bodies = sentTo(to).map((m) => m.body);
    expect(bodies).toContainEqual(expect.objectContaining({ type: 'image', image: { link: 'https://example.com/photos/parcel.jpg', caption: 'The damaged parcel' } }));
    expect(bodies).toContainEqual(
      expect.objectContaining({ type: 'document', document: { link: 'https://example.com/files/contract%202026.pdf', caption: 'Your contract', filename: 'contract 2026.pdf' } }),
    );
    expect(fake.problems).toEqual([]);
  });

  test('refuses free-form text to a contact outside the 24-hour window, but sends a TEMPLATE named as JSON in the text', async () => {
    const to = phone();
    const refused = await post(to, 'Your order shipped');
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].message).toMatch(/24-hour/);

    const template = { name: 'order_update', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }] };
    const r = await execute(app.url, WaSend, { input: { channel: 'WHATSAPP', phone: to, type: 'TEMPLATE', message: JSON.stringify(template) } }, { key: ws.key });
    expect(codeOf(r)).toBeUndefined();
    await messageWhen(app, r.data!.sendMessage.id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to).map((m) => m.body)).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.slice(1), type: 'template', template: { ...template, language: { code: 'en_US' } } },
    ]);
    expect(fake.problems).toEqual([]);
  });

  test('fails a TEMPLATE whose text is not the template JSON, saying how to name one, and sends nothing', async () => {
    const to = phone();
    const r = await execute(app.url, WaSend, { input: { channel: 'WHATSAPP', phone: to, type: 'TEMPLATE', message: 'order_update' } }, { key: ws.key });
    const m = await messageWhen(app, r.data!.sendMessage.id, (x) => x.status === 'FAILED', 'FAILED');
    expect(m.errorCode).toBe('wa:template-invalid');
    expect(m.error).toContain('{"name":"order_update","language":"en_US"');
    expect(sentTo(to)).toEqual([]);
  });

  test("takes a contact's text to the CRM as INCOMING_MESSAGE, which opens the window for a free-form reply", async () => {
    const from = phone();
    expect((await post(from, 'Can I help?')).status).toBe(400);
    const wamid = await contactWrites(from, 'Is my order ready?');
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'Is my order ready?');
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: 'Is my order ready?' });
    expect(await storedInbound(wamid)).toEqual([{ type: 'TEXT', content: 'Is my order ready?' }]);

    const reply = await send(from, 'Yes, it leaves today');
    await messageWhen(app, reply, (x) => x.status === 'SENT', 'SENT');
  });

  test('takes locations, shared contacts and button replies as readable text of their type', async () => {
    const from = phone();
    const location = fake.incoming(wa.callbackUrl, wa.phoneNumberId, from, {
      type: 'location',
      location: { latitude: 41.0086, longitude: 28.9802, name: 'Hagia Sophia', address: 'Sultanahmet, Istanbul' },
    });
    const contacts = fake.incoming(wa.callbackUrl, wa.phoneNumberId, from, {
      type: 'contacts',
      contacts: [{ name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' }, phones: [{ phone: '+44 20 7946 0000', type: 'CELL', wa_id: '442079460000' }], emails: [{ email: 'ada@example.com', type: 'WORK' }] }],
    });
    const button = fake.incoming(wa.callbackUrl, wa.phoneNumberId, from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'confirm', title: 'Confirm delivery' } } });
    for (const m of [location, contacts, button]) expect((await m.response).status).toBe(200);
    expect(await storedInbound(location.id)).toEqual([{ type: 'LOCATION', content: '41.0086,28.9802 Hagia Sophia, Sultanahmet, Istanbul' }]);
    expect(await storedInbound(contacts.id)).toEqual([{ type: 'CONTACTS', content: 'Ada Lovelace: +44 20 7946 0000 (CELL), ada@example.com' }]);
    expect(await storedInbound(button.id)).toEqual([{ type: 'INTERACTIVE', content: 'Confirm delivery' }]);
  });

  test("follows status webhooks to DELIVERED and READ (played, for voice), and to FAILED with Meta's code", async () => {
    const to = phone();
    await contactWrites(to);
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect((await fake.status(wa.callbackUrl, sentTo(to)[0]!, 'delivered')).status).toBe(200);
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'wa:delivered' });
    await fake.status(wa.callbackUrl, sentTo(to)[0]!, 'read');
    expect(await messageWhen(app, id, (x) => x.status === 'READ', 'READ')).toMatchObject({ rawStatus: 'wa:read' });

    // A voice message is "played" rather than read.
    const voice = await send(to, '', ['https://example.com/voice/note.ogg']);
    await messageWhen(app, voice, (x) => x.status === 'SENT', 'SENT');
    await fake.status(wa.callbackUrl, sentTo(to)[1]!, 'played');
    expect(await messageWhen(app, voice, (x) => x.status === 'READ', 'READ')).toMatchObject({ rawStatus: 'wa:played' });

    const other = phone();
    await contactWrites(other);
    const failing = await send(other);
    await messageWhen(app, failing, (x) => x.status === 'SENT', 'SENT');
    await fake.status(wa.callbackUrl, sentTo(other)[0]!, 'failed', 131026);
    const failed = await messageWhen(app, failing, (x) => x.status === 'FAILED', 'FAILED');
    expect(failed).toMatchObject({ errorCode: 'wa:131026', rawStatus: 'wa:failed' });
    expect(failed.error).toContain('Message undeliverable');
  });

  test('fails a message Meta refuses for good (131026) at once, with the raw code', async () => {
    const to = phone();
    await contactWrites(to);
    fake.undeliverable.add(to.slice(1));
    const m = await messageWhen(app, await send(to), (x) => x.status === 'FAILED', 'FAILED');
    expect(m).toMatchObject({ errorCode: 'wa:131026' });
    expect(m.error).toContain('not a WhatsApp phone number');
  });

  test('refuses a webhook with a forged or missing signature and stores nothing', async () => {
    const to = phone();
    await contactWrites(to);
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const before = await rows(app, 'SELECT count(*)::int AS n FROM messages');

    const wrongSecret = await fake.notify(wa.callbackUrl, wa.phoneNumberId, { messages: [{ from: '14155550000', id: 'wamid.forged', timestamp: '1', type: 'text', text: { body: 'forged' } }] }, { secret: 'not-the-app-secret' });
    expect(wrongSecret.status).toBe(403);
    const unsigned = await fake.notify(wa.callbackUrl, wa.phoneNumberId, { messages: [{ from: '14155550000', id: 'wamid.unsigned', timestamp: '1', type: 'text', text: { body: 'forged' } }] }, { signature: null });
    expect(unsigned.status).toBe(401);
    const short = await fake.notify(wa.callbackUrl, wa.phoneNumberId, { statuses: [{ id: sentTo(to)[0]!.id, status: 'failed', timestamp: '1' }] }, { signature: 'sha256=00' });
    expect(short.status).toBe(403);

    expect(await rows(app, 'SELECT count(*)::int AS n FROM messages')).toEqual(before);
    expect(await messageState(app, id)).toMatchObject({ status: 'SENT' });
  });

  test("answers Meta's verification handshake with the challenge, and refuses a wrong verify token", async () => {
    const right = await fake.verify(wa.callbackUrl, fake.verifyToken);
    expect(right).toMatchObject({ status: 200, body: right.challenge });
    expect((await fake.verify(wa.callbackUrl, 'not-the-verify-token')).status).toBe(403);
  });

  test('ignores what another phone number of the same Meta app reports', async () => {
    const otherNumber = fake.config(phone()).phoneNumberId;
    const { id, response } = fake.incoming(wa.callbackUrl, otherNumber, phone(), { type: 'text', text: { body: 'for another number' } });
    expect((await response).status).toBe(200);
    expect(await storedInbound(id)).toEqual([]);
  });

  test('keeps a message QUEUED with the reason while the Graph API fails (5xx), and sends it once afterwards', async () => {
    const to = phone();
    await contactWrites(to);
    let down = true;
    fake.answerSends((body) => (down && body.to === to.slice(1) ? fake.error(131000) : undefined));
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('wa:131000') });
    down = false;
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the outage', 30_000);
    expect(sentTo(to)).toHaveLength(1);
    expect(await messageState(app, id)).toMatchObject({ queuedReason: null, nextAttemptAt: null });
  });

  test('waits as long as a 429 Retry-After says', async () => {
    const to = phone();
    await contactWrites(to);
    fake.answerFirstSendTo(to, fake.error(4, { headers: { 'retry-after': '3' } }));
    const started = Date.now();
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting.queuedReason).toContain('wa:4');
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(started + 3000 - 50);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.at).toBeGreaterThanOrEqual(started + 3000 - 50);
  });

  test("keeps a message queued when Meta's throughput limit (130429, answered as HTTP 400) is hit, and sends it afterwards", async () => {
    const to = phone();
    await contactWrites(to);
    fake.answerFirstSendTo(to, fake.error(130429));
    const id = await send(to);
    expect(await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason')).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('wa:130429') });
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT', 30_000);
    expect(sentTo(to)).toHaveLength(1);
  });

  test('keeps a message queued when the Graph API does not answer in time, and tries again after a pause', async () => {
    const to = phone();
    await contactWrites(to);
    // Answered later than Switchboard waits for a provider.
    const first = fake.answerFirstSendTo(to, { ...fake.error(2), delayMs: PROVIDER_TIMEOUT_MS + 5_000 });
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason', 30_000);
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('switchboard:timeout') });
    // The pause counts from the timeout, not from when the attempt began.
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(first.at + PROVIDER_TIMEOUT_MS);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the timeout', 30_000);
    expect(sentTo(to)).toHaveLength(1);
  });

  test('marks the device when Meta stops accepting its access token (190), and keeps the message queued', async () => {
    const token = fake.newToken();
    const device = await waDevice({ accessToken: token });
    const to = phone();
    await contactWrites(to, 'Hi', device);
    fake.expiredTokens.add(token);
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('wa:190') });
    const state = await deviceState(app, device.id);
    expect(state.lastError).toContain('wa:190');
    expect(state.lastError).toContain('Session has expired');
    expect(state.lastErrorAt).not.toBeNull();
  });

  test('gives a CRM the media of an incoming image as a URL it can fetch without Meta credentials', async () => {
    const picture = Buffer.from('\xff\xd8\xff fake jpeg bytes');
    const mediaId = fake.addMedia('image/jpeg', picture);
    const { response } = fake.incoming(wa.callbackUrl, wa.phoneNumberId, phone(), { type: 'image', image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x', caption: 'photo of the damage' } });
    expect((await response).status).toBe(200);
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'photo of the damage');
    const [link] = event!.json.attachments as string[];
    expect(link).toMatch(new RegExp(`^${app.url}/media/`));
    expect(event!.json.type).toBe('image');
    const fetched = await fetch(link!);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(picture);
    expect(fake.problems).toEqual([]);
  });

  test("refuses activation with a bad access token, answering Meta's reason", async () => {
    const address = phone();
    const device = await createDriverDevice(app, ws, { driver: 'whatsapp-cloud', channel: 'WHATSAPP', address, config: fake.config(address, { accessToken: 'EAAnot-a-token' }) });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('wa:190');
    expect(result.error!.message).toContain('Invalid OAuth access token');
    expect(result.device!.status).toBe('ERROR');
  });

  test('refuses activation when the phone number ID belongs to another number than the device address', async () => {
    const config = fake.config(phone());
    const device = await createDriverDevice(app, ws, { driver: 'whatsapp-cloud', channel: 'WHATSAPP', address: phone(), config });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('wa:number-mismatch');
  });

  test("points the number's webhooks at the device on activation when configureWebhook is on", async () => {
    const device = await waDevice({ configureWebhook: true });
    expect(fake.webhookOverrides.get(device.phoneNumberId)).toBe(device.callbackUrl);
    expect(fake.problems).toEqual([]);
  });

  test('shows the config with its secrets masked', async () => {
    const state = await deviceState(app, wa.id);
    expect(state.config).toMatchObject({ phoneNumberId: wa.phoneNumberId, graphVersion: 'v26.0', baseUrl: fake.url, maxPerSecond: 80, accessToken: expect.stringMatching(/^•+/) });
    for (const secret of [fake.accessToken, fake.appSecret, fake.verifyToken]) expect(JSON.stringify(state.config)).not.toContain(secret);
  });
});
