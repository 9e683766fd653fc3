import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/pool.ts';
import { pgSql } from '../../src/db/sql.ts';
import { applyStatusUpdates, READ_MESSAGES, tryApplyStatusUpdates, type StatusUpdate } from '../../src/messages/apply-status-updates.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { messageReaches, rows } from '../support/messaging.ts';
import { racing } from '../support/racing.ts';

// A batch of status reports without provider event ids is written in one statement from an
// unlocked read, guarded by each message's row version. These tests make another report commit
// between the read and the write, for certain: the guarded write must leave nothing behind, and the
// locking path then ends the message as if the reports had come one after the other.

let app: TestApp;
let ws: Workspace;
let deviceId: string;

beforeAll(async () => {
  app = await startTestApp();
  ws = await workspace(app);
  // The simulator reports nothing after SENT: the tests send the reports themselves.
  deviceId = (await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } })).id;
});

afterAll(async () => {
  await app?.stop();
  await app?.dropDatabase();
});

async function sentMessage(externalId: string): Promise<string> {
  const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: externalId, channel: 'sms' }, ws.key);
  expect(sent.status).toBe(200);
  await messageReaches(app, sent.body.messageId, 'SENT');
  return sent.body.messageId;
}

/** Tries `updates` without a transaction; `between` runs (once) after the unlocked read and before the write. */
async function tryWith(updates: StatusUpdate[], between: () => Promise<unknown>) {
  return tryApplyStatusUpdates(racing(pgSql(app.rt.pool), READ_MESSAGES, between).sql, app.rt.boss, updates);
}

const applyLocked = (updates: StatusUpdate[]) => inTransaction(app.rt.pool, (client) => applyStatusUpdates(pgSql(client), app.rt.boss, updates));

const updatesOf = (messageId: string) =>
  rows<{ status: string }>(app, `SELECT payload->'message'->>'status' AS status FROM events WHERE type = 'MESSAGE_UPDATED' AND payload->'message'->>'id' = $1 ORDER BY created_at, id`, [
    messageId,
  ]);

describe('status reports racing another report of the same message', () => {
  it('write nothing when the message changed after their read, and the locking path then applies them in lifecycle order', async () => {
    const messageId = await sentMessage('race-status');
    const delivered = new Date();
    const read = new Date(delivered.getTime() + 1000);
    const report: StatusUpdate = { messageId, deviceId, status: 'DELIVERED', at: delivered };

    const written = await tryWith([report], () => applyLocked([{ messageId, deviceId, status: 'READ', at: read }]));
    expect(written).toBe(false);
    // Only the racing READ (with the DELIVERED it implies) went in: the guarded write left no event, delivery or job.
    expect((await updatesOf(messageId)).map((e) => e.status)).toEqual(['SENT', 'DELIVERED', 'READ']);

    expect(await applyLocked([report])).toBe(1);
    const [message] = await rows<{ status: string; delivered_at: Date; read_at: Date }>(app, 'SELECT status, delivered_at, read_at FROM messages WHERE id = $1', [messageId]);
    expect(message).toEqual({ status: 'READ', delivered_at: delivered, read_at: read });
    expect((await updatesOf(messageId)).map((e) => e.status)).toEqual(['SENT', 'DELIVERED', 'READ']);
  });

  it('are written in one statement when nothing changed the message meanwhile', async () => {
    const messageId = await sentMessage('calm-status');
    expect(await tryWith([{ messageId, deviceId, status: 'DELIVERED', at: new Date() }], async () => undefined)).toBe(true);
    expect(await messageReaches(app, messageId, 'DELIVERED')).toBeTruthy();
    expect((await updatesOf(messageId)).map((e) => e.status)).toEqual(['SENT', 'DELIVERED']);
  });

  it('leave reports of a provider id no message has yet, and reports with provider event ids, to the locking path', async () => {
    const messageId = await sentMessage('early-status');
    expect(await tryApplyStatusUpdates(pgSql(app.rt.pool), app.rt.boss, [{ deviceId, providerMessageId: 'not-yet', status: 'DELIVERED', at: new Date() }])).toBe(false);
    expect(await tryApplyStatusUpdates(pgSql(app.rt.pool), app.rt.boss, [{ messageId, deviceId, status: 'DELIVERED', at: new Date(), eventId: 'evt-1' }])).toBe(false);
    expect((await updatesOf(messageId)).map((e) => e.status)).toEqual(['SENT']);
  });
});
