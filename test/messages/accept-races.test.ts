import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSql } from '../../src/db/sql.ts';
import { acceptMessages } from '../../src/messages/accept-messages.ts';
import type { AcceptRequest } from '../../src/messages/accept-request.ts';
import { ACCEPT_READ } from '../../src/messages/accept-statements.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import { racing } from '../support/racing.ts';

// Accept reads, decides, then writes everything in one statement. These tests make another
// request commit between the read and the write, for certain: the batch must end as if it had
// come second, with one client, one conversation and one message per message_id.

let app: TestApp;
let ws: Workspace;

beforeAll(async () => {
  app = await startTestApp();
  ws = await workspace(app);
  await device(app, ws);
});

afterAll(async () => {
  await app?.stop();
  await app?.dropDatabase();
});

const request = (to: string, externalId: string | null, content = 'hello'): AcceptRequest => ({
  workspaceId: ws.id,
  channel: 'SMS',
  phone: to,
  content,
  attachments: [],
  type: 'TEXT',
  externalId,
  userId: null,
  isAgent: false,
  requestHash: createHash('sha256').update(content).digest('hex'),
});

/** Accepts `requests`; `between` runs (once) after the batch's first read and before its write. */
async function acceptWith(requests: AcceptRequest[], between: () => Promise<unknown>) {
  const race = racing(pgSql(app.rt.pool), ACCEPT_READ, between);
  const results = await acceptMessages({ sql: race.sql, boss: app.rt.boss, secrets: app.rt.secrets, now: new Date() }, requests);
  return { results, reads: race.reads() };
}

const accept = (requests: AcceptRequest[]) => acceptMessages({ sql: pgSql(app.rt.pool), boss: app.rt.boss, secrets: app.rt.secrets, now: new Date() }, requests);

describe('accept racing a concurrent request', () => {
  it('joins the client and conversation a concurrent request created, with one NEW_CLIENT and one NEW_CONV', async () => {
    const to = phone();
    const { results, reads } = await acceptWith([request(to, 'race-second')], () => accept([request(to, 'race-first')]));
    expect(reads).toBe(2);
    expect(results).toEqual([{ ok: true, messageId: expect.any(String), duplicate: false }]);
    const messages = await rows<{ external_id: string; client_id: string; conversation_id: string }>(
      app,
      'SELECT m.external_id, m.client_id, m.conversation_id FROM messages m JOIN clients c ON c.id = m.client_id WHERE c.phone = $1 ORDER BY m.external_id',
      [to],
    );
    expect(messages.map((m) => m.external_id)).toEqual(['race-first', 'race-second']);
    expect(new Set(messages.map((m) => m.client_id)).size).toBe(1);
    expect(new Set(messages.map((m) => m.conversation_id)).size).toBe(1);
    // Accept's events only: the worker may already have sent the first message (its MESSAGE_UPDATED SENT).
    const events = await rows<{ type: string }>(app, `SELECT type FROM events WHERE payload->'client'->>'phone' = $1 AND type <> 'MESSAGE_UPDATED' ORDER BY type::text`, [to]);
    expect(events.map((e) => e.type)).toEqual(['NEW_CLIENT', 'NEW_CONV', 'OUTGOING_MESSAGE', 'OUTGOING_MESSAGE']);
    const jobs = await rows(app, `SELECT 1 FROM pgboss.job WHERE name = 'message-send' AND data->'messageIds' ? $1`, [results[0]!.ok && results[0]!.messageId]);
    expect(jobs).toHaveLength(1);
  });

  it('answers as a retry when a concurrent request stored the same message_id, and CONFLICT when it asked for something else', async () => {
    const to = phone();
    const same = await acceptWith([request(to, 'race-same')], () => accept([request(to, 'race-same')]));
    const [stored] = await rows<{ id: string }>(app, `SELECT id FROM messages WHERE workspace_id = $1 AND external_id = 'race-same'`, [ws.id]);
    expect(same.results).toEqual([{ ok: true, messageId: stored!.id, duplicate: true }]);

    const other = await acceptWith([request(to, 'race-other', 'one text'), request(to, null, 'beside it')], () => accept([request(to, 'race-other', 'another text')]));
    expect(other.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(other.results[1]).toMatchObject({ ok: true, duplicate: false });
    const contents = await rows<{ content: string }>(app, 'SELECT m.content FROM messages m JOIN clients c ON c.id = m.client_id WHERE c.phone = $1 ORDER BY m.content', [to]);
    expect(contents.map((m) => m.content)).toEqual(['another text', 'beside it', 'hello']);
  });
});

describe('accept when the write fails', () => {
  beforeAll(async () => {
    // The database refuses one content: a failure inside the write, after its clients and conversations went in.
    await rows(
      app,
      `CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.content = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await rows(app, 'CREATE TRIGGER refuse_poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
  });

  it('leaves nothing of the batch behind: no client, conversation, message, event or job', async () => {
    const [good, bad] = [phone(), phone()];
    await expect(accept([request(good, 'fail-good'), request(bad, 'fail-bad', 'poison')])).rejects.toThrow();
    for (const to of [good, bad]) {
      expect(await rows(app, 'SELECT 1 FROM clients WHERE phone = $1', [to])).toEqual([]);
      expect(await rows(app, `SELECT 1 FROM events WHERE payload->'client'->>'phone' = $1`, [to])).toEqual([]);
    }
    expect(await rows(app, `SELECT 1 FROM messages WHERE external_id IN ('fail-good', 'fail-bad')`)).toEqual([]);
  });

  it('answers the failed message 500 and still accepts, stores and queues the others sent with it', async () => {
    const [good, bad] = [phone(), phone()];
    const [ok, refused] = await Promise.all([
      postWebhook(app, { location_id: ws.locationId, phone: good, message: 'fine', message_id: 'http-good', channel: 'sms' }, ws.key),
      postWebhook(app, { location_id: ws.locationId, phone: bad, message: 'poison', message_id: 'http-bad', channel: 'sms' }, ws.key),
    ]);
    expect([ok.status, refused.status]).toEqual([200, 500]);
    const [stored] = await rows<{ id: string }>(app, `SELECT id FROM messages WHERE external_id = 'http-good'`);
    expect(stored!.id).toBe(ok.body.messageId);
    expect(await rows(app, `SELECT 1 FROM pgboss.job WHERE name = 'message-send' AND data->'messageIds' ? $1`, [stored!.id])).toHaveLength(1);
    expect(await rows(app, `SELECT 1 FROM messages WHERE external_id = 'http-bad'`)).toEqual([]);
    expect(await rows(app, 'SELECT 1 FROM clients WHERE phone = $1', [bad])).toEqual([]);
  });
});
