import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { phone, webhook, workspace } from '../support/fixtures.ts';
import { execute } from '../support/graphql.ts';
import { processTestFixtures, startRecoveringSwitchboard } from '../support/process.ts';
import type { ReceivedRequest } from '../support/receiver.ts';
import { polled } from '../support/wait.ts';

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
    const TOTAL = 200;
    const acknowledged: string[] = [];
    let issued = 0;
    let killed = false;
    // The receiver answers the first few deliveries, then holds every answer until the process is
    // dead: whatever the machine's speed, deliveries are in flight or still pending at the kill
    // (at least 100 events to 3 targets exist by then). Held answers never reach the dead process,
    // so those requests do not count as received.
    const ANSWERED_BEFORE_KILL = 60;
    let answered = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = new Set<ReceivedRequest>();
    let restarted = false;
    fx.receiver.respond((req) => {
      if (!req.path.startsWith('/crash-') || restarted || ++answered <= ANSWERED_BEFORE_KILL) return undefined;
      held.add(req);
      return { status: 200, until: released };
    });
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
    release();
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
        const got = (path: string) => new Set(fx.receiver.on(path).filter((r) => !held.has(r)).map((r) => r.headers['webhook-id']));
        return Object.keys(paths).flatMap((path) => {
          const seen = got(path);
          return events.filter((e) => !seen.has(e.id)).map((e) => `${path} ${e.id}`);
        });
      };
      const missingAtCrash = missing().length;
      // The kill came while deliveries were outstanding (certain with the held answers; without any this test would prove nothing).
      expect(missingAtCrash).toBeGreaterThanOrEqual(3 * events.length - ANSWERED_BEFORE_KILL);

      restarted = true;
      await startSwitchboard();
      await polled(async () => missing().length, (n) => n === 0, 60_000, 250);
      expect(missing(), `${missingAtCrash} deliveries were outstanding at the crash`).toEqual([]);

      // The delivery log agrees: every delivery ends SUCCEEDED, nothing is left pending.
      const statuses = async () =>
        (await pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM deliveries WHERE workspace_id = $1 GROUP BY status ORDER BY status', [ws.id])).rows;
      await polled(statuses, (rows) => rows.every((r) => r.status === 'SUCCEEDED'), 60_000, 250);
      expect(await statuses()).toEqual([{ status: 'SUCCEEDED', n: events.length * 3 }]);
    } finally {
      await pool.end();
    }
  }, 150_000);
});
