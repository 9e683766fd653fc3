import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminKey } from '../src/auth/api-keys.ts';
import { resumeStrandedDeliveries } from '../src/delivery/resume-stranded.ts';
import { removeOldDeliveries } from '../src/delivery/retention.ts';
import { QueueListener } from '../src/jobs/queue-listener.ts';
import { createLogger } from '../src/log.ts';
import { graphql } from './gql/gql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { createClient, waitForDeliveries } from './support/delivery-helpers.ts';
import { device, phone, postWebhook, webhook, workspace } from './support/fixtures.ts';
import { codeOf, execute, rawGraphQL } from './support/graphql.ts';
import { freePort } from './support/ports.ts';
import { messageOf, messageReaches, rows } from './support/messaging.ts';
import { Receiver } from './support/receiver.ts';
import { sleep } from './support/wait.ts';

const RrKey = graphql(`
  mutation RrKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
    }
  }
`);

let app: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  app = await startTestApp();
  receiver = await Receiver.start();
});
afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
  await app?.dropDatabase();
});

async function statusReport(deviceId: string, token: string, body: unknown) {
  const res = await fetch(`${app.url}/devices/${deviceId}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return res.status;
}

async function sentMessage(ws: Awaited<ReturnType<typeof workspace>>, messageId: string) {
  const r = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: messageId, channel: 'sms' }, ws.key);
  expect(r.status).toBe(200);
  return messageReaches(app, r.body.messageId, 'SENT');
}

describe('tenant isolation of device reports', () => {
  it("a device cannot change another workspace's message by its id", async () => {
    const a = await workspace(app);
    const b = await workspace(app);
    const devA = await device(app, a, { config: { deliveredAfterMs: 3_600_000 } });
    await device(app, b, { config: { deliveredAfterMs: 3_600_000 } });
    const victim = await sentMessage(b, 'victim-1');
    expect(await statusReport(devA.id, devA.token, { messageId: victim.id, status: 'failed', errorCode: 'evil' })).toBe(404);
    expect(await messageOf(app, victim.id)).toMatchObject({ status: 'SENT', errorCode: null });
  });

  it('a report that matched nothing is not remembered, so the device can send it again later', async () => {
    const ws = await workspace(app);
    const dev = await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } });
    const m = await sentMessage(ws, 'late-report-1');
    expect(await statusReport(dev.id, dev.token, { providerMessageId: 'not-yet-known', status: 'delivered', eventId: 'evt-1' })).toBe(404);
    expect(await statusReport(dev.id, dev.token, { providerMessageId: m.providerMessageId, status: 'delivered', eventId: 'evt-1' })).toBe(200);
    await messageReaches(app, m.id, 'DELIVERED');
  });
});

describe('delivery robustness', () => {
  it("a receiver answering with a NUL byte is recorded, and other tenants' deliveries are not held up", async () => {
    receiver.respond((req) => (req.path === '/nul' ? { status: 200, body: 'ok\u0000done' } : undefined));
    const bad = await workspace(app);
    const good = await workspace(app);
    await webhook(app, bad, { url: `${receiver.url}/nul`, event: 'NEW_CLIENT' });
    await webhook(app, good, { url: `${receiver.url}/good`, event: 'NEW_CLIENT' });
    await Promise.all([createClient(app, bad, { phone: phone() }), createClient(app, good, { phone: phone() })]);
    const [badDelivery] = await waitForDeliveries(app, bad, {}, (ds) => ds.some((d) => d.status === 'SUCCEEDED'));
    await waitForDeliveries(app, good, {}, (ds) => ds.some((d) => d.status === 'SUCCEEDED'));
    expect(badDelivery!.attempts[0]!.responseBody).toBe('okdone');
    expect(receiver.on('/good')).toHaveLength(1);
  });

  it('a pending delivery whose job was lost is sent by the stranded-delivery sweep', async () => {
    const ws = await workspace(app);
    const hook = await webhook(app, ws, { url: `${receiver.url}/stranded`, event: 'NEW_CLIENT' });
    await app.rt.pool.query(`UPDATE targets SET enabled = false WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)`, [hook.id]);
    await createClient(app, ws, { phone: phone() });
    // The delivery is parked for the disabled target; enabling the target behind the API's back
    // leaves it without a job, as a crash at the wrong moment would.
    await waitForDeliveries(app, ws, {}, (ds) => ds.length === 1 && ds[0]!.nextAttemptAt === null);
    await app.rt.pool.query(`UPDATE targets SET enabled = true WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)`, [hook.id]);
    await app.rt.pool.query(`UPDATE deliveries SET updated_at = now() - interval '2 minutes' WHERE workspace_id = $1`, [ws.id]);
    expect(await resumeStrandedDeliveries(app.rt)).toBeGreaterThanOrEqual(1);
    await receiver.waitForCount('/stranded', 1);
  });

  it('retention keeps deliveries parked for a disabled target, however old', async () => {
    const ws = await workspace(app);
    const hook = await webhook(app, ws, { url: `${receiver.url}/parked-old`, event: 'NEW_CLIENT' });
    await app.rt.pool.query(`UPDATE targets SET enabled = false WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)`, [hook.id]);
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, {}, (ds) => ds.length === 1 && ds[0]!.nextAttemptAt === null);
    await app.rt.pool.query(`UPDATE deliveries SET created_at = now() - interval '400 days' WHERE workspace_id = $1`, [ws.id]);
    await removeOldDeliveries(app.rt);
    expect(await rows(app, 'SELECT id FROM deliveries WHERE workspace_id = $1', [ws.id])).toHaveLength(1);
  });

  it('the job notification connection backs off while the database is unreachable', async () => {
    const listener = new QueueListener(`postgresql://nobody:x@127.0.0.1:${await freePort()}/none`, createLogger('silent'));
    let attempts = 0;
    const start = listener.start.bind(listener);
    listener.start = () => {
      attempts++;
      return start();
    };
    await listener.start();
    await sleep(4_000);
    await listener.close();
    // Backing off 1 s, 2 s, 4 s …: a handful of attempts, not thousands.
    expect(attempts).toBeLessThanOrEqual(4);
  });
});

describe('keys and requests', () => {
  it('a workspace key cannot give a key its own rate limit', async () => {
    const ws = await workspace(app);
    const r = await execute(app.url, RrKey, { input: { workspaceId: ws.id, label: 'unlimited', rateLimitPerMinute: 1_000_000 } }, { key: ws.key });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  it('changing SWITCHBOARD_ADMIN_KEY revokes the previous bootstrap key, and shows nothing of it', async () => {
    const first = 'sba_first_bootstrap_key_0123456789';
    const second = 'sba_second_bootstrap_key_987654321';
    await ensureAdminKey(app.rt, first, false);
    await ensureAdminKey(app.rt, second, false);
    const keys = await rows<{ prefix: string; revoked_at: Date | null }>(app, "SELECT prefix, revoked_at FROM api_keys WHERE label = 'bootstrap (SWITCHBOARD_ADMIN_KEY)' ORDER BY created_at");
    expect(keys.filter((k) => k.revoked_at === null)).toHaveLength(1);
    for (const k of keys) expect(first.startsWith(k.prefix) || second.startsWith(k.prefix)).toBe(false);
    expect(codeOf(await rawGraphQL(app.url, { query: '{ apiKeys { totalCount } }' }, { key: first }))).toBe('UNAUTHENTICATED');
    expect((await rawGraphQL(app.url, { query: '{ apiKeys { totalCount } }' }, { key: second })).errors).toBeUndefined();
  });

  it('activating devices without a key is UNAUTHENTICATED', async () => {
    const r = await rawGraphQL(app.url, { query: 'mutation { activateDevices(input: { ids: ["x"] }) { ok } }' }, { key: null });
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
  });

  it('a path with broken percent-encoding is a 400, not a server error', async () => {
    const res = await fetch(`${app.url}/devices/%E0%A4%A/inbound`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
  });
});
