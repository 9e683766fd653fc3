import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { device, phone, postWebhook, webhook, workspace } from '../support/fixtures.ts';
import { eventsOn, messageReaches, rows } from '../support/messaging.ts';
import { Receiver } from '../support/receiver.ts';
import { sleep } from '../support/wait.ts';

/**
 * Status reports that pile up while no worker runs (a restart, a backlog) are applied when it comes
 * back: the message still moves SENT → DELIVERED → READ, and every receiver hears each step.
 */

let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let app: TestApp | undefined;
let receiver: Receiver | undefined;
afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
  await db?.drop();
});

describe('status reports after a restart', () => {
  it('reports DELIVERED before READ for WhatsApp messages whose reports fell due while Switchboard was stopped', async () => {
    db = await createTestDatabase();
    receiver = await Receiver.start();
    app = await startTestApp({}, db);
    const ws = await workspace(app, { webhookUrl: `${receiver.url}/backlog/workspace` });
    await webhook(app, ws, { url: `${receiver.url}/backlog/updated`, event: 'MESSAGE_UPDATED' });
    await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 3000, readAfterMs: 500 } });

    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: `backlog ${i}`, message_id: `backlog-${i}`, channel: 'whatsapp' }, ws.key);
      expect(res.status).toBe(200);
      ids.push(res.body.messageId);
      await sleep(60);
    }
    for (const id of ids) await messageReaches(app, id, 'SENT');
    await app.stop();
    // Every DELIVERED and READ report falls due while nothing runs: the simulator's scheduled
    // reports are moved into the past, each keeping its order, instead of waiting for them.
    const stopped = new pg.Client({ connectionString: db.url });
    await stopped.connect();
    const { rowCount } = await stopped.query(`UPDATE pgboss.job SET start_after = start_after - interval '1 hour' WHERE name = 'driver-task' AND state = 'created'`);
    await stopped.end();
    expect(rowCount).toBeGreaterThan(0);
    app = await startTestApp({}, db);
    for (const id of ids) await messageReaches(app, id, 'READ');

    const reported = await rows<{ id: string; statuses: string[] }>(
      app,
      `SELECT payload->'message'->>'id' AS id, array_agg(payload->'message'->>'status' ORDER BY payload->'message'->>'status') AS statuses
         FROM events WHERE workspace_id = $1 AND type = 'MESSAGE_UPDATED' GROUP BY 1`,
      [ws.id],
    );
    expect(reported.filter((r) => r.statuses.join() !== 'DELIVERED,READ,SENT').map((r) => `${r.id}: ${r.statuses.join()}`)).toEqual([]);
    const delivered = await eventsOn(receiver, '/backlog/workspace', 12, (r) => r.json.status === 'DELIVERED', 5_000);
    expect(new Set(delivered.map((r) => r.json.message_id)).size).toBe(12);
  }, 90_000);
});
