import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { driverDevice, messageWhen } from '../support/drivers.ts';
import { phone, postWebhook, type Workspace } from '../support/fixtures.ts';
import { FakeAndroidSmsGateway } from '../support/providers/fake-android-sms-gateway.ts';
import { FakeWhatsAppCloud } from '../support/providers/fake-whatsapp-cloud.ts';

// A provider that keeps answering "not now" fails the message with its last code once the device's
// retry window has run out (twilio.test.ts and bluebubbles-refusals.test.ts show it for those drivers).

const test = appTest()
  .extend('wa', { scope: 'file' }, server(() => FakeWhatsAppCloud.start()))
  .extend('asg', { scope: 'file' }, server(() => FakeAndroidSmsGateway.start()));
// A retry window of 3 seconds.
const retryWindowMinutes = 0.05;

async function send(app: TestApp, ws: Workspace, to: string, channel: string) {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'Your order shipped', message_id: `rw-${channel}-${Date.now()}`, channel }, ws.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

describe('the retry window running out', () => {
  test('whatsapp-cloud fails with the last code once the retry window has run out', async ({ app, ws, wa }) => {
    const address = phone();
    const config = wa.config(address, { retryWindowMinutes });
    const device = await driverDevice(app, ws, { driver: 'whatsapp-cloud', channel: 'WHATSAPP', address, config });
    const to = phone();
    expect((await wa.incoming(device.callbackUrl, config.phoneNumberId, to, { type: 'text', text: { body: 'Hi' } }).response).status).toBe(200);
    wa.answerSends((body) => (body.to === to.slice(1) ? wa.error(131000) : undefined));
    const m = await messageWhen(app, await send(app, ws, to, 'whatsapp'), (x) => x.status === 'FAILED', 'FAILED after the window', 30_000);
    expect(m).toMatchObject({ errorCode: 'wa:131000' });
    expect(m.error).toContain('not now');
    expect(wa.sent.filter((s) => s.body.to === to.slice(1))).toEqual([]);
  });

  test('android-sms-gateway fails with the last code once the retry window has run out', async ({ app, ws, asg }) => {
    await driverDevice(app, ws, { driver: 'android-sms-gateway', channel: 'SMS', address: phone(), config: asg.config({ retryWindowMinutes }) });
    const to = phone();
    asg.answerSends((body) => (body.phoneNumbers[0] === to ? { status: 503, body: { message: 'failed to enqueue message: queue limits exceeded' } } : undefined));
    const m = await messageWhen(app, await send(app, ws, to, 'sms'), (x) => x.status === 'FAILED', 'FAILED after the window', 30_000);
    expect(m).toMatchObject({ errorCode: 'asg:503' });
    expect(m.error).toContain('not now');
    expect(asg.messages.filter((s) => s.body.phoneNumbers[0] === to)).toEqual([]);
  });
});
