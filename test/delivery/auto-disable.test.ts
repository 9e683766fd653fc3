import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, deliveries, waitForDeliveries, waitForWebhookState, webhookState } from '../support/delivery-helpers.ts';
import { phone, webhook } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';

/** A target whose deliveries all fail for the configured span (2 s here) is disabled with its reason. */

const AdEnable = graphql(`
  mutation AdEnable($input: WebhookIdInput!) {
    enableWebhook(input: $input) {
      id
      enabled
      disabledReason
      failingSince
    }
  }
`);

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1,1,1,1,1,1,1', SWITCHBOARD_DISABLE_FAILING_TARGET_AFTER_SECONDS: '2' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe.concurrent('auto-disable', () => {
  test('a webhook failing for the whole span is disabled with its reason; events wait parked and are delivered once it is enabled', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `${receiver.url}/down`, event: 'NEW_CLIENT' });
    let down = true;
    receiver.respond((req) => (req.path === '/down' && down ? { status: 503, body: 'down for maintenance' } : undefined));

    const first = await createClient(app, ws, { phone: phone(), name: 'first' });
    const disabled = await waitForWebhookState(app, ws, hook.id, (w) => !w.enabled, 20_000);
    expect(disabled.disabledReason).toBe('every delivery failed for 2 seconds');
    expect(disabled.disabledAt).not.toBeNull();
    expect(Date.parse(disabled.disabledAt!) - Date.parse(disabled.failingSince!)).toBeGreaterThanOrEqual(2_000);
    const attemptsWhenDisabled = receiver.on('/down').length;
    expect(attemptsWhenDisabled).toBeGreaterThanOrEqual(2);

    // While disabled: new events and the pending retry wait, and nothing is sent.
    await createClient(app, ws, { phone: phone(), name: 'second' });
    await createClient(app, ws, { phone: phone(), name: 'third' });
    const parked = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === 3 && n.every((d) => d.status === 'PENDING' && d.nextAttemptAt === null), 10_000);
    // Parked means no attempt is scheduled or in flight: an attempt is written after its answer.
    expect(parked).toHaveLength(3);
    expect(receiver.on('/down')).toHaveLength(attemptsWhenDisabled);

    down = false;
    const enabled = (await ok(app.url, AdEnable, { input: { id: hook.id } }, { key: ws.key })).enableWebhook;
    expect(enabled).toEqual({ id: hook.id, enabled: true, disabledReason: null, failingSince: null });
    const done = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === 3 && n.every((d) => d.status === 'SUCCEEDED'), 15_000);
    const delivered = receiver.on('/down').slice(attemptsWhenDisabled);
    expect(delivered.map((r) => r.json.name).sort()).toEqual(['first', 'second', 'third']);
    const firstDelivery = done.find((d) => delivered.find((r) => r.json.id === first.id)!.headers['webhook-id'] === d.eventId)!;
    expect(firstDelivery.attempts.at(-1)!.statusCode).toBe(200);
    expect(firstDelivery.attempts.slice(0, -1).every((a) => a.statusCode === 503)).toBe(true);
  });

  test('a webhook that recovers within the span stays enabled', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `${receiver.url}/blip`, event: 'NEW_CLIENT' });
    receiver.failFirst('/blip', 1, { status: 500 });
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'SUCCEEDED', 10_000);
    expect(await webhookState(app, ws, hook.id)).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, { webhookId: hook.id, status: 'SUCCEEDED' }, (n) => n.length === 2);
    expect((await deliveries(app, ws, { webhookId: hook.id })).totalCount).toBe(2);
  });
});
