import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { driverDevice, messageWhen } from '../support/drivers.ts';
import { phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { startOfRateWindow } from '../support/messaging.ts';
import { expectPaced } from '../support/pacing.ts';
import { killAll, startSwitchboard } from '../support/process.ts';
import { FakeBlueBubbles } from '../support/providers/fake-bluebubbles.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';
import { FakeWhatsAppCloud } from '../support/providers/fake-whatsapp-cloud.ts';

// Pacing is held in PostgreSQL for every driver; these show it at each provider, with two worker processes sending.

describe('pacing of whatsapp-cloud, bluebubbles and maxPerMinute across worker processes', () => {
  let wa: FakeWhatsAppCloud;
  let bb: FakeBlueBubbles;
  let tw: FakeTwilio;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const urls: string[] = [];
  const first = () => ({ url: urls[0]! }) as TestApp;

  beforeAll(async () => {
    [wa, bb, tw, db] = await Promise.all([FakeWhatsAppCloud.start(), FakeBlueBubbles.start(), FakeTwilio.start(), createTestDatabase()]);
    for (let i = 0; i < 2; i++) urls.push(await startSwitchboard(db.url));
  });
  afterAll(async () => {
    await killAll();
    await Promise.all([wa?.stop(), bb?.stop(), tw?.stop()]);
    await db?.drop();
  });

  /** Posts `total` messages, alternating between the two processes; answers their ids. */
  function postAll(ws: Workspace, total: number, contacts: string[], channel: string, prefix: string) {
    return Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const via = { url: urls[i % 2]! } as TestApp;
        const res = await postWebhook(via, { location_id: ws.locationId, phone: contacts[i]!, message: `${prefix} ${i}`, message_id: `${prefix}-${i}`, channel }, ws.key);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.messageId as string;
      }),
    );
  }

  it('whatsapp-cloud sends at most maxPerSecond in each second whichever process sends, and every message once', async () => {
    const ws = await workspace(first());
    const limit = 3;
    const address = phone();
    const config = wa.config(address, { maxPerSecond: limit });
    const device = await driverDevice(first(), ws, { driver: 'whatsapp-cloud', channel: 'WHATSAPP', address, config });
    const total = 15;
    const contacts = Array.from({ length: total }, () => phone());
    // Each contact writes first: free-form text needs WhatsApp's 24-hour window open.
    for (const from of contacts) expect((await wa.incoming(device.callbackUrl, config.phoneNumberId, from, { type: 'text', text: { body: 'Hi' } }).response).status).toBe(200);
    const postedFrom = Date.now();
    const ids = await postAll(ws, total, contacts, 'whatsapp', 'wa-paced');
    for (const id of ids) await messageWhen(first(), id, (m) => m.status === 'SENT', 'SENT', 60_000);
    const arrivals = wa.sent.filter((m) => String(m.body.text?.body).startsWith('wa-paced ')).map((m) => m.at);
    expect(arrivals).toHaveLength(total);
    expectPaced(arrivals, postedFrom, limit);
    expect(wa.problems).toEqual([]);
  });

  it('bluebubbles sends at most maxPerSecond in each second whichever process sends, and every message once', async () => {
    const ws = await workspace(first());
    const limit = 3;
    await driverDevice(first(), ws, { driver: 'bluebubbles', channel: 'IMESSAGE', address: `paced-${process.pid}@icloud.com`, config: bb.config({ maxPerSecond: limit, maxPerMinute: 600 }) });
    const total = 15;
    const postedFrom = Date.now();
    const ids = await postAll(ws, total, Array.from({ length: total }, () => phone()), 'imessage', 'bb-paced');
    for (const id of ids) await messageWhen(first(), id, (m) => m.status === 'SENT', 'SENT', 60_000);
    const arrivals = bb.sent.filter((m) => String(m.text).startsWith('bb-paced ')).map((m) => m.dateCreated);
    expect(arrivals).toHaveLength(total);
    expectPaced(arrivals, postedFrom, limit);
    expect(bb.problems).toEqual([]);
  });

  it('sends at most maxPerMinute in a minute whichever process sends; the rest wait, saying until when: the next minute', async () => {
    const ws = await workspace(first());
    const limit = 2;
    await driverDevice(first(), ws, { driver: 'twilio', channel: 'SMS', address: phone(), config: tw.config({ maxPerSecond: 100, maxPerMinute: limit }) });
    // All posts and the first sends fall in one minute.
    await startOfRateWindow();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const total = 3;
    const ids = await postAll(ws, total, Array.from({ length: total }, () => phone()), 'sms', 'per-minute');
    const arrived = () => tw.messages.filter((m) => String(m.form.Body).startsWith('per-minute '));

    const states = await Promise.all(ids.map((id) => messageWhen(first(), id, (m) => m.status === 'SENT' || m.queuedReason !== null, 'SENT or waiting')));
    const waiting = states.filter((m) => m.status === 'QUEUED');
    expect(waiting).toHaveLength(total - limit);
    expect(waiting[0]!.queuedReason).toContain(`${limit} per minute`);
    expect(new Date(waiting[0]!.nextAttemptAt!).getTime()).toBe(minute + 60_000);
    expect(arrived()).toHaveLength(limit);

    // That a waiting message goes when its window opens is the maxPerSecond tests' business (same
    // windows, one second long): waiting here for the next minute would add up to a minute to the suite.
  });
});
