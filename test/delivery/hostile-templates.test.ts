import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, waitForDeliveries } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';

/**
 * One tenant's target template must never reach into another's deliveries. A body field key like
 * `__proto__.statusAt` once set Object.prototype.statusAt in the worker: every other workspace's
 * `timestamp` changed, and a non-date value made every delivery of every tenant fail.
 */

const test = appTest();
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

const CREATE = `mutation ($input: WebhookCreateInput!) { createWebhook(input: $input) { id } }`;

describe('hostile keys are refused when configured', () => {
  test.each([
    ['a body field key through __proto__', { bodyFields: [{ key: '__proto__.statusAt', value: 'x' }] }, 'bodyFields.0.key'],
    ['a body field key through constructor.prototype', { bodyFields: [{ key: 'a.constructor.prototype.x', value: 'x' }] }, 'bodyFields.0.key'],
    ['an array body field named __proto__', { bodyFields: [{ key: 'list.__proto__[]', value: 'x' }] }, 'bodyFields.0.key'],
    ['a header named __proto__ (list form)', { headers: [{ key: '__proto__', value: 'x' }] }, 'headers'],
    ['a header named __proto__ (object form)', { headers: JSON.parse('{"__proto__": "x"}') as unknown }, 'headers'],
    ['an API key header named constructor', { auth: { type: 'API_KEY', headerName: 'Constructor', value: 'k' } }, 'auth.headerName'],
  ])('%s is BAD_USER_INPUT naming the field', async (_name, over, field) => {
    const ws = await workspace(app);
    const input = { workspaceId: ws.id, label: 'hostile', url: 'https://crm.example/in', event: 'NEW_CLIENT', sendTestPing: false, ...over };
    const r = await rawGraphQL(app.url, { query: CREATE, variables: { input } }, { key: ws.key });
    expect(codeOf(r), JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details![0]!.field.startsWith(field), JSON.stringify(r.errors)).toBe(true);
    expect(r.errors![0]!.message).toMatch(/__proto__/);
  });
});

describe('a hostile template stored in the database (validation bypassed)', () => {
  /** Workspace A's webhook, with its body fields then overwritten in the database directly. */
  async function hostileTenant(path: string, value: string): Promise<Workspace> {
    const a = await workspace(app, { name: 'Hostile tenant' });
    const hook = await webhook(app, a, { url: `${receiver.url}${path}`, event: 'NEW_CLIENT', bodyFields: [{ key: 'placeholder', value: 'x' }] });
    await app.rt.pool.query(`UPDATE targets SET body_fields = $2::jsonb WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)`, [
      hook.id,
      JSON.stringify([{ key: '__proto__.statusAt', type: 'TEXT', value }, { key: 'constructor.prototype.statusAt', type: 'TEXT', value }]),
    ]);
    return a;
  }

  /** Workspace B's webhook, whose body carries the `timestamp` variable. */
  async function victim(path: string): Promise<Workspace> {
    const b = await workspace(app, { name: 'Victim tenant' });
    await webhook(app, b, { url: `${receiver.url}${path}`, event: 'NEW_CLIENT', bodyFields: [{ key: 'at', type: 'VARIABLE', value: '{{timestamp}}' }] });
    return b;
  }

  test("cannot change another workspace's timestamp", async () => {
    const a = await hostileTenant('/hostile/date', '1999-12-31T23:59:59.000Z');
    const b = await victim('/victim/date');
    await createClient(app, a, { phone: phone() });
    const [hostile] = await receiver.waitForCount('/hostile/date', 1);
    const before = Date.now();
    await createClient(app, b, { phone: phone() });
    const [sent] = await receiver.waitForCount('/victim/date', 1);
    expect(Date.parse(sent!.json.at)).toBeGreaterThanOrEqual(before - 1000);
    // A itself gets the keys it configured, as plain data.
    expect(hostile!.body).toBe('{"__proto__":{"statusAt":"1999-12-31T23:59:59.000Z"},"constructor":{"prototype":{"statusAt":"1999-12-31T23:59:59.000Z"}}}');
  });

  test("cannot stop another workspace's deliveries with a value that is not a date", async () => {
    const a = await hostileTenant('/hostile/stop', 'not a date');
    const b = await victim('/victim/stop');
    await createClient(app, a, { phone: phone() });
    await waitForDeliveries(app, a, {}, (n) => n.length === 1 && n[0]!.status === 'SUCCEEDED');
    await createClient(app, b, { phone: phone() });
    const [delivered] = await waitForDeliveries(app, b, {}, (n) => n.length === 1 && n[0]!.status !== 'PENDING');
    expect(delivered!.status).toBe('SUCCEEDED');
    expect(receiver.on('/victim/stop')).toHaveLength(1);
  });
});
