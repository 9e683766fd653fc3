import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest, server } from '../support/context.ts';
import { activateDriverDevice, createDriverDevice, messageWhen } from '../support/drivers.ts';
import { phone, workspace, type Workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';
import { eventually } from '../support/wait.ts';

/**
 * Provider requests and media downloads follow the SSRF rules of webhooks when private targets are
 * not allowed (the production default; every other test app allows them to reach its local fakes).
 */

const test = appTest({ SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'false' }).extend('fake', { scope: 'file' }, server(() => FakeTwilio.start()));
let app: TestApp;
let fake: FakeTwilio;
let ws: Workspace;

test.beforeAll(async ({ app: a, fake: f }) => {
  [app, fake] = [a, f];
  ws = await workspace(app);
});

describe('provider requests to private addresses', () => {
  test('refuses a provider base URL that is, or resolves to, a private or loopback address, without connecting to it', async () => {
    const port = new URL(fake.url).port;
    // By IP literal (loopback, IPv4-mapped IPv6, cloud metadata) and by a host name that resolves to loopback.
    for (const baseUrl of [fake.url, `http://[::ffff:127.0.0.1]:${port}`, 'http://169.254.169.254', `http://localhost:${port}`]) {
      const device = await createDriverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address: phone(), config: fake.config({ baseUrl }) });
      const result = await activateDriverDevice(app, ws, device.id);
      expect(result.ok, baseUrl).toBe(false);
      expect(result.error!.message, baseUrl).toContain('private or reserved');
      expect(result.device!.status).toBe('ERROR');
    }
    expect(fake.requests).toEqual([]);
  });

  test("does not download an incoming message's media from a private address: the CRM's link answers 410 with the reason", async () => {
    // A device at Twilio's real API (not activated: only its callbacks are used here); Twilio's
    // callback names media at a loopback address.
    const address = phone();
    const device = await createDriverDevice(app, ws, { driver: 'twilio', channel: 'SMS', address, config: { accountSid: fake.accountSid, authToken: fake.authToken } });
    const { sid, response } = fake.incoming(device.callbackUrl, { from: phone(), to: address, body: 'photo at home', media: [{ contentType: 'image/png', body: Buffer.from('\x89PNG private') }] });
    expect((await response).status).toBe(200);
    // A CRM webhook cannot be at a local address here either: the link is read from the message as the API shows it.
    const [stored] = await eventually(() => rows<{ id: string }>(app, "SELECT id FROM messages WHERE direction = 'INBOUND' AND provider_message_id = $1", [sid]), (r) => r.length === 1, 'the inbound message');
    const link = (await messageWhen(app, stored!.id, (m) => m.attachments.length === 1, 'its media link')).attachments[0]!;
    // 503 while the download is still to be tried.
    const fetched = await eventually(async () => {
      const res = await fetch(link);
      return { status: res.status, text: await res.text() };
    }, (r) => r.status !== 503, 'the download tried');
    expect(fetched).toMatchObject({ status: 410, text: expect.stringContaining('switchboard:blocked-address') });
    expect(fake.requests).toEqual([]);
  });
});
