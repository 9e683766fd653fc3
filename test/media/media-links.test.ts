import { describe, expect } from 'vitest';
import { removeOldDeliveries } from '../../src/delivery/retention.ts';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { driverDevice } from '../support/drivers.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import { eventsOn, rows } from '../support/messaging.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';
import type { Receiver } from '../support/receiver.ts';

/** Media links of contacts' messages last the retention period (SWITCHBOARD_DELIVERY_RETENTION_DAYS, 3 here); so do the media. */

const DAY = 86_400_000;
const test = appTest({ SWITCHBOARD_DELIVERY_RETENTION_DAYS: '3' }).extend('fake', { scope: 'file' }, server(() => FakeTwilio.start()));
let app: TestApp;
let fake: FakeTwilio;
let receiver: Receiver;
let sms: { callbackUrl: string; address: string };

test.beforeAll(async ({ app: a, fake: f, receiver: r }) => {
  [app, fake, receiver] = [a, f, r];
  const ws = await workspace(app);
  const address = phone();
  sms = { ...(await driverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address, config: fake.config() })), address };
  await webhook(app, ws, { url: `${receiver.url}/inbound`, event: 'INCOMING_MESSAGE' });
});

/** A contact's MMS with one picture; answers the link the CRM was given and the picture. */
async function incomingPicture(body: string) {
  const picture = Buffer.from(`\x89PNG ${body}`);
  await fake.incoming(sms.callbackUrl, { from: phone(), to: sms.address, body, media: [{ contentType: 'image/png', body: picture }] }).response;
  const [event] = await eventsOn(receiver, '/inbound', 1, (r) => r.json?.content === body);
  const link = new URL((event!.json.attachments as string[])[0]!);
  return { link, id: link.pathname.split('/').pop()!, picture };
}

describe('media links', () => {
  test('expire after the retention period: an expired link, or one whose expiry was moved, is refused', async () => {
    const { link, id, picture } = await incomingPicture('expiring photo');
    const expires = Number(link.searchParams.get('expires')) * 1000;
    expect(expires).toBeGreaterThan(Date.now() + 3 * DAY - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3 * DAY);
    expect(Buffer.from(await (await fetch(link)).arrayBuffer())).toEqual(picture);

    // The link Switchboard gave for these media four days ago: past its expiry.
    const old = app.rt.media.url(id, new Date(Date.now() - 4 * DAY));
    const refused = await fetch(old);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('expired');

    // Moving the expiry later breaks the signature.
    const moved = new URL(link);
    moved.searchParams.set('expires', String(Math.floor((expires + DAY) / 1000)));
    expect((await fetch(moved)).status).toBe(403);
  });

  test('are deleted with their bytes once the retention period has passed; the link then answers 404', async () => {
    const { link, id } = await incomingPicture('photo to let go');
    expect((await fetch(link)).status).toBe(200);

    await removeOldDeliveries(app.rt, new Date(Date.now() + 2 * DAY));
    expect(await rows(app, 'SELECT 1 FROM media WHERE id = $1', [id])).toHaveLength(1);

    await removeOldDeliveries(app.rt, new Date(Date.now() + 4 * DAY));
    expect(await rows(app, 'SELECT 1 FROM media WHERE id = $1', [id])).toEqual([]);
    const gone = await fetch(link);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('retention');
  });
});
