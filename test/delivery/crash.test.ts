import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import { execute } from '../support/graphql.ts';
import { processTestFixtures, startRecoveringSwitchboard } from '../support/process.ts';

/**
 * Switchboard as a real process, killed with SIGKILL in the middle of a burst and started again on
 * the same database: every event that exists reaches every matching target at least once.
 */

const CrashCreateClient = graphql(`
  mutation CrashCreateClient($input: ClientCreateInput!) {
    createClient(input: $input) {
      id
    }
  }
`);

const fx = processTestFixtures();

const startSwitchboard = () => startRecoveringSwitchboard(fx.db.url);

describe('crash safety', () => {
  it('killed with SIGKILL mid-burst and started again, every event reaches every matching target at least once', async () => {
    const first = await startSwitchboard();
    const api = { url: first.url } as TestApp;
    const ws = await workspace(api);
    const paths = { '/crash-new-client': 'NEW_CLIENT', '/crash-any': 'ANY_EVENT', '/crash-new-client-2': 'NEW_CLIENT' } as const;
    for (const [path, event] of Object.entries(paths)) await webhook(api, ws, { url: `${fx.receiver.url}${path}`, event });
    // Receivers that take a moment, so requests are in flight when the process dies.
    fx.receiver.respond((req) => (req.path.startsWith('/crash-') ? { status: 200, delayMs: 100 + Math.floor(Math.random() * 200) } : undefined));

    const TOTAL = 200;
    const acknowledged: string[] = [];
    let issued = 0;
    let killed = false;
    const worker = async () => {
      while (issued < TOTAL && !killed) {
        issued++;
        const r = await execute(api.url, CrashCreateClient, { input: { phone: phone() } }, { key: ws.key }).catch(() => null);
        if (r?.data?.createClient) acknowledged.push(r.data.createClient.id);
      }
    };
    const burst = Promise.all(Array.from({ length: 8 }, worker));
    while (acknowledged.length < TOTAL / 2) await new Promise((r) => setTimeout(r, 5));
    first.proc.kill();
    killed = true;
    await first.proc.exited;
    await burst;
    expect(first.proc.exit!.signal).toBe('SIGKILL');

    const pool = new pg.Pool({ connectionString: fx.db.url, max: 2 });
    try {
      const { rows: events } = await pool.query<{ id: string; client_id: string }>(
        `SELECT id::text, payload->'client'->>'id' AS client_id FROM events WHERE workspace_id = $1 AND type = 'NEW_CLIENT'`,
        [ws.id],
      );
      // Every change the API acknowledged has its event.
      const clientsWithEvents = new Set(events.map((e) => e.client_id));
      expect(acknowledged.filter((id) => !clientsWithEvents.has(id))).toEqual([]);
      expect(events.length).toBeGreaterThanOrEqual(TOTAL / 2);

      const missing = () => {
        const got = (path: string) => new Set(fx.receiver.on(path).map((r) => r.headers['webhook-id']));
        return Object.keys(paths).flatMap((path) => {
          const seen = got(path);
          return events.filter((e) => !seen.has(e.id)).map((e) => `${path} ${e.id}`);
        });
      };
      const missingAtCrash = missing().length;
      // The kill came while deliveries were outstanding (otherwise this test would prove nothing).
      expect(missingAtCrash).toBeGreaterThan(0);

      await startSwitchboard();
      const deadline = Date.now() + 60_000;
      while (missing().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(missing(), `${missingAtCrash} deliveries were outstanding at the crash`).toEqual([]);

      // The delivery log agrees: every delivery ends SUCCEEDED, nothing is left pending.
      const statuses = async () =>
        (await pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM deliveries WHERE workspace_id = $1 GROUP BY status ORDER BY status', [ws.id])).rows;
      while (Date.now() < deadline && (await statuses()).some((r) => r.status !== 'SUCCEEDED')) await new Promise((r) => setTimeout(r, 250));
      expect(await statuses()).toEqual([{ status: 'SUCCEEDED', n: events.length * 3 }]);
    } finally {
      await pool.end();
    }
  }, 150_000);
});
