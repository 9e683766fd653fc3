import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { driverDevice, messageState, messageWhen } from '../support/drivers.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { killAll, startSwitchboard } from '../support/process.ts';
import { createTestDatabase } from '../support/database.ts';
import { FakeTwilio } from '../support/providers/fake-twilio.ts';
import { expectPaced } from '../support/pacing.ts';

const Drivers = graphql(`
  query Drivers {
    drivers {
      name
      channels
      configFields {
        name
        type
        required
        secret
        default
        description
      }
    }
  }
`);

describe('drivers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    await app?.dropDatabase();
  });

  it('lists every driver with its channels and config fields, without an API key', async () => {
    const { drivers } = await ok(app.url, Drivers, {}, { key: null });
    const twilio = drivers.find((d) => d.name === 'twilio')!;
    expect(twilio.channels).toEqual(['SMS', 'WHATSAPP', 'RCS']);
    expect(twilio.configFields.find((f) => f.name === 'authToken')).toMatchObject({ type: 'SECRET', secret: true });
    expect(twilio.configFields.find((f) => f.name === 'accountSid')).toMatchObject({ type: 'STRING', required: true });
    expect(twilio.configFields.find((f) => f.name === 'baseUrl')).toMatchObject({ default: 'https://api.twilio.com' });
    for (const d of drivers) {
      expect(d.configFields.map((f) => f.name)).toEqual(expect.arrayContaining(['maxPerSecond', 'maxPerMinute', 'sendingHours', 'retryWindowMinutes']));
    }
  });

  it('answers a bad config naming the field and the rule', async () => {
    const ws = await workspace(app);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.key}` },
      body: JSON.stringify({
        query: 'mutation($i: DeviceCreateInput!) { createDevice(input: $i) { token } }',
        variables: { i: { channel: 'SMS', address: phone(), driver: 'twilio', config: { accountSid: 'nope', authToken: 'x', sendingHours: { from: '25:00', to: '08:00', timeZone: 'Mars/Olympus' } } } },
      }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string; details: { field: string }[] } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.extensions.details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['config.accountSid', 'config.sendingHours.from', 'config.sendingHours.timeZone']),
    );
  });

  it('keeps messages outside the sending hours QUEUED until the hours open, saying when and why', async () => {
    const ws = await workspace(app);
    // Hours that exclude the present moment, in UTC: they open an hour from now.
    const at = new Date(Date.now() + 3600_000);
    const from = `${String(at.getUTCHours()).padStart(2, '0')}:00`;
    const to = `${String((at.getUTCHours() + 1) % 24).padStart(2, '0')}:00`;
    await device(app, ws, { channel: 'SMS', config: { sendingHours: { from, to, timeZone: 'UTC' } } });
    const res = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'later', message_id: 'hours-1', channel: 'sms' }, ws.key);
    const m = await messageWhen(app, res.body.messageId, (x) => x.queuedReason !== null, 'a queued reason');
    expect(m.status).toBe('QUEUED');
    expect(m.queuedReason).toContain('sending hours');
    const opens = new Date(m.nextAttemptAt!);
    expect(opens.getUTCMinutes()).toBe(0);
    expect(opens.getTime()).toBeGreaterThan(Date.now());
    expect(opens.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
  });
});

describe('pacing across worker processes', () => {
  let fake: FakeTwilio;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const urls: string[] = [];
  beforeAll(async () => {
    [fake, db] = await Promise.all([FakeTwilio.start(), createTestDatabase()]);
    for (let i = 0; i < 2; i++) urls.push(await startSwitchboard(db.url));
  });
  afterAll(async () => {
    await killAll();
    await fake?.stop();
    await db?.drop();
  });

  it('sends at most maxPerSecond in each second whichever process sends, and every message once', async () => {
    const first = { url: urls[0]! } as TestApp;
    const ws = await workspace(first);
    const limit = 3;
    await driverDevice(first, ws, { driver: 'twilio', channel: 'SMS', address: phone(), config: fake.config({ maxPerSecond: limit }) });
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
    const arrivals = fake.messages.filter((m) => String(m.form.Body).startsWith('paced ')).map((m) => m.at);
    expect(arrivals).toHaveLength(total);
    expectPaced(arrivals, postedFrom, limit);
    const waited = await Promise.all(ids.map((id) => messageState(first, id)));
    expect(waited.every((m) => m.queuedReason === null)).toBe(true);
  });
});
