import { describe, expect } from 'vitest';
import type { TestApp } from './support/app.ts';
import { appTest } from './support/context.ts';
import { device, phone, postWebhook, workspace, type Workspace } from './support/fixtures.ts';
import { contactWrites, createIntegration, simDevice, startIntegration } from './support/live-chat.ts';
import { messageReaches } from './support/messaging.ts';
import type { Receiver } from './support/receiver.ts';

/**
 * A corpus of hostile and malformed requests to every REST door: NUL characters, lone surrogates,
 * deep nesting, duplicate keys, wrong types, huge numbers, odd timestamps and odd content types. No
 * request may answer 5xx (that would be our bug); a request the caller can fix is answered 400 in
 * the door's own error shape, naming the field; and the server serves normal requests afterwards.
 */

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
let dev: { id: string; address: string; token: string };
let sentMessageId: string;
let integrationId: string;
let chatPhone: string;
let connection: string;

test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app, { name: 'Hostile inputs' });
  // A device that reports nothing on its own after SENT, so status reports have a message to move.
  dev = await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000 } });
  const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'status me', message_id: 'hostile-sent', channel: 'sms' }, ws.key);
  sentMessageId = sent.body.messageId;
  await messageReaches(app, sentMessageId, 'SENT');

  const chatDevice = await simDevice(app, ws, { address: String(141_600 + (process.pid % 300)) });
  const integration = await createIntegration(app, ws, { alias: 'Hostile chat', url: `${receiver.url}/bot`, connectionIds: [chatDevice.id] });
  const started = await startIntegration(app, ws, integration.id);
  integrationId = integration.id;
  connection = started.integration.connections[0]!.id;
  chatPhone = phone();
  await contactWrites(app, ws, chatDevice.id, chatPhone, 'hello');
});

type Door = {
  name: string;
  path: () => string;
  headers: () => Record<string, string>;
  /** A body the door accepts. */
  valid: () => Record<string, unknown>;
  /** Where a door with ids in its path takes them: the field name, then a path with that id replaced. */
  pathIds: [string, (id: string) => string][];
};

let n = 0;
const doors: Door[] = [
  {
    name: 'POST /webhook',
    path: () => '/webhook',
    headers: () => ({ authorization: `Bearer ${ws.key}` }),
    valid: () => ({ location_id: ws.locationId, user_id: '5', phone: phone(), message: 'hello', attachments: [], message_id: `hostile-${++n}`, channel: 'sms' }),
    pathIds: [],
  },
  {
    name: 'POST /devices/{id}/inbound',
    path: () => `/devices/${dev.id}/inbound`,
    headers: () => ({ authorization: `Bearer ${dev.token}` }),
    valid: () => ({ from: phone(), message: 'hi', attachments: [], id: `gw-${++n}`, type: 'text', timestamp: new Date(Date.now() - 60_000).toISOString() }),
    pathIds: [['id', (id) => `/devices/${id}/inbound`]],
  },
  {
    name: 'POST /devices/{id}/status',
    path: () => `/devices/${dev.id}/status`,
    headers: () => ({ authorization: `Bearer ${dev.token}` }),
    valid: () => ({ messageId: sentMessageId, status: 'sent', rawStatus: 'ACCEPTD', errorCode: 'none', error: 'none', eventId: `ev-${++n}`, timestamp: new Date().toISOString() }),
    pathIds: [['id', (id) => `/devices/${id}/status`]],
  },
  {
    name: 'POST /integrations/live-chat/{id}/chats/{chat}/events',
    path: () => `/integrations/live-chat/${integrationId}/chats/${chatPhone.slice(1)}/events`,
    headers: () => ({ authorization: `Bearer ${ws.key}`, 'idempotency-key': `lc-${++n}` }),
    valid: () => ({ type: 'MESSAGE', channel: { type: 'SMS', connection }, msg: 'a reply' }),
    pathIds: [
      ['integrationId', (id) => `/integrations/live-chat/${id}/chats/${chatPhone.slice(1)}/events`],
      ['chatIdentifier', (id) => `/integrations/live-chat/${integrationId}/chats/${id}/events`],
    ],
  },
];

type Answer = { status: number; body: any; text: string };

async function send(door: Door, o: { path?: string; body: unknown; headers?: Record<string, string> }): Promise<Answer> {
  const res = await fetch(`${app.url}${o.path ?? door.path()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...door.headers(), ...o.headers },
    body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** Every string in a body, by its dotted path. */
function stringFields(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringFields(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringFields(v, [...path, k]));
  return [];
}

function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = value;
  return copy;
}

/** 400 in the door's error shape, naming one of `fields` (or a field under it). */
function expectRefused(door: Door, res: Answer, fields: string[]) {
  expect(res.status, res.text).toBe(400);
  if (door.name === 'POST /webhook') expect(res.body.error).toBe('Invalid payload');
  else expect(res.body.code).toBe('BAD_USER_INPUT');
  const named = (res.body.details as { field: string; message: string }[]).map((d) => d.field);
  expect(
    named.some((f) => fields.some((want) => f === want || f.startsWith(`${want}.`))),
    `expected one of ${fields.join(', ')} named in ${res.text}`,
  ).toBe(true);
}

const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';

describe.each(doors)('$name', (door) => {
  test('accepts its valid body (the baseline the corpus varies)', async () => {
    const res = await send(door, { body: door.valid() });
    expect(res.status, res.text).toBeLessThan(300);
  });

  test('refuses a NUL character in every string field with 400 naming the field', async () => {
    for (const path of stringFields(door.valid())) {
      expectRefused(door, await send(door, { body: withValue(door.valid(), path, NUL) }), [path.join('.')]);
    }
  });

  test('refuses %00 as a path id with 400 naming it', async () => {
    for (const [field, pathWith] of door.pathIds) expectRefused(door, await send(door, { path: pathWith('%00'), body: door.valid() }), [field]);
  });

  test('refuses a lone surrogate in every string field with 400 naming the field', async () => {
    for (const path of stringFields(door.valid())) {
      // JSON.stringify writes a lone surrogate as the escape `\ud800`, as a hostile client would.
      expectRefused(door, await send(door, { body: withValue(door.valid(), path, LONE_SURROGATE) }), [path.join('.'), 'body']);
    }
  });

  test('refuses JSON nested 10,000 deep, as the body or in a field, with 400', async () => {
    // A body that is itself an array is named by its path of indexes.
    expectRefused(door, await send(door, { body: DEEP }), ['body', '0']);
    const [first] = Object.keys(door.valid());
    const nested = JSON.stringify(door.valid()).replace(/}$/, `,"deep":${DEEP}}`);
    expectRefused(door, await send(door, { body: nested }), ['body', 'deep', first!]);
  });

  test('refuses a body with a duplicated key with 400 naming the key', async () => {
    const body = door.valid();
    const [key, value] = Object.entries(body).find(([, v]) => typeof v === 'string')!;
    const text = JSON.stringify(body).replace(/^{/, `{${JSON.stringify(key)}:${JSON.stringify(`${value as string}-other`)},`);
    expectRefused(door, await send(door, { body: text }), [key, 'body']);
  });

  test('answers malformed shapes, wrong types and huge numbers with a 4xx, never a 5xx', async () => {
    const valid = door.valid();
    const bodies: unknown[] = [
      '',
      'null',
      '[]',
      '"a string"',
      '123',
      '1e400',
      '{"a":',
      '\u00ff\u00fe{}',
      `{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`,
      { ...valid, extra: 'x'.repeat(100_000) },
    ];
    for (const [key, value] of Object.entries(valid)) {
      for (const wrong of [null, 1, -1, 1e308, 12345678901234567890123, true, [], {}, [value], { value }, 'x'.repeat(50_000)]) {
        bodies.push({ ...valid, [key]: wrong });
      }
      bodies.push(JSON.stringify({ ...valid, [key]: 0 }).replace(/:0([,}])/, ':1e999$1'));
    }
    for (const body of bodies) {
      const res = await send(door, { body });
      expect(res.status, `${JSON.stringify(body).slice(0, 200)} → ${res.text}`).toBeLessThan(500);
    }
  });

  test('refuses a body over 1 MB naming the body, and other content types with a 4xx', async () => {
    expectRefused(door, await send(door, { body: JSON.stringify({ ...door.valid(), pad: 'x'.repeat(1_100_000) }) }), ['body']);
    const form = new URLSearchParams(Object.entries(door.valid()).map(([k, v]) => [k, String(v)])).toString();
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', form],
      ['text/plain', 'hello'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
    ] as const) {
      const res = await send(door, { body, headers: { 'content-type': type } });
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
    }
  });

  test('answers odd path ids with a 4xx, never a 5xx', async () => {
    for (const [, pathWith] of door.pathIds) {
      for (const id of ['x'.repeat(10_000), '%E2%82%AC', '%ED%A0%80', '%ZZ', '..', '%2F', '%20', '%0A', ' '.repeat(3).replaceAll(' ', '%09')]) {
        const res = await send(door, { path: pathWith(id), body: door.valid() });
        expect(res.status, `${id} → ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${id} → ${res.text}`).toBeLessThan(500);
      }
    }
  });
});

describe('device reports with odd timestamps', () => {
  const odd = ['0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00Z', 'yesterday', '1700000000'];
  for (const door of doors.filter((d) => d.name.startsWith('POST /devices'))) {
    test(`${door.name} refuses each with 400 naming timestamp`, async () => {
      for (const timestamp of odd) expectRefused(door, await send(door, { body: { ...door.valid(), timestamp } }), ['timestamp']);
      for (const timestamp of [0, 1e300, -1]) expectRefused(door, await send(door, { body: { ...door.valid(), timestamp } }), ['timestamp']);
    });
  }
});

describe('after the corpus', () => {
  test('the server still answers normal requests on every door', async () => {
    for (const door of doors) {
      const res = await send(door, { body: door.valid() });
      expect(res.status, `${door.name}: ${res.text}`).toBeLessThan(300);
    }
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});

describe('a path with broken percent-encoding', () => {
  test('is a 400, not a server error', async () => {
    const res = await fetch(`${app.url}/devices/%E0%A4%A/inbound`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
  });
});
