import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { activateDriverDevice, createDriverDevice, deviceState, driverDevice, messageWhen } from '../support/drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { FakeBlueBubbles } from '../support/providers/fake-bluebubbles.ts';
import type { Receiver } from '../support/receiver.ts';

const test = appTest().extend('fake', { scope: 'file' }, server(() => FakeBlueBubbles.start()));
let app: TestApp;
let fake: FakeBlueBubbles;
let receiver: Receiver;
let ws: Workspace;
let mac: { id: string; callbackUrl: string };

let n = 0;
const appleId = () => `mac-${process.pid}-${++n}@icloud.com`;
// Tests send in quick succession; the default pace (1 a second, 20 a minute) is for real Apple IDs.
const config = (extra: Record<string, unknown> = {}) => fake.config({ maxPerSecond: 100, maxPerMinute: 10_000, ...extra });

test.beforeAll(async ({ app: a, receiver: r, fake: f }) => {
  [app, receiver, fake] = [a, r, f];
  ws = await workspace(app, { webhookUrl: `${receiver.url}/crm` });
  mac = await driverDevice(app, ws, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config() });
  await webhook(app, ws, { url: `${receiver.url}/inbound`, event: 'INCOMING_MESSAGE' });
});

/** Sends through the plain webhook door and answers the message id. */
async function send(to: string, message = 'Hello from Switchboard', o: { channel?: string; attachments?: string[] } = {}) {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message, message_id: `bb-${++n}-${Date.now()}`, channel: o.channel ?? 'imessage', attachments: o.attachments ?? [] }, ws.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

const sentTo = (to: string) => fake.sent.filter((m) => m.chatGuid.endsWith(`;-;${to}`));
const inboundWith = (guid: string) => rows<{ device_id: string }>(app, "SELECT device_id FROM messages WHERE direction = 'INBOUND' AND provider_message_id = $1", [guid]);

describe('the bluebubbles driver', () => {
  test("registers its webhook at the device's callback URL, with the device's secret in it, once", async () => {
    const registered = fake.webhooks.filter((w) => w.url === mac.callbackUrl);
    expect(registered).toHaveLength(1);
    expect(registered[0]!.events).toEqual(['new-message', 'updated-message', 'message-send-error']);
    expect(mac.callbackUrl).toMatch(new RegExp(`^${app.url}/providers/bluebubbles/${mac.id}\\?secret=[\\w-]{32}$`));

    // A registration already in place is kept; one at an older address of the device, or missing events, is replaced.
    // Another Mac and workspace, so these devices take none of the other tests' messages.
    const [other, elsewhere] = await Promise.all([FakeBlueBubbles.start(), workspace(app)]);
    try {
      const settings = other.config({ maxPerSecond: 100, maxPerMinute: 10_000 });
      const device = await createDriverDevice(app, elsewhere, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: settings });
      const stale = device.callbackUrl.replace(app.url, 'https://old-address.example.com');
      other.webhooks.push({ id: 9001, url: stale, events: ['*'], created: 0 }, { id: 9002, url: device.callbackUrl, events: ['new-message'], created: 0 });
      expect((await activateDriverDevice(app, elsewhere, device.id)).ok).toBe(true);
      const kept = await createDriverDevice(app, elsewhere, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: settings });
      other.webhooks.push({ id: 9003, url: kept.callbackUrl, events: ['*'], created: 0 });
      expect((await activateDriverDevice(app, elsewhere, kept.id)).ok).toBe(true);

      expect(other.webhooks).toEqual([
        expect.objectContaining({ url: device.callbackUrl, events: ['new-message', 'updated-message', 'message-send-error'] }),
        expect.objectContaining({ id: 9003, url: kept.callbackUrl }),
      ]);
      expect(other.problems).toEqual([]);
    } finally {
      await other.stop();
    }
    expect(fake.problems).toEqual([]);
  });

  test("refuses activation with a wrong password, answering the server's reason", async () => {
    const device = await createDriverDevice(app, ws, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config({ password: 'not-the-password' }) });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('You are not authorized to access this resource');
    expect(result.error!.message).toContain('bb:401');
    expect(result.device!.status).toBe('ERROR');
    expect(fake.webhooks.filter((w) => w.url === device.callbackUrl)).toEqual([]);
  });

  test('refuses activation with method private-api when the server has no Private API', async () => {
    const device = await createDriverDevice(app, ws, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config({ method: 'private-api' }) });
    const result = await activateDriverDevice(app, ws, device.id);
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('bb:private-api-off');
  });

  test('sends through /message/text with our message id as tempGuid, and the message is SENT with the BlueBubbles guid', async () => {
    const to = phone();
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [sent] = sentTo(to);
    expect(sent).toMatchObject({ chatGuid: `iMessage;-;${to}`, tempGuid: id, text: 'Hello from Switchboard', method: 'apple-script' });
    expect(m).toMatchObject({ providerMessageId: sent!.guid, rawStatus: 'bb:sent' });
    expect(fake.problems).toEqual([]);
  });

  test('follows updated-message to DELIVERED and READ', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const sent = sentTo(to)[0]!;
    expect(await fake.delivered(sent)).toEqual([{ url: mac.callbackUrl, status: 200 }]);
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'bb:delivered' });
    await fake.read(sent);
    expect(await messageWhen(app, id, (x) => x.status === 'READ', 'READ')).toMatchObject({ rawStatus: 'bb:read' });
  });

  test('fails a message on message-send-error, with the raw iMessage error code', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    await fake.sendError(sentTo(to)[0]!, 22);
    expect(await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED')).toMatchObject({ errorCode: 'bb:22', rawStatus: 'bb:failed' });
  });

  test('fails at once a send the Mac answers with an iMessage error', async () => {
    const to = phone();
    fake.answerSends((req) =>
      req.fields.chatGuid === `iMessage;-;${to}`
        ? { status: 500, body: { status: 500, message: 'Message Send Error', error: { type: 'iMessage Error', message: 'Failed to send message! See attached message error code.' }, data: { guid: 'X', error: 4 } } }
        : undefined,
    );
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED');
    expect(m).toMatchObject({ errorCode: 'bb:4' });
    expect(m.error).toContain('Failed to send message');
  });

  test('takes a contact\'s iMessage to the workspace as INCOMING_MESSAGE', async () => {
    const from = phone();
    const { guid, responses } = fake.incoming({ from, text: 'Is my order ready?' });
    expect(await responses).toContainEqual({ url: mac.callbackUrl, status: 200 });
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'Is my order ready?');
    expect(event!.json).toMatchObject({ event: 'INCOMING_MESSAGE', content: 'Is my order ready?' });
    expect(await inboundWith(guid)).toEqual([{ device_id: mac.id }]);
  });

  test('takes no message from the Mac itself (isFromMe) or a tapback as a contact\'s message', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const typed = fake.typedOnTheMac(to, 'typed on the Mac');
    expect(await typed.responses).toContainEqual({ url: mac.callbackUrl, status: 200 });
    const tapback = fake.incoming({ from: to, text: 'Loved “Hello from Switchboard”', associatedMessageGuid: `p:0/${sentTo(to)[0]!.guid}` });
    expect(await tapback.responses).toContainEqual({ url: mac.callbackUrl, status: 200 });
    // The server also posted new-message (isFromMe) for the message Switchboard sent.
    expect(await rows(app, "SELECT 1 FROM messages WHERE direction = 'INBOUND' AND provider_message_id = ANY($1)", [[typed.guid, tapback.guid, sentTo(to)[0]!.guid]])).toEqual([]);
  });

  test('refuses a callback with a wrong or missing secret and stores nothing', async () => {
    const before = await rows(app, 'SELECT count(*)::int AS n FROM messages');
    const contact = { guid: 'FORGED-1', text: 'forged', isFromMe: false, handle: { address: phone(), service: 'iMessage' }, chats: [{ guid: 'iMessage;-;+14155550000' }], error: 0 };
    const wrong = await fake.post(mac.callbackUrl.replace(/secret=.*/, 'secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 'new-message', contact);
    const missing = await fake.post(mac.callbackUrl.replace(/\?.*/, ''), 'new-message', contact);
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    expect(await rows(app, 'SELECT count(*)::int AS n FROM messages')).toEqual(before);
  });

  test('keeps a message QUEUED while BlueBubbles Server is down, and sends it once afterwards', async () => {
    const to = phone();
    await fake.down();
    const id = await send(to);
    try {
      const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
      expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('switchboard:connection-refused') });
    } finally {
      await fake.up();
    }
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the outage', 30_000);
    expect(sentTo(to)).toHaveLength(1);
  });

  test('does not send twice when the answer to a send is lost: the retry meets "already queued" and the webhook with our id marks it SENT', async () => {
    const to = phone();
    let lost = false;
    // The Mac takes the first try, but its answer never reaches Switchboard.
    fake.answerSends((req) => (req.fields.chatGuid === `iMessage;-;${to}` && !lost ? ((lost = true), { lost: true }) : undefined));
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason?.includes('bb:already-queued') === true, 'the retry meeting "already queued"', 30_000);
    expect(waiting.status).toBe('QUEUED');
    const sent = await fake.finish(id);
    expect(await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT')).toMatchObject({ providerMessageId: sent.guid, queuedReason: null });
    expect(sentTo(to)).toHaveLength(1);
    expect(fake.sendAttempts.filter((t) => t === id).length).toBeGreaterThanOrEqual(2);
  });

  test('gives a CRM an incoming attachment as a URL it can fetch without the server password', async () => {
    const picture = Buffer.from('\xff\xd8\xff fake jpeg bytes', 'latin1');
    const { responses } = fake.incoming({ from: phone(), text: 'photo', attachments: [{ mimeType: 'image/jpeg', name: 'IMG_0001.jpeg', body: picture }] });
    await responses;
    const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === 'photo');
    const [link] = event!.json.attachments as string[];
    expect(link).toMatch(new RegExp(`^${app.url}/media/`));
    expect(link).not.toContain(fake.password);
    expect(event!.json.type).toBe('image');
    const fetched = await fetch(link!);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(picture);
    expect(fake.problems).toEqual([]);
  });

  test("sends a CRM's attachment as a file through /message/attachment, then the text", async () => {
    receiver.respond((req) => (req.path === '/files/receipt.gif' ? { status: 200, headers: { 'content-type': 'image/gif' }, body: 'GIF89a fake gif' } : undefined));
    const to = phone();
    const id = await send(to, 'Your receipt', { attachments: [`${receiver.url}/files/receipt.gif`] });
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [file, text] = sentTo(to);
    expect(file).toMatchObject({ tempGuid: `${id}.1`, attachment: { name: 'receipt.gif', contentType: 'image/gif', body: Buffer.from('GIF89a fake gif') } });
    expect(text).toMatchObject({ tempGuid: id, text: 'Your receipt' });
    expect(m.providerMessageId).toBe(text!.guid);
    expect(fake.problems).toEqual([]);
  });

  test('sends SMS through the Mac from an SMS device, which takes only SMS from the same server', async () => {
    const sms = await driverDevice(app, ws, { driver: 'bluebubbles', channel: 'SMS', address: phone(), config: config() });
    const to = phone();
    const id = await send(to, 'By text message', { channel: 'sms' });
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]).toMatchObject({ chatGuid: `SMS;-;${to}`, tempGuid: id });

    const text = fake.incoming({ from: phone(), text: 'an SMS reply', service: 'SMS' });
    const imessage = fake.incoming({ from: phone(), text: 'an iMessage reply' });
    await Promise.all([text.responses, imessage.responses]);
    expect(await inboundWith(text.guid)).toEqual([{ device_id: sms.id }]);
    expect(await inboundWith(imessage.guid)).toEqual([{ device_id: mac.id }]);
  });

  test('shows the config with the password masked, and logs neither the password nor the callback secret', async () => {
    const state = await deviceState(app, mac.id);
    expect(state.config).toMatchObject({ serverUrl: fake.url, method: 'apple-script', password: expect.stringMatching(/^•+/) });
    expect(JSON.stringify(state.config)).not.toContain(fake.password);
    // The password travels in request URLs; it reaches no log line.
    expect(app.logs.text).not.toContain(fake.password);
    expect(app.logs.text).not.toContain(new URL(mac.callbackUrl).searchParams.get('secret'));
  });
});
