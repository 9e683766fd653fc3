import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { processTestFixtures, startRecoveringSwitchboard } from '../support/process.ts';
import { polled, sleep } from '../support/wait.ts';

/**
 * Switchboard as a real process, killed with SIGKILL during a burst of POST /webhook sends and
 * started again on the same database: every message it answered 200 for is stored and sent, and
 * none is handed to its device twice by a committed send.
 */

const fx = processTestFixtures();
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: fx.db.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
});

const startSwitchboard = () => startRecoveringSwitchboard(fx.db.url);

describe('crash safety of sends', () => {
  it('killed with SIGKILL during a burst of sends and started again: no accepted message lost, none sent twice', async () => {
    const first = await startSwitchboard();
    let api = { url: first.url } as TestApp;
    const ws = await workspace(api, { webhookUrl: `${fx.receiver.url}/crash-ws` });
    // The simulator reports DELIVERED an hour after each send: every send it was handed stays
    // visible as its scheduled report, one per provider message id.
    await device(api, ws, { channel: 'SMS', config: { deliveredAfterMs: 3_600_000, readAfterMs: 0 } });
    fx.receiver.respond((req) => (req.path === '/crash-ws' ? { status: 200, delayMs: 50 + Math.floor(Math.random() * 100) } : undefined));

    const TOTAL = 400;
    const bodies = Array.from({ length: TOTAL }, (_, i) => ({
      location_id: ws.locationId,
      user_id: '5',
      phone: phone(),
      message: `burst message ${i}`,
      attachments: [],
      message_id: `crash-${i}`,
      channel: 'sms',
    }));
    const acknowledged = new Map<string, string>();
    let issued = 0;
    let killed = false;
    const worker = async () => {
      while (issued < TOTAL && !killed) {
        const body = bodies[issued++]!;
        const r = await postWebhook(api, body, ws.key).catch(() => null);
        if (r?.status === 200) acknowledged.set(body.message_id, r.body.messageId);
      }
    };
    const burst = Promise.all(Array.from({ length: 16 }, worker));
    while (acknowledged.size < TOTAL / 4 && issued < TOTAL) await sleep(2);
    first.proc.kill();
    killed = true;
    await first.proc.exited;
    await burst;
    expect(first.proc.exit!.signal).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(TOTAL / 4);

    // Every message answered 200 is in the database under the id we answered.
    const stored = async () =>
      new Map(
        (await pool.query<{ external_id: string; id: string }>(`SELECT external_id, id::text FROM messages WHERE workspace_id = $1`, [ws.id])).rows.map((r) => [r.external_id, r.id]),
      );
    const atCrash = await stored();
    expect([...acknowledged].filter(([mid, id]) => atCrash.get(mid) !== id)).toEqual([]);
    const sentAt = () => new Set(fx.receiver.on('/crash-ws').filter((r) => r.json?.status === 'SENT').map((r) => r.json.message_id as string));
    const outstandingAtCrash = [...acknowledged.keys()].filter((mid) => !sentAt().has(mid)).length;

    // The kill came while work was outstanding (otherwise this test would prove nothing).
    expect(outstandingAtCrash).toBeGreaterThan(0);
    const second = await startSwitchboard();
    api = { url: second.url } as TestApp;

    // A client retries what it sent without an answer, and some of what it did get an answer for:
    // the same message_id answers the same message.
    const retries = [
      ...bodies.slice(0, issued).filter((b) => !acknowledged.has(b.message_id)),
      ...bodies.filter((b) => acknowledged.has(b.message_id)).slice(0, 20),
    ];
    const retried = await Promise.all(retries.map((b) => postWebhook(api, b, ws.key)));
    expect(retried.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const retriedIds = new Map(retried.map((r, i) => [retries[i]!.message_id, r.body.messageId as string]));
    for (const [mid, id] of acknowledged) if (retriedIds.has(mid)) expect(retriedIds.get(mid)).toBe(id);
    for (const [mid, id] of retriedIds) acknowledged.set(mid, id);

    // Every accepted message is eventually reported SENT to the workspace webhook.
    const missing = () => [...acknowledged.keys()].filter((mid) => !sentAt().has(mid));
    await polled(async () => missing().length, (n) => n === 0, 90_000, 250);
    expect(missing(), `${outstandingAtCrash} messages had no SENT at the crash`).toEqual([]);

    const final = await stored();
    expect(final.size).toBe(issued);
    expect([...acknowledged].filter(([mid, id]) => final.get(mid) !== id)).toEqual([]);
    const statuses = (await pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM messages WHERE workspace_id = $1 GROUP BY status`, [ws.id])).rows;
    expect(statuses).toEqual([{ status: 'SENT', n: issued }]);

    // Exactly one SENT transition per message…
    const transitions = (
      await pool.query<{ id: string; n: number }>(
        `SELECT payload->'message'->>'id' AS id, count(*)::int AS n FROM events
          WHERE workspace_id = $1 AND type = 'MESSAGE_UPDATED' AND payload->'message'->>'status' = 'SENT' GROUP BY 1`,
        [ws.id],
      )
    ).rows;
    expect(transitions.filter((t) => t.n !== 1)).toEqual([]);
    expect(transitions).toHaveLength(issued);

    // …and one committed hand-over to the device: as many provider message ids as messages, each a message's own.
    const providerIds = (
      await pool.query<{ provider_id: string }>(
        `SELECT DISTINCT jsonb_path_query(data, 'strict $.**.providerMessageId') #>> '{}' AS provider_id FROM pgboss.job WHERE name = 'driver-task'`,
      )
    ).rows.map((r) => r.provider_id);
    const messageProviderIds = (await pool.query<{ p: string }>(`SELECT provider_message_id AS p FROM messages WHERE workspace_id = $1`, [ws.id])).rows.map((r) => r.p);
    expect(new Set(messageProviderIds).size).toBe(issued);
    expect(providerIds.length).toBe(issued);
    expect(new Set(providerIds)).toEqual(new Set(messageProviderIds));
  }, 180_000);
});
