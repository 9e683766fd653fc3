import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { driverDevice, messageState, messageWhen, PROVIDER_TIMEOUT_ENV, PROVIDER_TIMEOUT_MS } from '../support/drivers.ts';
import { phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';

// The Twilio statuses, credentials and senders twilio.test.ts does not cover.

const test = appTest(PROVIDER_TIMEOUT_ENV).extend('fake', { scope: 'file' }, server(() => FakeTwilio.start()));
let app: TestApp;
let fake: FakeTwilio;
let ws: Workspace;
let sms: { id: string; callbackUrl: string; address: string };

test.beforeAll(async ({ app: a, fake: f }) => {
  [app, fake] = [a, f];
  ws = await workspace(app);
  const address = phone();
  sms = { ...(await driverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address, config: fake.config() })), address };
});

let n = 0;
/** Sends through the plain webhook door and answers the message id. */
async function send(to: string, o: { message?: string; channel?: string; attachments?: string[]; workspace?: Workspace } = {}) {
  const at = o.workspace ?? ws;
  const body = { location_id: at.locationId, phone: to, message: o.message ?? 'Hello from Switchboard', message_id: `twf-${++n}-${Date.now()}`, channel: o.channel ?? 'sms', attachments: o.attachments ?? [] };
  const res = await postWebhook(app, body, at.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

const sentTo = (to: string) => fake.messages.filter((m) => String(m.form.To).replace(/^[a-z]+:/, '') === to);

/** A device of its own workspace, so its sends are not taken by the shared SMS device. */
async function ownDevice(channel: 'SMS' | 'WHATSAPP', config: Record<string, unknown>) {
  const own = await workspace(app);
  const address = phone();
  const device = await driverDevice(app, own, { driver: 'twilio', channel, address, config });
  return { ws: own, address, ...device };
}

describe('twilio statuses', () => {
  test('follows status callbacks to READ', async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [sent] = sentTo(to);
    expect((await fake.status(sent!, 'delivered')).status).toBe(200);
    await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED');
    expect((await fake.status(sent!, 'read')).status).toBe(200);
    expect(await messageWhen(app, id, (x) => x.status === 'READ', 'READ')).toMatchObject({ rawStatus: 'twilio:read' });
  });

  test("follows a 'failed' status callback to FAILED with the raw code", async () => {
    const to = phone();
    const id = await send(to);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect((await fake.status(sentTo(to)[0]!, 'failed', '30008')).status).toBe(200);
    expect(await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED')).toMatchObject({ errorCode: 'twilio:30008', rawStatus: 'twilio:failed' });
  });
});

describe('twilio when it answers late or stays down', () => {
  test('keeps a message queued when Twilio does not answer in time, and sends it once afterwards', async () => {
    const to = phone();
    let first: number | null = null;
    fake.answerSends((form) => {
      if (form.To !== to || first !== null) return undefined;
      first = Date.now();
      // Answered later than Switchboard waits for a provider; Twilio did not take the message.
      return { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 }, delayMs: PROVIDER_TIMEOUT_MS + 5_000 };
    });
    const id = await send(to);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason', 30_000);
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('switchboard:timeout') });
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(first! + PROVIDER_TIMEOUT_MS);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the timeout', 30_000);
    expect(sentTo(to)).toHaveLength(1);
  });

  test('loses nothing and fails nothing while Twilio stays down across several retries, and sends the message once afterwards', async () => {
    const to = phone();
    const downFor = 4;
    let refused = 0;
    fake.answerSends((form) => {
      if (form.To !== to || refused >= downFor) return undefined;
      refused++;
      return { status: 503, headers: { 'retry-after': '1' }, body: { code: 20503, message: 'Service Unavailable', status: 503 } };
    });
    const id = await send(to);
    const m = await messageWhen(app, id, (x) => x.status !== 'QUEUED', 'out of the queue', 60_000);
    expect(refused).toBe(downFor);
    expect(m).toMatchObject({ status: 'SENT', errorCode: null, queuedReason: null });
    expect(sentTo(to)).toHaveLength(1);
  });
});

describe('twilio senders and credentials', () => {
  test('sends with an API key instead of the Auth Token', async () => {
    const device = await ownDevice('SMS', fake.config({ apiKeySid: fake.apiKeySid, apiKeySecret: fake.apiKeySecret }));
    const to = phone();
    const id = await send(to, { workspace: device.ws });
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)).toEqual([expect.objectContaining({ user: fake.apiKeySid })]);
  });

  test('sends through the Messaging Service instead of From when messagingServiceSid is set', async () => {
    const service = `MG${'b'.repeat(32)}`;
    const device = await ownDevice('SMS', fake.config({ messagingServiceSid: service }));
    const to = phone();
    const id = await send(to, { workspace: device.ws });
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(to)[0]!.form).toEqual({ To: to, MessagingServiceSid: service, Body: 'Hello from Switchboard', StatusCallback: device.callbackUrl });
    expect(m.rawStatus).toBe('twilio:accepted');
    expect(fake.problems).toEqual([]);
  });

  test("sends a CRM's attachments as MediaUrl (MMS)", async () => {
    const to = phone();
    const picture = 'https://cdn.example.com/receipts/42.png';
    const id = await send(to, { message: 'Your receipt', attachments: [picture] });
    const m = await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [sent] = sentTo(to);
    expect(sent!.form).toEqual({ To: to, From: sms.address, Body: 'Your receipt', MediaUrl: picture, StatusCallback: sms.callbackUrl });
    expect(m.providerMessageId).toMatch(/^MM[0-9a-f]{32}$/);
    expect(fake.problems).toEqual([]);
  });

  test('sends WhatsApp with whatsapp: addresses and follows its callbacks to DELIVERED and READ', async () => {
    const device = await ownDevice('WHATSAPP', fake.config());
    const to = phone();
    // WhatsApp needs an open 24-hour window: the contact writes first.
    expect((await fake.incoming(device.callbackUrl, { from: `whatsapp:${to}`, to: `whatsapp:${device.address}`, body: 'hi' }).response).status).toBe(200);
    const id = await send(to, { channel: 'whatsapp', workspace: device.ws });
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    const [sent] = sentTo(to);
    expect(sent!.form).toEqual({ To: `whatsapp:${to}`, From: `whatsapp:${device.address}`, Body: 'Hello from Switchboard', StatusCallback: device.callbackUrl });
    await fake.status(sent!, 'delivered');
    expect(await messageWhen(app, id, (x) => x.status === 'DELIVERED', 'DELIVERED')).toMatchObject({ rawStatus: 'twilio:delivered' });
    await fake.status(sent!, 'read');
    expect(await messageWhen(app, id, (x) => x.status === 'READ', 'READ')).toMatchObject({ rawStatus: 'twilio:read' });
    expect((await messageState(app, id)).providerMessageId).toBe(sent!.sid);
  });
});
