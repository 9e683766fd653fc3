import { describe, expect } from 'vitest';
import { RESUME_ON_RECOVERY } from '../../src/delivery/delivery-policy.ts';
import { resumeStrandedDeliveries } from '../../src/delivery/resume-stranded.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, waitForDeliveries, webhookState, type DeliveryNode } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import type { Receiver } from '../support/receiver.ts';

/**
 * A receiver that is down for a while, then back: its waiting deliveries go as soon as it answers
 * again, not at their scheduled retries. The schedule here waits 10 minutes after a failure, far
 * longer than any wait of this file, so a delivery that arrives came early.
 */

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '600' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

/** A webhook on `path` whose receiver answers 503 until `recover()`; `waiting` deliveries have failed once meanwhile. */
async function outage(path: string, waiting: number) {
  const ws = await workspace(app);
  const hook = await webhook(app, ws, { url: `${receiver.url}${path}`, event: 'NEW_CLIENT' });
  let down = true;
  receiver.respond((req) => (req.path === path && down ? { status: 503, body: 'down for maintenance' } : undefined));
  for (let i = 0; i < waiting; i += 10) await Promise.all(Array.from({ length: Math.min(10, waiting - i) }, () => createClient(app, ws, { phone: phone() })));
  const failed = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === waiting && n.every((d) => d.attemptCount === 1 && d.nextAttemptAt !== null));
  return {
    ws,
    hook,
    /** Each delivery's retry as scheduled when the receiver was down. */
    scheduled: new Map(failed.map((d) => [d.id, Date.parse(d.nextAttemptAt!)])),
    recover: () => {
      down = false;
    },
  };
}

const startedAt = (d: DeliveryNode, n: number) => Date.parse(d.attempts.find((a) => a.number === n)!.startedAt);

describe('a target that answers again after failing', () => {
  test('gets its waiting deliveries at once instead of at their retries minutes later, each attempt logged', async () => {
    const { ws, hook, scheduled, recover } = await outage('/outage', 20);
    for (const at of scheduled.values()) expect(at).toBeGreaterThan(Date.now() + 7 * 60_000);
    expect((await webhookState(app, ws, hook.id)).failingSince).not.toBeNull();

    recover();
    // A new event is the first request the receiver answers 2xx: the target has recovered.
    await createClient(app, ws, { phone: phone() });
    const after = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === 21 && n.every((d) => d.status === 'SUCCEEDED'), 60_000);

    for (const d of after.filter((d) => scheduled.has(d.id))) {
      expect(d.attempts.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([
        [1, 'SCHEDULED', 503],
        [2, 'SCHEDULED', 200],
      ]);
      expect(startedAt(d, 2)).toBeLessThan(scheduled.get(d.id)!);
    }
    expect((await webhookState(app, ws, hook.id)).failingSince).toBeNull();
    // Each event reached the receiver once more, with its own id: nothing was sent twice.
    const ok = receiver.on('/outage').filter((r) => r.json?.event === 'NEW_CLIENT').slice(-21);
    expect(new Set(ok.map((r) => r.headers['webhook-id'])).size).toBe(21);
  });

  test(`spreads them out, at most ${RESUME_ON_RECOVERY.perSecond} a second, so the receiver that just came back is not flooded`, async () => {
    const count = RESUME_ON_RECOVERY.perSecond + 30;
    const { ws, hook, scheduled, recover } = await outage('/outage-many', count);
    recover();
    await createClient(app, ws, { phone: phone() });
    const after = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === count + 1 && n.every((d) => d.status === 'SUCCEEDED'), 60_000);
    const trigger = after.find((d) => !scheduled.has(d.id))!;
    const resumed = after.filter((d) => scheduled.has(d.id));
    for (const d of resumed) expect(startedAt(d, 2)).toBeLessThan(scheduled.get(d.id)!);
    // The recovery was noticed once the trigger's attempt was recorded, so its start bounds the first second from below.
    const inFirstSecond = resumed.filter((d) => startedAt(d, 2) < startedAt(trigger, 1) + 1000);
    expect(inFirstSecond.length).toBeLessThanOrEqual(RESUME_ON_RECOVERY.perSecond);
  });
});

describe('a delivery whose job was lost', () => {
  test('is sent by the stranded-delivery sweep', async () => {
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
});
