import { describe, expect } from 'vitest';
import { removeOldDeliveries } from '../../src/delivery/retention.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, deliveries, waitForDeliveries } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';

/** The housekeeping job keeps the delivery log for SWITCHBOARD_DELIVERY_RETENTION_DAYS (3 here). */

const test = appTest({ SWITCHBOARD_DELIVERY_RETENTION_DAYS: '3' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('delivery log retention', () => {
  test('finished deliveries older than the retention period are removed with their attempts; ones still waiting to be retried stay', async ({ ws }) => {
    const ok = await webhook(app, ws, { url: `${receiver.url}/kept-ok`, event: 'NEW_CLIENT' });
    const waiting = await webhook(app, ws, { url: `${receiver.url}/kept-waiting`, event: 'NEW_CLIENT' });
    receiver.respond((req) => (req.path === '/kept-waiting' ? { status: 503, headers: { 'retry-after': '86400' } } : undefined));
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, {}, (n) => n.length === 2 && n.every((d) => d.attemptCount === 1));

    // Two days later nothing is old enough.
    expect(await removeOldDeliveries(app.rt, new Date(Date.now() + 2 * 86_400_000))).toBe(0);
    expect((await deliveries(app, ws, {})).totalCount).toBe(2);

    // Four days later the finished one goes, with its attempts; the one with a retry ahead stays.
    expect(await removeOldDeliveries(app.rt, new Date(Date.now() + 4 * 86_400_000))).toBe(1);
    expect((await deliveries(app, ws, { webhookId: ok.id })).totalCount).toBe(0);
    expect((await deliveries(app, ws, { webhookId: waiting.id })).totalCount).toBe(1);
    const { rows } = await app.rt.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attempts a WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id)',
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('parked deliveries', () => {
  test('are kept for a disabled target, however old', async () => {
    const ws = await workspace(app);
    const hook = await webhook(app, ws, { url: `${receiver.url}/parked-old`, event: 'NEW_CLIENT' });
    await app.rt.pool.query(`UPDATE targets SET enabled = false WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)`, [hook.id]);
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, {}, (ds) => ds.length === 1 && ds[0]!.nextAttemptAt === null);
    await app.rt.pool.query(`UPDATE deliveries SET created_at = now() - interval '400 days' WHERE workspace_id = $1`, [ws.id]);
    await removeOldDeliveries(app.rt);
    expect(await rows(app, 'SELECT id FROM deliveries WHERE workspace_id = $1', [ws.id])).toHaveLength(1);
  });
});
