import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { deviceState, driverDevice, messageWhen, PROVIDER_TIMEOUT_ENV, PROVIDER_TIMEOUT_MS } from '../support/drivers.ts';
import { phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { FakeBlueBubbles } from '../support/providers/fake-bluebubbles.ts';

// How the bluebubbles driver takes a server that is slow, busy, locked or gone for long (bluebubbles.test.ts covers the rest).

const test = appTest(PROVIDER_TIMEOUT_ENV).extend('fake', { scope: 'file' }, server(() => FakeBlueBubbles.start()));
let app: TestApp;
let fake: FakeBlueBubbles;
let ws: Workspace;

let n = 0;
const appleId = () => `mac-refusals-${process.pid}-${++n}@icloud.com`;
// Tests send in quick succession; the default pace (1 a second, 20 a minute) is for real Apple IDs.
const config = (extra: Record<string, unknown> = {}) => fake.config({ maxPerSecond: 100, maxPerMinute: 10_000, ...extra });

test.beforeAll(async ({ app: a, fake: f }) => {
  [app, fake] = [a, f];
  ws = await workspace(app);
  await driverDevice(app, ws, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config() });
});

async function send(to: string, at = ws) {
  const res = await postWebhook(app, { location_id: at.locationId, phone: to, message: 'Hello from Switchboard', message_id: `bbr-${++n}-${Date.now()}`, channel: 'imessage', attachments: [] }, at.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

const sentTo = (to: string) => fake.sent.filter((m) => m.chatGuid.endsWith(`;-;${to}`));
const to = (chat: string) => (req: { fields: Record<string, unknown> }) => req.fields.chatGuid === `iMessage;-;${chat}`;

describe('bluebubbles refusals', () => {
  test('waits as long as a 429 Retry-After says', async () => {
    const contact = phone();
    let first = true;
    fake.answerSends((req) => {
      if (!first || !to(contact)(req)) return undefined;
      first = false;
      // A reverse proxy or tunnel in front of the server (Cloudflare, ngrok) throttling.
      return { status: 429, body: { status: 429, message: 'Too Many Requests' }, headers: { 'retry-after': '3' } };
    });
    const started = Date.now();
    const id = await send(contact);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('bb:429') });
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(started + 3000 - 50);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT');
    expect(sentTo(contact)).toHaveLength(1);
    expect(sentTo(contact)[0]!.dateCreated).toBeGreaterThanOrEqual(started + 3000 - 50);
  });

  test('marks the device when the server stops accepting its password, and keeps the message queued', async ({ ws: own }) => {
    const device = await driverDevice(app, own, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config() });
    const contact = phone();
    // The server password was changed on the Mac: every send now answers 401.
    fake.answerSends((req) => (to(contact)(req) ? { status: 401, body: { status: 401, message: 'You are not authorized to access this resource', error: { type: 'Authentication Error', message: 'Unauthorized' } } } : undefined));
    const id = await send(contact, own);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason');
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('bb:401') });
    const state = await deviceState(app, device.id);
    expect(state.lastError).toContain('bb:401');
    expect(state.lastErrorAt).not.toBeNull();
    expect(sentTo(contact)).toEqual([]);
  });

  test('keeps a message queued when the server does not answer in time, and sends it once afterwards', async () => {
    const contact = phone();
    let first: number | null = null;
    fake.answerSends((req) => {
      if (first !== null || !to(contact)(req)) return undefined;
      first = Date.now();
      return { status: 503, body: { status: 503, message: 'Service Unavailable' }, delayMs: PROVIDER_TIMEOUT_MS + 5_000 };
    });
    const id = await send(contact);
    const waiting = await messageWhen(app, id, (x) => x.queuedReason !== null, 'a queued reason', 30_000);
    expect(waiting).toMatchObject({ status: 'QUEUED', queuedReason: expect.stringContaining('switchboard:timeout') });
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(first! + PROVIDER_TIMEOUT_MS);
    await messageWhen(app, id, (x) => x.status === 'SENT', 'SENT after the timeout', 30_000);
    expect(sentTo(contact)).toHaveLength(1);
  });

  test('fails with the last code once the retry window has run out', async ({ ws: own }) => {
    await driverDevice(app, own, { driver: 'bluebubbles', channel: 'IMESSAGE', address: appleId(), config: config({ retryWindowMinutes: 0.05 }) });
    const contact = phone();
    fake.answerSends((req) => (to(contact)(req) ? { status: 502, body: { status: 502, message: 'Bad Gateway' } } : undefined));
    const id = await send(contact, own);
    const m = await messageWhen(app, id, (x) => x.status === 'FAILED', 'FAILED after the window', 30_000);
    expect(m).toMatchObject({ errorCode: 'bb:502' });
    expect(m.error).toContain('not now');
    expect(sentTo(contact)).toEqual([]);
  });
});
