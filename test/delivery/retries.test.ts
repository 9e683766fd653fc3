import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, deliveries, waitForDeliveries, webhookState } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { freePort } from '../support/ports.ts';
import type { Receiver } from '../support/receiver.ts';
import { signedWith } from '../support/standard-webhooks.ts';
import { deliveriesSettled, sleep } from '../support/wait.ts';

/**
 * The retry policy against a real receiver, with the schedule shortened to 1 s gaps (±20 % jitter)
 * and the whole-request timeout to 4 s.
 */

const RtReplayWebhook = graphql(`
  mutation RtReplayWebhook($input: WebhookReplayInput!) {
    replayWebhook(input: $input) {
      count
    }
  }
`);

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1,1', SWITCHBOARD_DELIVERY_TIMEOUT_MS: '4000' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

async function subscribe(path: string, extra: Record<string, unknown> = {}): Promise<{ ws: Workspace; hook: { id: string; signingSecret: string } }> {
  const ws = await workspace(app);
  const hook = await webhook(app, ws, { url: `${receiver.url}${path}`, event: 'NEW_CLIENT', ...extra });
  return { ws, hook };
}

// Independent scenarios on their own paths and workspaces: run together to keep the file fast.
describe.concurrent('retries and replay', () => {
  test('a receiver that fails twice then answers 2xx gets the event again until it is delivered, every attempt logged', async () => {
    const { ws, hook } = await subscribe('/flaky');
    receiver.failFirst('/flaky', 2, { status: 503, body: 'busy: try later' });
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'SUCCEEDED');
    expect(d).toMatchObject({ attemptCount: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(d!.succeededAt).not.toBeNull();
    expect(d!.attempts.map((a) => [a.number, a.statusCode, a.errorKind, a.responseBody])).toEqual([
      [1, 503, 'HTTP_STATUS', 'busy: try later'],
      [2, 503, 'HTTP_STATUS', 'busy: try later'],
      [3, 200, null, 'ok'],
    ]);
    for (const a of d!.attempts) {
      expect(a.durationMs).toBeGreaterThanOrEqual(0);
      expect(a.durationMs).toBeLessThan(2000);
      expect(a.url).toBe(`${receiver.url}/flaky`);
    }
    const started = d!.attempts.map((a) => Date.parse(a.startedAt));
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(750);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(750);

    const sent = receiver.on('/flaky');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(sent.map((r) => r.headers['x-switchboard-attempt'])).toEqual(['1', '2', '3']);
    expect(sent.every((r) => signedWith(hook.signingSecret, r))).toBe(true);
    expect(await webhookState(app, ws, hook.id)).toMatchObject({ enabled: true, failingSince: null });
  });

  test('a target that never answers runs the schedule out: DEAD after the last attempt, network errors logged', async () => {
    const port = await freePort();
    const ws = await workspace(app);
    const hook = await webhook(app, ws, { url: `http://127.0.0.1:${port}/nobody`, event: 'NEW_CLIENT' });
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'DEAD', 15_000);
    expect(d!.attemptCount).toBe(4);
    expect(d!.nextAttemptAt).toBeNull();
    for (const a of d!.attempts) expect(a).toMatchObject({ statusCode: null, errorKind: 'NETWORK', responseBody: null });
    expect(d!.attempts[0]!.error).toContain('refused');
    expect((await webhookState(app, ws, hook.id)).failingSince).not.toBeNull();
  });

  test('Retry-After is honoured: the next attempt does not come before it', async () => {
    const { ws, hook } = await subscribe('/retry-after');
    receiver.failFirst('/retry-after', 1, { status: 429, headers: { 'retry-after': '3' }, body: 'slow down' });
    await createClient(app, ws, { phone: phone() });
    const [first, second] = await receiver.waitForCount('/retry-after', 2, 10_000);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2_950);
    await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'SUCCEEDED');
  });

  test('a Retry-After beyond the bound is capped at 24 hours', async () => {
    const { ws, hook } = await subscribe('/retry-after-huge');
    receiver.respond((req) => (req.path === '/retry-after-huge' ? { status: 503, headers: { 'retry-after': '9999999' } } : undefined));
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.attemptCount === 1);
    const wait = Date.parse(d!.nextAttemptAt!) - Date.now();
    expect(wait).toBeGreaterThan(23 * 3600_000);
    expect(wait).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    expect(d!.status).toBe('PENDING');
  });

  test('410 Gone disables the webhook at once with its reason, and stops retrying', async () => {
    const { ws, hook } = await subscribe('/gone');
    receiver.respond((req) => (req.path === '/gone' ? { status: 410, body: 'gone' } : undefined));
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'FAILED');
    expect(d).toMatchObject({ attemptCount: 1, lastStatusCode: 410 });
    const state = await webhookState(app, ws, hook.id);
    expect(state.enabled).toBe(false);
    expect(state.disabledReason).toContain('410');
    expect(state.disabledAt).not.toBeNull();

    // Events while it is disabled wait, parked, and nothing is sent.
    await createClient(app, ws, { phone: phone() });
    expect((await deliveriesSettled(app, ws.id)).map((d) => d.status)).toEqual(['FAILED', 'PENDING']);
    expect(receiver.on('/gone')).toHaveLength(1);
    const parked = (await deliveries(app, ws, { webhookId: hook.id, status: 'PENDING' })).nodes;
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ attemptCount: 0, nextAttemptAt: null });
  });

  test('a status code the target lists as permanent ends the delivery FAILED without retries; other errors still retry', async () => {
    const { ws, hook } = await subscribe('/permanent', { permanentStatusCodes: [409] });
    let answer = 409;
    receiver.respond((req) => (req.path === '/permanent' ? { status: answer, body: `answer ${answer}` } : undefined));
    await createClient(app, ws, { phone: phone(), name: 'first' });
    const [failed] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'FAILED');
    expect(failed).toMatchObject({ attemptCount: 1, lastStatusCode: 409 });
    expect(failed!.lastError).toContain('409');
    expect(await deliveriesSettled(app, ws.id)).toEqual([expect.objectContaining({ status: 'FAILED', attemptCount: 1 })]);
    expect(receiver.on('/permanent')).toHaveLength(1);
    expect((await webhookState(app, ws, hook.id)).enabled).toBe(true);

    answer = 400; // permanent for every target
    await createClient(app, ws, { phone: phone(), name: 'second' });
    await waitForDeliveries(app, ws, { webhookId: hook.id, status: 'FAILED' }, (n) => n.length === 2);

    answer = 409;
    const other = await subscribe('/not-permanent');
    receiver.respond((req) => (req.path === '/not-permanent' ? { status: 409 } : undefined));
    await createClient(app, other.ws, { phone: phone() });
    await receiver.waitForCount('/not-permanent', 2, 10_000);
  });

  test('a redirect is a failed attempt and is not followed', async () => {
    const { ws, hook } = await subscribe('/redirect');
    receiver.respond((req) => (req.path === '/redirect' ? { status: 302, headers: { location: `${receiver.url}/redirected` } } : undefined));
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => (n[0]?.attemptCount ?? 0) >= 2);
    expect(d!.status).not.toBe('SUCCEEDED');
    expect(d!.attempts[0]).toMatchObject({ statusCode: 302, errorKind: 'HTTP_STATUS' });
    expect(receiver.on('/redirected')).toHaveLength(0);
  });

  test('the stored response body is capped at its first 4 KiB', async () => {
    const { ws, hook } = await subscribe('/big');
    const big = 'a'.repeat(3000) + 'b'.repeat(3000) + 'c'.repeat(10_000);
    receiver.respond((req) => (req.path === '/big' ? { status: 200, body: big } : undefined));
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'SUCCEEDED');
    expect(d!.attempts[0]!.responseBody).toBe(big.slice(0, 4096));
  });

  test('a target slower than the request timeout is a TIMEOUT attempt', async () => {
    const { ws, hook } = await subscribe('/too-slow');
    receiver.respond((req) => (req.path === '/too-slow' ? { status: 200, delayMs: 6_000 } : undefined));
    await createClient(app, ws, { phone: phone() });
    const [d] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => (n[0]?.attemptCount ?? 0) >= 1, 15_000);
    expect(d!.attempts[0]).toMatchObject({ statusCode: null, errorKind: 'TIMEOUT' });
    expect(d!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(3_900);
    expect(d!.attempts[0]!.durationMs).toBeLessThan(6_000);
  });

  test('replayWebhook sends again every FAILED or DEAD delivery of that webhook since a time, and nothing else', async () => {
    const { ws, hook } = await subscribe('/replay');
    let broken = true;
    receiver.respond((req) => {
      if (req.path !== '/replay' || !broken) return undefined;
      if (req.json?.name === 'fine') return undefined;
      return { status: req.json?.name === 'dead' ? 500 : 400 };
    });
    await createClient(app, ws, { phone: phone(), name: 'before' });
    const [before] = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n[0]?.status === 'FAILED');
    await sleep(20);
    const since = new Date();
    await createClient(app, ws, { phone: phone(), name: 'perm' });
    await createClient(app, ws, { phone: phone(), name: 'dead' });
    await createClient(app, ws, { phone: phone(), name: 'fine' });
    await waitForDeliveries(
      app,
      ws,
      { webhookId: hook.id },
      (n) => n.length === 4 && n.filter((d) => d.status === 'FAILED').length === 2 && n.some((d) => d.status === 'DEAD') && n.some((d) => d.status === 'SUCCEEDED'),
      15_000,
    );
    const sentBefore = receiver.on('/replay').length;

    broken = false;
    const { replayWebhook } = await ok(app.url, RtReplayWebhook, { input: { id: hook.id, since: since.toISOString() } }, { key: ws.key });
    expect(replayWebhook.count).toBe(2);
    const after = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.filter((d) => d.status === 'SUCCEEDED').length === 3);
    const byName = async (name: string) => {
      const req = receiver.on('/replay').find((r) => r.json?.name === name)!;
      return after.find((d) => d.eventId === req.headers['webhook-id'])!;
    };
    for (const name of ['perm', 'dead']) {
      const d = await byName(name);
      expect(d.status).toBe('SUCCEEDED');
      expect(d.attempts.at(-1)).toMatchObject({ trigger: 'MANUAL', statusCode: 200 });
    }
    expect((await byName('fine')).attempts).toHaveLength(1);
    expect(after.find((d) => d.id === before!.id)!.status).toBe('FAILED');
    expect(receiver.on('/replay').length).toBe(sentBefore + 2);
    expect(receiver.on('/replay').filter((r) => r.json?.name === 'before')).toHaveLength(1);
  });
});

describe('default schedule', () => {
  test('is immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', async () => {
    const { RETRY_SCHEDULE_SECONDS: DEFAULT_RETRY_SCHEDULE_SECONDS, JITTER, decide } = await import('../../src/delivery/delivery-policy.ts');
    expect([...DEFAULT_RETRY_SCHEDULE_SECONDS]).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(JITTER).toBe(0.2);
    const fail = { statusCode: 500, retryAfterSeconds: null, errorKind: null };
    expect(decide(1, fail, DEFAULT_RETRY_SCHEDULE_SECONDS, [], () => 0)).toEqual({ kind: 'retry', delaySeconds: 4 });
    const longest = decide(1, fail, DEFAULT_RETRY_SCHEDULE_SECONDS, [], () => 1);
    expect(longest.kind === 'retry' && longest.delaySeconds).toBeCloseTo(6, 6);
    expect(decide(8, fail, DEFAULT_RETRY_SCHEDULE_SECONDS, [], () => 0.5)).toEqual({ kind: 'dead' });
  });

  test('Retry-After is read as seconds or as an HTTP date', async () => {
    const { parseRetryAfter } = await import('../../src/outbound/retry-after.ts');
    const now = Date.parse('2025-01-04T15:35:46.000Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 04 Jan 2025 15:37:46 GMT', now)).toBe(120);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
