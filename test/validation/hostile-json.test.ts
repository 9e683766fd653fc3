import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, rawGraphQL } from '../support/graphql.ts';
import { createIntegration, LcUpdateDevice } from '../support/live-chat.ts';
import { rows } from '../support/messaging.ts';

/**
 * JSON that is valid but hostile: nested thousands of levels deep, holding a lone UTF-16
 * surrogate PostgreSQL cannot store, or giving a key twice. Each is refused with 400 (REST) or
 * BAD_USER_INPUT (GraphQL) naming the field and the rule, and the server keeps answering.
 */

const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

const test = appTest();
let app: TestApp;
let ws: Workspace;
let sms: { id: string; token: string };
let integrationId: string;
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app, { name: 'Hostile JSON' });
  sms = await device(app, ws, { channel: 'SMS' });
  integrationId = (await createIntegration(app, ws, { url: 'https://crm.example/live-chat' })).id;
});

type Door = { name: string; path: () => string; token: () => string };
const doors: Door[] = [
  { name: 'POST /webhook', path: () => '/webhook', token: () => ws.key },
  { name: 'POST /devices/{id}/inbound', path: () => `/devices/${sms.id}/inbound`, token: () => sms.token },
  { name: 'POST /devices/{id}/status', path: () => `/devices/${sms.id}/status`, token: () => sms.token },
  { name: 'the live-chat response endpoint', path: () => `/integrations/live-chat/${integrationId}/chats/${encodeURIComponent(phone())}/events`, token: () => ws.key },
];

async function post(path: string, body: string, token: string) {
  const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: res.status, body: (await res.json()) as { details?: { field: string; message: string }[] } };
}

let ids = 0;
const uid = () => `hostile-${++ids}`;
const messageCount = async () => Number((await rows<{ n: string }>(app, 'SELECT count(*) AS n FROM messages'))[0]!.n);

describe('deep nesting', () => {
  test.each(doors)('$name refuses a body nested 10,000 levels deep with 400 naming the nesting rule', async (door) => {
    const r = await post(door.path(), DEEP, door.token());
    expect(r.status).toBe(400);
    expect(r.body.details![0]!.message).toMatch(/must not nest objects and arrays more than 32 levels deep/);
    // The field is the path down to where the limit was passed, never the whole 10,000 levels.
    expect(r.body.details![0]!.field).toBe(Array(32).fill('0').join('.'));
  });

  test('a deep value inside a field is named by its path', async () => {
    const nested = `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message":"hi","message_id":"${uid()}","attachments":${DEEP}}`;
    const r = await post('/webhook', nested, ws.key);
    expect(r.status).toBe(400);
    expect(r.body.details![0]!.field).toMatch(/^attachments(\.0){31}$/);
  });

  test('updateDevice.config nested 10,000 levels deep is BAD_USER_INPUT naming config, and the API still answers', async () => {
    // Written by hand: JSON.stringify itself cannot go 10,000 levels deep.
    const body = `{"query":${JSON.stringify(LcUpdateDevice.toString())},"variables":{"input":{"id":"${sms.id}","config":${DEEP}}}}`;
    const r = await rawGraphQL(app.url, body, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const detail = r.errors![0]!.extensions!.details![0]!;
    expect(detail.field).toMatch(/^config(\.0)+$/);
    expect(detail.message).toMatch(/must not nest objects and arrays more than 32 levels deep/);
    const healthy = await execute(app.url, LcUpdateDevice, { input: { id: sms.id, config: { deliveredAfterMs: 0, readAfterMs: 0 } } }, { key: ws.key });
    expect(healthy.errors).toBeUndefined();
  });
});

describe('lone surrogates', () => {
  // Each body is otherwise valid: only the one field holds "\ud800", which PostgreSQL cannot store.
  const cases: { name: string; path: () => string; token: () => string; body: () => string; field: string }[] = [
    { name: 'message on /webhook', path: () => '/webhook', token: () => ws.key, field: 'message', body: () => `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message":"hi \\ud800","message_id":"${uid()}"}` },
    { name: 'message_id on /webhook', path: () => '/webhook', token: () => ws.key, field: 'message_id', body: () => `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message":"hi","message_id":"m-\\ud800"}` },
    { name: 'user_id on /webhook', path: () => '/webhook', token: () => ws.key, field: 'user_id', body: () => `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message":"hi","message_id":"${uid()}","user_id":"\\udfff"}` },
    { name: 'an inbound id', path: () => `/devices/${sms.id}/inbound`, token: () => sms.token, field: 'id', body: () => `{"from":"${phone()}","message":"hi","id":"in-\\ud800"}` },
    { name: 'a live-chat msg', path: () => doors[3]!.path(), token: () => ws.key, field: 'msg', body: () => `{"type":"MESSAGE","channel":{"type":"SMS","connection":"x"},"msg":"\\ud83d reply"}` },
  ];
  test.each(cases)('$name is refused with 400 naming the field as not valid Unicode, and nothing is stored', async (c) => {
    const before = await messageCount();
    const r = await post(c.path(), c.body(), c.token());
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: c.field, message: expect.stringMatching(/must be valid Unicode/) }]);
    expect(await messageCount()).toBe(before);
  });

  test('a surrogate pair (an emoji written as \\ud83d\\ude00) is accepted', async () => {
    const r = await post('/webhook', `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message":"hi \\ud83d\\ude00","message_id":"${uid()}"}`, ws.key);
    expect(r.status).toBe(200);
  });
});

describe('duplicate keys', () => {
  test('a REST body giving a key twice is refused with 400 naming the key, instead of keeping the last', async () => {
    const before = await messageCount();
    const r = await post('/webhook', `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message_id":"${uid()}","message":"pay 10","message":"pay 1000"}`, ws.key);
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'message', message: expect.stringMatching(/given more than once/) }]);
    expect(await messageCount()).toBe(before);
  });

  test('a key written once plainly and once with escapes is the same key, and a nested duplicate is named by its path', async () => {
    const escaped = await post('/webhook', `{"location_id":"${ws.locationId}","phone":"${phone()}","channel":"sms","message_id":"${uid()}","message":"a","mess\\u0061ge":"b"}`, ws.key);
    expect(escaped.body.details).toEqual([{ field: 'message', message: expect.stringMatching(/given more than once/) }]);
    const nested = await post(doors[3]!.path(), '{"type":"MESSAGE","channel":{"type":"SMS","type":"WHATSAPP","connection":"x"},"msg":"hi"}', ws.key);
    expect(nested.status).toBe(400);
    expect(nested.body.details).toEqual([{ field: 'channel.type', message: expect.stringMatching(/given more than once/) }]);
  });

  test('key-like text inside a string (quotes, brackets) is no key and no nesting', async () => {
    const r = await post(`/devices/${sms.id}/inbound`, `{"from":"${phone()}","message":"{\\"from\\":1, \\"message\\": [\\"]\\"]}","id":"${uid()}"}`, sms.token);
    expect(r.status).toBe(201);
  });
});
