import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { device, phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute } from '../support/graphql.ts';
import { apiKey, rows, startOfRateWindow } from '../support/messaging.ts';
import { polled } from '../support/wait.ts';

const SharedLimitMessages = graphql(`
  query SharedLimitMessages {
    messages {
      totalCount
    }
  }
`);

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let one: TestApp;
let two: TestApp;
let ws: Workspace;
beforeAll(async () => {
  db = await createTestDatabase();
  // Two Switchboard processes (API and workers each) on one database.
  one = await startTestApp({}, db);
  two = await startTestApp({}, db);
  ws = await workspace(one);
  await device(one, ws, { channel: 'SMS' });
});
afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await db?.drop();
});

describe('rate limits shared by every Switchboard process on one database', () => {
  it('accepts at most the limit across two processes within a minute', async () => {
    await startOfRateWindow(20);
    const limit = 20;
    const key = await apiKey(one, ws.id, limit);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postWebhook(i % 2 ? one : two, { location_id: ws.locationId, phone: phone(), message: `burst ${i}`, message_id: `shared-${i}`, channel: 'sms' }, key),
      ),
    );
    const accepted = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(accepted + limited.length).toBe(60);
    expect(accepted).toBeLessThanOrEqual(limit);
    // Both processes served requests, and most of the budget was usable.
    expect(accepted).toBeGreaterThanOrEqual(limit / 2);
    expect(limited.every((a) => Number(a.headers.get('retry-after')) >= 1)).toBe(true);
    const stored = await rows(one, `SELECT id FROM messages WHERE workspace_id = $1 AND external_id LIKE 'shared-%'`, [ws.id]);
    expect(stored).toHaveLength(accepted);

    // The key is spent on both processes, for GraphQL too.
    expect(codeOf(await execute(one.url, SharedLimitMessages, undefined, { key }))).toBe('RATE_LIMITED');
    expect(codeOf(await execute(two.url, SharedLimitMessages, undefined, { key }))).toBe('RATE_LIMITED');
  });

  it('sends a message accepted by one process through either process’s workers, once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postWebhook(i % 2 ? one : two, { location_id: ws.locationId, phone: phone(), message: `both ${i}`, message_id: `both-${i}`, channel: 'sms' }, ws.key),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const delivered = async () => (await rows<{ n: number }>(one, `SELECT count(*)::int AS n FROM messages WHERE external_id LIKE 'both-%' AND status = 'DELIVERED'`))[0]!.n;
    await polled(delivered, (n) => n === 10, 20_000, 200);
    expect(await delivered()).toBe(10);
    const sentEvents = await rows<{ n: number }>(
      one,
      `SELECT count(*)::int AS n FROM events WHERE type = 'MESSAGE_UPDATED' AND payload->'message'->>'status' = 'SENT' AND payload->'message'->>'externalId' LIKE 'both-%'`,
    );
    expect(sentEvents[0]!.n).toBe(10);
  });
});
