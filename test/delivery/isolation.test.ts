import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, deliveries, waitForDeliveries } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import type { Receiver } from '../support/receiver.ts';

/** How quickly events reach targets, and that one slow target cannot hold up another (at most 4 requests in flight per target here). */

// Latency is measured in wall-clock time: the workers on their own thread, as deployed.
const test = appTest({ SWITCHBOARD_TARGET_CONCURRENCY: '4', SWITCHBOARD_WORKER_THREAD: 'true' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('delivery speed', () => {
  test('a slow target does not hold up deliveries to another target, and gets at most its cap of requests at once', async () => {
    const SLOW_MS = 7_000;
    const ws = await workspace(app);
    const slow = await webhook(app, ws, { url: `${receiver.url}/slow`, event: 'NEW_CLIENT' });
    const fast = await webhook(app, ws, { url: `${receiver.url}/fast`, event: 'NEW_CLIENT' });
    receiver.respond((req) => (req.path === '/slow' ? { status: 200, delayMs: SLOW_MS } : undefined));
    const N = 8;
    const created: { id: string; at: number }[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const c = await createClient(app, ws, { phone: phone(), name: `burst ${i}` });
        created.push({ id: c.id, at: Date.now() });
      }),
    );
    const fastRequests = await receiver.waitForCount('/fast', N, SLOW_MS);
    // Every fast delivery arrived while the slow target was still sitting on its first requests.
    expect(Math.max(...fastRequests.map((r) => r.at))).toBeLessThan(started + SLOW_MS - 2_000);
    for (const c of created) {
      const r = fastRequests.find((f) => f.json.id === c.id)!;
      expect(r.at - c.at).toBeLessThan(4_000);
    }
    expect(receiver.on('/slow')).toHaveLength(0);
    // The slow target still gets every event.
    await waitForDeliveries(app, ws, { webhookId: slow.id }, (n) => n.length === N && n.every((d) => d.status === 'SUCCEEDED'), 25_000);
    const slowArrivals = receiver.on('/slow').map((r) => r.at);
    expect(slowArrivals).toHaveLength(N);
    const overlapping = Math.max(...slowArrivals.map((t) => slowArrivals.filter((u) => u <= t && t < u + SLOW_MS - 50).length));
    expect(overlapping).toBeLessThanOrEqual(4);
    expect((await deliveries(app, ws, { webhookId: fast.id, status: 'SUCCEEDED' })).totalCount).toBe(N);
  }, 40_000);

  test('every event of a burst reaches its subscriber within a second', async ({ ws }) => {
    await webhook(app, ws, { url: `${receiver.url}/prompt`, event: 'NEW_CLIENT' });
    const created: { id: string; at: number }[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const c = await createClient(app, ws, { phone: phone(), name: `prompt ${i}` });
        created.push({ id: c.id, at: Date.now() });
      }),
    );
    const requests = await receiver.waitForCount('/prompt', 12, 10_000);
    const latencies = created.map((c) => requests.find((r) => r.json.id === c.id)!.at - c.at);
    expect(Math.max(...latencies), `latencies: ${latencies.join(', ')} ms`).toBeLessThan(1_000);
  });

  test("slow endpoints of other workspaces do not delay this workspace's webhooks", async () => {
    const SLOW_MS = 8_000;
    receiver.respond((req) => (req.path.startsWith('/tenant-slow-') ? { status: 200, delayMs: SLOW_MS } : undefined));
    // Ten tenants whose endpoints hang, each with a few events in flight (4 per target here).
    const tenants = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const ws = await workspace(app);
        await webhook(app, ws, { url: `${receiver.url}/tenant-slow-${i}`, event: 'NEW_CLIENT' });
        return ws;
      }),
    );
    const ws = await workspace(app);
    await webhook(app, ws, { url: `${receiver.url}/tenant-fast`, event: 'NEW_CLIENT' });

    const started = Date.now();
    await Promise.all(tenants.flatMap((t) => Array.from({ length: 4 }, () => createClient(app, t, { phone: phone() }))));
    await new Promise((r) => setTimeout(r, 500));
    const created: { id: string; at: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await createClient(app, ws, { phone: phone() });
      created.push({ id: c.id, at: Date.now() });
    }
    const fast = await receiver.waitForCount('/tenant-fast', 3, 20_000);
    const latencies = created.map((c) => fast.find((r) => r.json.id === c.id)!.at - c.at);
    expect(Math.max(...latencies), `latencies ${latencies.join(', ')} ms; slow tenants answer after ${SLOW_MS} ms`).toBeLessThan(4_000);
    expect(Math.max(...fast.map((r) => r.at))).toBeLessThan(started + SLOW_MS);
  }, 40_000);
});

describe('a hostile answer', () => {
  test("a receiver answering with a NUL byte is recorded, and other tenants' deliveries are not held up", async () => {
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
});
