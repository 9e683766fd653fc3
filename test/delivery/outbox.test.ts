import { describe, expect } from 'vitest';
import { pgSql } from '../../src/db/sql.ts';
import type { ClientSnapshot } from '../../src/events/event-payloads.ts';
import { newEvent, recordEvents } from '../../src/delivery/record-events.ts';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient } from '../support/delivery-helpers.ts';
import { phone, webhook, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';
import { signedWith } from '../support/standard-webhooks.ts';
import { deliveriesSettled } from '../support/wait.ts';

/**
 * The transactional outbox: an event, its deliveries and their jobs commit with the change that
 * caused them, or not at all.
 */

const ObEvents = graphql(`
  query ObEvents($input: EventsInput) {
    events(input: $input) {
      totalCount
      nodes {
        id
        type
      }
    }
  }
`);

const ObCreateClient = graphql(`
  mutation ObCreateClient($input: ClientCreateInput!) {
    createClient(input: $input) {
      id
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

function clientSnapshot(name: string): ClientSnapshot {
  const now = new Date().toISOString();
  return { id: '0123456789abcdef01234567', phone: phone(), name, surname: null, email: null, address: null, city: null, country: null, externalClientId: null, tags: [], stageId: null, createdAt: now, patchedAt: now };
}

/** pg-boss delivery jobs that carry any of the given deliveries. */
const JOBS_CARRYING = `SELECT count(*)::int AS n FROM pgboss.job j
  WHERE j.name = 'event-deliver' AND EXISTS (SELECT 1 FROM jsonb_array_elements(j.data->'deliveries') e WHERE e->>0 = ANY($1::text[]))`;

/** Records a NEW_CLIENT event inside a real transaction on the app's pool, then commits or rolls back. */
async function recordIn(ws: Workspace, name: string, end: 'COMMIT' | 'ROLLBACK'): Promise<{ eventId: string; deliveryIds: string[] }> {
  const client = await app.rt.pool.connect();
  try {
    await client.query('BEGIN');
    const [event] = await recordEvents(pgSql(client), app.rt.boss, [newEvent(ws.id, 'NEW_CLIENT', { workspace: { id: ws.id, locationId: ws.locationId }, client: clientSnapshot(name) })]);
    // Inside the transaction the event and its delivery exist.
    const inside = await client.query<{ id: string }>('SELECT id::text FROM deliveries WHERE event_id = $1', [event!.id]);
    expect(inside.rows).toHaveLength(2);
    const jobs = await client.query<{ n: number }>(JOBS_CARRYING, [inside.rows.map((r) => r.id)]);
    expect(jobs.rows[0]!.n).toBeGreaterThanOrEqual(1);
    await client.query(end);
    return { eventId: event!.id, deliveryIds: inside.rows.map((r) => r.id) };
  } finally {
    client.release();
  }
}

async function counts({ eventId, deliveryIds }: { eventId: string; deliveryIds: string[] }) {
  const q = async (sql: string, value: unknown) => (await app.rt.pool.query<{ n: number }>(sql, [value])).rows[0]!.n;
  return {
    events: await q('SELECT count(*)::int AS n FROM events WHERE id = $1', eventId),
    deliveries: await q('SELECT count(*)::int AS n FROM deliveries WHERE event_id = $1', eventId),
    jobs: await q(JOBS_CARRYING, deliveryIds),
  };
}

describe('transactional outbox', () => {
  test('a rolled-back change delivers nothing: no event, no delivery, no job, nothing at the receiver', async ({ ws }) => {
    await webhook(app, ws, { url: `${receiver.url}/outbox-a`, event: 'NEW_CLIENT' });
    await webhook(app, ws, { url: `${receiver.url}/outbox-b`, event: 'ANY_EVENT' });
    const recorded = await recordIn(ws, 'rolled back', 'ROLLBACK');
    expect(await counts(recorded)).toEqual({ events: 0, deliveries: 0, jobs: 0 });
    const { events } = await ok(app.url, ObEvents, { input: { workspaceId: ws.id } }, { key: ws.key });
    expect(events.totalCount).toBe(0);
    // Nothing reaches a receiver without a delivery row, and the workspace has none.
    expect(await deliveriesSettled(app, ws.id)).toEqual([]);
    expect(receiver.on('/outbox-a')).toHaveLength(0);
    expect(receiver.on('/outbox-b')).toHaveLength(0);
  });

  test('the same change committed reaches every matching target, with the event id it was recorded under, each signed with its own secret', async ({ ws }) => {
    const hookC = await webhook(app, ws, { url: `${receiver.url}/outbox-c`, event: 'NEW_CLIENT' });
    const hookD = await webhook(app, ws, { url: `${receiver.url}/outbox-d`, event: 'ANY_EVENT' });
    const recorded = await recordIn(ws, 'committed', 'COMMIT');
    const { eventId } = recorded;
    const [c] = await receiver.waitForCount('/outbox-c', 1);
    const [d] = await receiver.waitForCount('/outbox-d', 1);
    expect(c!.headers['webhook-id']).toBe(eventId);
    expect(d!.headers['webhook-id']).toBe(eventId);
    expect(c!.json).toMatchObject({ event: 'NEW_CLIENT', name: 'committed', eventId });
    expect(d!.json).toEqual(c!.json);
    // One event loaded once for both deliveries; each target still signs with its own secret.
    expect([signedWith(hookC.signingSecret!, c!), signedWith(hookD.signingSecret!, c!)]).toEqual([true, false]);
    expect([signedWith(hookD.signingSecret!, d!), signedWith(hookC.signingSecret!, d!)]).toEqual([true, false]);
    expect(await counts(recorded)).toMatchObject({ events: 1, deliveries: 2 });
  });

  test('a change the API rejects emits no event', async ({ ws }) => {
    await webhook(app, ws, { url: `${receiver.url}/outbox-rejected`, event: 'NEW_CLIENT' });
    const number = phone();
    await createClient(app, ws, { phone: number });
    await receiver.waitForCount('/outbox-rejected', 1);
    const duplicate = await execute(app.url, ObCreateClient, { input: { phone: number } }, { key: ws.key });
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(await deliveriesSettled(app, ws.id)).toEqual([expect.objectContaining({ status: 'SUCCEEDED', attemptCount: 1 })]);
    expect(receiver.on('/outbox-rejected')).toHaveLength(1);
    expect((await ok(app.url, ObEvents, { input: { workspaceId: ws.id, type: 'NEW_CLIENT' } }, { key: ws.key })).events.totalCount).toBe(1);
  });
});
