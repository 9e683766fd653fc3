import { describe, expect } from 'vitest';
import { RECORD_ATTEMPTS, RESUME_RECOVERED } from '../../src/delivery/attempt-recorder.ts';
import { TOUCH_CONVERSATIONS, UPSERT_CLIENTS } from '../../src/conversations/contacts.ts';
import { DELIVERIES_OF_FETCHED } from '../../src/delivery/deliver-events.ts';
import { sendRowsOfFetched } from '../../src/messages/send-messages.ts';
import { LOCK_MESSAGES, UPDATE_MESSAGES } from '../../src/messages/apply-status-updates.ts';
import { KNOWN_INBOUND } from '../../src/messages/receive-inbound.ts';
import { ACCEPT_READ, acceptWrite, MESSAGES_BY_EXTERNAL_ID } from '../../src/messages/accept-statements.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { messageReaches, rows } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';
import { seqScans, type ExplainRow } from '../support/plans.ts';

// The statements every status report, every delivery and every accepted or received message runs
// must find their rows through an index: a plan that scans messages, events, deliveries, clients or
// conversations gets slower with every message ever sent.
const HISTORY = 20_000;

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let sample: { messageId: string; deviceId: string; providerMessageId: string; deliveryId: string; targetId: string; clientId: string; workspaceId: number; phone: string };

test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  const ws = await workspace(app, { webhookUrl: `${receiver.url}/ws` });
  await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } });
  const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: 'plan-1', channel: 'sms' }, ws.key);
  const message = await messageReaches(app, sent.body.messageId, 'SENT');
  await waitForDeliveries(app, ws, {}, (nodes) => nodes.some((d) => d.status === 'SUCCEEDED'));
  // A history of copies of this message, its delivery, its event and its conversation (ended), written faster
  // than autovacuum's statistics follow. Each copy's overrides depend on g, its number.
  const history = (table: string, overrides: string, id?: string) =>
    rows(
      app,
      `INSERT INTO ${table} SELECT r.* FROM ${table} t, generate_series(1, $1::int) g,
         LATERAL jsonb_populate_record(NULL::${table}, to_jsonb(t) || jsonb_build_object(${overrides})) r
        WHERE t.id = ${id ? '$2' : `(SELECT id FROM ${table} LIMIT 1)`}`,
      id ? [HISTORY, id] : [HISTORY],
    );
  await history('messages', `'id', gen_random_uuid(), 'external_id', 'bulk-' || g, 'provider_message_id', 'bulk-' || g`, message.id);
  await history('deliveries', `'id', gen_random_uuid(), 'copy', g`);
  await history('events', `'id', gen_random_uuid(), 'copy', g`);
  // Contacts, each with an open conversation (the accept path looks both up), then ended conversations.
  await history('clients', `'id', substr(md5('c' || g), 1, 24), 'phone', '+1555' || lpad(g::text, 7, '0')`);
  await history('conversations', `'id', substr(md5('o' || g), 1, 24), 'client_id', substr(md5('c' || g), 1, 24)`);
  await history('conversations', `'id', substr(md5(g::text), 1, 24), 'status', 'ENDED'`);
  const [row] = await rows<{ id: string; device_id: string; provider_message_id: string; client_id: string; workspace_id: number; phone: string }>(
    app,
    'SELECT m.id, m.device_id, m.provider_message_id, m.client_id, cl.workspace_id, cl.phone FROM messages m JOIN clients cl ON cl.id = m.client_id WHERE m.id = $1',
    [message.id],
  );
  const [delivery] = await rows<{ id: string; target_id: string }>(app, 'SELECT id, target_id FROM deliveries LIMIT 1');
  sample = {
    messageId: row!.id,
    deviceId: row!.device_id,
    providerMessageId: row!.provider_message_id,
    deliveryId: delivery!.id,
    targetId: delivery!.target_id,
    clientId: row!.client_id,
    workspaceId: row!.workspace_id,
    phone: row!.phone,
  };
}, 120_000);

/** Tables scanned by the plan for these values, or (values null) by the generic plan a prepared statement may settle on. */
async function scannedTables(sql: string, values: unknown[] | null): Promise<string[]> {
  const explain = values ? `EXPLAIN (FORMAT JSON) ${sql}` : `EXPLAIN (FORMAT JSON, GENERIC_PLAN) ${sql}`;
  const [result] = await rows<ExplainRow>(app, explain, values ?? []);
  return seqScans(result!);
}

/** Every Seq Scan on a table that grows with traffic, in the plans of the hot statements. */
async function historyScans(): Promise<string[]> {
  const changes = JSON.stringify([{ id: sample.messageId, status: 'DELIVERED' }]);
  const attempt = JSON.stringify([{ delivery_id: sample.deliveryId, number: 1, trigger: 'SCHEDULED', url: 'http://x', started_at: new Date(), status: 'SUCCEEDED' }]);
  const plans: [string, string, unknown[]][] = [
    ['status report by our id', LOCK_MESSAGES, [[sample.messageId], [sample.deviceId], [], []]],
    ['status report by provider id', LOCK_MESSAGES, [[], [], [sample.deviceId], [sample.providerMessageId]]],
    ['status reports by both', LOCK_MESSAGES, [[sample.messageId], [sample.deviceId], [sample.deviceId], ['bulk-7']]],
    ['status change', UPDATE_MESSAGES, [changes, [sample.messageId]]],
    // What a job pump reads with its fetch, given the fetched jobs' data (jobs/job-pump.ts).
    ['delivery load', `WITH fetched AS (SELECT $1::jsonb AS data) SELECT (${DELIVERIES_OF_FETCHED})`, [JSON.stringify({ deliveries: [[sample.deliveryId, 0]] })]],
    ['send load', `WITH fetched AS (SELECT $1::jsonb AS data) SELECT ${sendRowsOfFetched('$2::timestamptz')}`, [JSON.stringify({ messageIds: [sample.messageId] }), new Date()]],
    ['attempt record', RECORD_ATTEMPTS, [attempt, new Date(), [], [sample.deliveryId]]],
    ['recovered target resume', RESUME_RECOVERED, [sample.targetId, new Date(), 5000, 100, 5]],
    ['inbound repeat check', KNOWN_INBOUND, [[sample.deviceId], ['bulk-9']]],
    ['conversation of a message', TOUCH_CONVERSATIONS, [['x'.repeat(24)], [sample.workspaceId], [sample.clientId], [sample.deviceId], ['SMS'], [false], new Date()]],
    ['client of a message', UPSERT_CLIENTS, [['y'.repeat(24)], [sample.workspaceId], [sample.phone], new Date()]],
    ['message_id repeat check', MESSAGES_BY_EXTERNAL_ID, [[sample.workspaceId], ['bulk-11']]],
    ['accept read', ACCEPT_READ, [[sample.workspaceId], [sample.phone], [sample.workspaceId], ['bulk-11'], [sample.workspaceId]]],
    ['accept write', await acceptWrite(app.rt.boss), acceptWriteValues()],
  ];
  const found: string[] = [];
  for (const [name, sql, values] of plans) {
    for (const [plan, tables] of [['', await scannedTables(sql, values)], [' (generic plan)', await scannedTables(sql, null)]] as const) {
      for (const table of tables) if (['messages', 'deliveries', 'conversations', 'events', 'clients'].includes(table)) found.push(`${name}${plan}: ${table}`);
    }
  }
  return found;
}

/** The accept write of one message to a new contact in a new conversation, with its event. */
function acceptWriteValues(): unknown[] {
  const [client, conversation, message] = ['y'.repeat(24), 'x'.repeat(24), crypto.randomUUID()];
  const row = { id: message, workspace_id: sample.workspaceId, conversation_id: conversation, client_id: client, device_id: sample.deviceId, channel: 'SMS', type: 'TEXT', content: 'hi', attachments: [], external_id: 'bulk-13', request_hash: 'h', user_id: null, is_agent: false, segments: 1, encoding: 'GSM7', status_callback_target_id: null };
  const event = { id: crypto.randomUUID(), workspace_id: sample.workspaceId, type: 'OUTGOING_MESSAGE', payload: {}, channel: 'SMS', direction: 'OUTBOUND', status: 'QUEUED', device_id: sample.deviceId, message_id: message, target_id: null };
  return [new Date(), [client], [sample.workspaceId], ['+15550000000'], [conversation], [sample.workspaceId], [client], [sample.deviceId], ['SMS'], [sample.clientId.padEnd(24, 'z').slice(0, 24)],
    JSON.stringify([row]), JSON.stringify([event]), JSON.stringify([{ data: { messageIds: [message] } }]), [1, 1, 1]];
}

describe(`with ${HISTORY} messages, events, deliveries, clients with open conversations and ended conversations of history`, () => {
  test('status reports and deliveries find their rows through indexes before statistics catch up', async () => {
    expect(await historyScans()).toEqual([]);
  });

  test('and after ANALYZE', async () => {
    await rows(app, 'ANALYZE');
    expect(await historyScans()).toEqual([]);
  });
});
