import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute } from '../support/graphql.ts';
import { apiKey, distinctEvents, eventsOn, messageReaches, rows, startOfRateWindow, workspaceWith } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';
import { deliveriesSettled } from '../support/wait.ts';

const DoorMessages = graphql(`
  query DoorMessages($input: MessagesInput) {
    messages(input: $input) {
      totalCount
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app, { webhookUrl: `${receiver.url}/door` });
  await device(app, ws, { channel: 'SMS' });
  await device(app, ws, { channel: 'WHATSAPP' });
});

let n = 0;
/** A valid seed 000 body for the shared workspace, with a fresh message_id. */
const valid = (overrides: Record<string, unknown> = {}) => ({
  location_id: ws.locationId,
  user_id: '5',
  phone: phone(),
  message: 'Hello from Custom Webhook',
  attachments: [],
  message_id: `door-${++n}`,
  channel: 'sms',
  ...overrides,
});

const without = (key: string) => {
  const body: Record<string, unknown> = valid();
  delete body[key];
  return body;
};

describe('POST /webhook answers 400 Invalid payload, naming the field', () => {
  const cases: [string, () => unknown, string][] = [
    ['location_id is missing', () => without('location_id'), 'location_id'],
    ['message_id is empty', () => valid({ message_id: '' }), 'message_id'],
    ['message_id is missing', () => without('message_id'), 'message_id'],
    ['channel is not sms, whatsapp, imessage or rcs', () => valid({ channel: 'fax' }), 'channel'],
    ['phone is not E.164', () => valid({ phone: '03004610062' }), 'phone'],
    ['phone is not a real number', () => valid({ phone: '+1415555' }), 'phone'],
    ['the workspace has no active device on the channel', () => valid({ channel: 'rcs' }), 'channel'],
    ['an attachment is not an http(s) URL', () => valid({ attachments: ['ftp://example.com/a.jpg'] }), 'attachments'],
    ['an SMS text is longer than 1600 characters', () => valid({ message: 'a'.repeat(1601) }), 'message'],
    ['there is neither text nor attachment', () => valid({ message: '' }), 'message'],
    ['the text is only white space', () => valid({ message: ' \t\n\u00a0 ' }), 'message'],
    ['channel is sms only by Unicode case mapping (ſ, long s)', () => valid({ channel: 'ſms' }), 'channel'],
    ['channel is whatsapp only by Unicode case mapping (ſ, long s)', () => valid({ channel: 'whatſapp' }), 'channel'],
    ['location_id belongs to no workspace', () => valid({ location_id: '00000000000000000000' }), 'location_id'],
  ];
  for (const [what, body, field] of cases) {
    test(`when ${what}`, async () => {
      const res = await postWebhook(app, body(), ws.key);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Invalid payload');
      expect(Array.isArray(res.body.details)).toBe(true);
      const fields = (res.body.details as { field: string; message: string }[]).map((d) => d.field);
      expect(fields.some((f) => f === field || f.startsWith(`${field}.`)), JSON.stringify(res.body)).toBe(true);
      expect(res.body.details.every((d: { message: string }) => typeof d.message === 'string' && d.message.length > 0)).toBe(true);
    });
  }

  test('when the body is not JSON', async () => {
    const res = await postWebhook(app, '{"location_id": "abc", "phone": ', ws.key);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid payload', details: [expect.objectContaining({ field: 'body' })] });
  });

  test('and stores nothing for a refused request', async () => {
    const before = await rows(app, 'SELECT id FROM messages WHERE workspace_id = $1', [ws.id]);
    await postWebhook(app, valid({ channel: 'fax' }), ws.key);
    await postWebhook(app, valid({ channel: 'rcs' }), ws.key);
    await postWebhook(app, valid({ channel: 'ſms' }), ws.key);
    await postWebhook(app, valid({ message: '   ' }), ws.key);
    expect(await rows(app, 'SELECT id FROM messages WHERE workspace_id = $1', [ws.id])).toHaveLength(before.length);
  });

  test('but takes the channel in any ASCII case', async () => {
    for (const channel of ['SMS', 'Sms', 'sMs']) expect((await postWebhook(app, valid({ channel }), ws.key)).status, channel).toBe(200);
  });

  test('but accepts a text of exactly 1600 characters on SMS, and a long one on WhatsApp', async () => {
    expect((await postWebhook(app, valid({ message: 'a'.repeat(1600) }), ws.key)).status).toBe(200);
    expect((await postWebhook(app, valid({ message: 'a'.repeat(4000), channel: 'whatsapp' }), ws.key)).status).toBe(200);
    expect((await postWebhook(app, valid({ message: 'a'.repeat(4097), channel: 'whatsapp' }), ws.key)).status).toBe(400);
  });
});

describe('POST /webhook authenticates the caller', () => {
  test('answers 401 without an API key', async () => {
    const res = await postWebhook(app, valid(), null);
    expect(res.status).toBe(401);
    // A location_id that cannot be one is not looked up (PostgreSQL refuses NUL): still 401, not 500.
    expect((await postWebhook(app, valid({ location_id: `${ws.locationId}\u0000` }), null)).status).toBe(401);
    expect(typeof res.body.error).toBe('string');
  });

  test('answers 401 for a wrong API key', async () => {
    expect((await postWebhook(app, valid(), 'sbk_not_a_real_key_0123456789')).status).toBe(401);
  });

  test('takes the key as Bearer, as a bare authorization header, or as x-api-key', async () => {
    expect((await postWebhook(app, valid(), null, { authorization: ws.key })).status).toBe(200);
    expect((await postWebhook(app, valid(), null, { 'x-api-key': ws.key })).status).toBe(200);
    expect((await postWebhook(app, valid(), ws.key)).status).toBe(200);
  });

  test("answers 403 for another workspace's key and sends nothing", async () => {
    const other = await workspace(app, { name: 'Other' });
    const body = valid();
    const res = await postWebhook(app, body, other.key);
    expect(res.status).toBe(403);
    expect(await rows(app, 'SELECT id FROM messages WHERE external_id = $1', [body.message_id])).toHaveLength(0);
  });

  test('accepts location_id alone for a workspace that opted in to legacy auth, and only for it', async () => {
    const legacy = await workspaceWith(app, { name: 'Legacy', legacyAuth: true });
    await device(app, legacy, { channel: 'IMESSAGE' });
    const ok = await postWebhook(app, { location_id: legacy.locationId, phone: phone(), message: 'hi', message_id: 'legacy-1', channel: 'imessage' }, null);
    expect(ok.status).toBe(200);
    expect(ok.body.messageId).toBeTruthy();
    // Legacy auth does not excuse a wrong key, nor open other workspaces.
    expect((await postWebhook(app, { location_id: legacy.locationId, phone: phone(), message: 'hi', message_id: 'legacy-2', channel: 'imessage' }, 'sbk_wrong_key_0123456789abc')).status).toBe(401);
    expect((await postWebhook(app, valid(), null)).status).toBe(401);
  });
});

describe('POST /webhook is idempotent on message_id', () => {
  test('answers a retry with the same messageId and sends the message once', async () => {
    const body = valid({ message: 'once only' });
    const first = await postWebhook(app, body, ws.key);
    const again = await postWebhook(app, body, ws.key);
    const concurrent = await Promise.all([postWebhook(app, body, ws.key), postWebhook(app, body, ws.key)]);
    expect(first.status).toBe(200);
    for (const r of [again, ...concurrent]) {
      expect(r.status).toBe(200);
      expect(r.body.messageId).toBe(first.body.messageId);
    }
    await messageReaches(app, first.body.messageId, 'DELIVERED');
    await eventsOn(receiver, '/door', 2, (r) => r.json.message_id === body.message_id);
    await deliveriesSettled(app, ws.id);
    const sent = distinctEvents(receiver, '/door').filter((r) => r.json.message_id === body.message_id && r.json.status === 'SENT');
    expect(sent).toHaveLength(1);
    expect(await rows(app, 'SELECT id FROM messages WHERE workspace_id = $1 AND external_id = $2', [ws.id, body.message_id])).toHaveLength(1);
    expect(await rows(app, `SELECT id FROM events WHERE type = 'OUTGOING_MESSAGE' AND payload->'message'->>'externalId' = $1`, [body.message_id])).toHaveLength(1);
  });

  test('answers 409 when the same message_id comes with a different body, and keeps the first message', async () => {
    const body = valid({ message: 'first version' });
    const first = await postWebhook(app, body, ws.key);
    expect(first.status).toBe(200);
    for (const changed of [{ message: 'second version' }, { phone: phone() }, { channel: 'whatsapp' }, { attachments: ['https://example.com/x.jpg'] }]) {
      const res = await postWebhook(app, { ...body, ...changed }, ws.key);
      expect(res.status, JSON.stringify(changed)).toBe(409);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'message_id' })]);
    }
    const stored = await rows<{ content: string }>(app, 'SELECT content FROM messages WHERE workspace_id = $1 AND external_id = $2', [ws.id, body.message_id]);
    expect(stored).toEqual([{ content: 'first version' }]);
  });

  test('lets two workspaces use the same message_id independently', async () => {
    const other = await workspace(app, { name: 'Same ids' });
    await device(app, other, { channel: 'SMS' });
    const a = await postWebhook(app, valid({ message_id: 'shared-id' }), ws.key);
    const b = await postWebhook(app, { ...valid(), location_id: other.locationId, message_id: 'shared-id' }, other.key);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.messageId).not.toBe(b.body.messageId);
  });
});

describe('rate limits per API key', () => {
  test('answers 429 with Retry-After and RateLimit headers once the key used its requests for the minute, and GraphQL answers RATE_LIMITED', async () => {
    await startOfRateWindow(15);
    const limited = await apiKey(app, ws.id, 5);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await postWebhook(app, valid(), limited));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('5');
    expect(answers[0]!.headers.get('ratelimit-remaining')).toBe('4');
    expect(answers[4]!.headers.get('ratelimit-remaining')).toBe('0');
    const refused = answers[5]!;
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('5');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBe(retryAfter);
    expect(typeof refused.body.error).toBe('string');

    const gql = await execute(app.url, DoorMessages, {}, { key: limited });
    expect(codeOf(gql)).toBe('RATE_LIMITED');
    expect(gql.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // Other keys, even of the same workspace, keep their own budget.
    expect((await postWebhook(app, valid(), ws.key)).status).toBe(200);
    expect(codeOf(await execute(app.url, DoorMessages, {}, { key: ws.key }))).toBeUndefined();
  });

  test('counts GraphQL and REST requests of one key together', async () => {
    await startOfRateWindow(15);
    const limited = await apiKey(app, ws.id, 3);
    for (let i = 0; i < 3; i++) expect(codeOf(await execute(app.url, DoorMessages, {}, { key: limited }))).toBeUndefined();
    expect((await postWebhook(app, valid(), limited)).status).toBe(429);
  });
});
