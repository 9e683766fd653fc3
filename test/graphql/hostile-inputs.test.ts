import { describe, expect } from 'vitest';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL, type GraphQLResponse } from '../support/graphql.ts';

/**
 * Hostile and malformed values in every GraphQL operation that takes an id, a cursor or a date:
 * none may answer INTERNAL_SERVER_ERROR, and the server keeps answering afterwards.
 */

const test = appTest();
let app: TestApp;
let ws: Workspace;
let ids: { device: string; webhook: string };
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app, { name: 'Hostile inputs' });
  const d = await device(app, ws);
  const w = await webhook(app, ws, { url: 'http://127.0.0.1:9/hook', event: 'ANY_EVENT' });
  ids = { device: d.id, webhook: w.id };
});

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Values no id of ours looks like: NUL, a lone surrogate, SQL, a very long string, the wrong kind of id. */
const HOSTILE_IDS = ['\u0000', 'abc\u0000def', '\ud800', "' OR 1=1 --", 'x'.repeat(5_000), '00000000-0000-0000-0000-000000000000', '0123456789abcdef01234567', '-1', ''];
/** Cursors this API never returns: a non-id, a huge number, year 0000, NUL, wrong shapes. */
const HOSTILE_CURSORS = [
  cursor('not-an-id'),
  cursor(1e300),
  cursor(-1),
  cursor(1.5),
  cursor('\u0000'),
  cursor(['0000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000']),
  cursor(['2024-01-01T00:00:00Z', 'not-a-uuid']),
  cursor(['275760-09-13T00:00:00Z', '00000000-0000-0000-0000-000000000000']),
  cursor({ $gt: 1 }),
  'not base64 at all!',
];
const HOSTILE_DATES = ['0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', '1900-01-01T00:00:00Z', 'not a date'];

type Case = { name: string; query: string; variables?: Record<string, unknown> };

const byId = (field: string, selection = 'id'): ((id: string) => Case) => (id) => ({
  name: `${field}(id)`,
  query: `query Q($id: ID!) { ${field}(id: $id) { ${selection} } }`,
  variables: { id },
});
const mutationById = (field: string, inputType: string, selection = 'id', extra: Record<string, unknown> = {}): ((id: string) => Case) => (id) => ({
  name: `${field}(input.id)`,
  query: `mutation M($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
  variables: { input: { id, ...extra } },
});

const ID_CASES: ((id: string) => Case)[] = [
  byId('device'),
  byId('client'),
  byId('conversation'),
  byId('message'),
  byId('delivery'),
  byId('webhook'),
  byId('liveChatIntegration'),
  mutationById('revokeApiKey', 'ApiKeyRevokeInput'),
  mutationById('updateDevice', 'DeviceUpdateInput', 'id', { label: 'x' }),
  mutationById('deleteDevice', 'DeviceIdInput'),
  mutationById('updateClient', 'ClientUpdateInput', 'id', { name: 'x' }),
  mutationById('deleteClient', 'ClientIdInput'),
  mutationById('endConversation', 'ConversationEndInput'),
  mutationById('updateWebhook', 'WebhookUpdateInput', 'id', { label: 'x' }),
  mutationById('deleteWebhook', 'WebhookIdInput'),
  mutationById('enableWebhook', 'WebhookIdInput'),
  mutationById('disableWebhook', 'WebhookDisableInput'),
  mutationById('rotateWebhookSecret', 'WebhookRotateSecretInput'),
  mutationById('testWebhook', 'WebhookIdInput'),
  mutationById('replayDelivery', 'DeliveryReplayInput'),
  mutationById('replayWebhook', 'WebhookReplayInput', 'count', { since: '2024-01-01T00:00:00Z' }),
  mutationById('updateLiveChatIntegration', 'LiveChatIntegrationUpdateInput', 'id', { alias: 'x' }),
  mutationById('startLiveChatIntegration', 'LiveChatIntegrationIdInput', 'integration { id }'),
  mutationById('stopLiveChatIntegration', 'LiveChatIntegrationIdInput'),
  mutationById('deleteLiveChatIntegration', 'LiveChatIntegrationIdInput'),
  (id) => ({ name: 'activateDevices(ids)', query: 'mutation M($ids: [ID!]!) { activateDevices(input: { ids: $ids }) { ok } }', variables: { ids: [id] } }),
  (id) => ({ name: 'deactivateDevices(ids)', query: 'mutation M($ids: [ID!]!) { deactivateDevices(input: { ids: $ids }) { ok } }', variables: { ids: [id] } }),
  (id) => ({
    name: 'simulateInbound(deviceId)',
    query: 'mutation M($id: ID!) { simulateInbound(input: { deviceId: $id, phone: "+14155552671", message: "hi" }) { id } }',
    variables: { id },
  }),
  (id) => ({
    name: 'createLiveChatIntegration(connectionIds)',
    query: 'mutation M($id: ID!) { createLiveChatIntegration(input: { alias: "h", url: "http://127.0.0.1:9/lc", connectionIds: [$id] }) { id } }',
    variables: { id },
  }),
  (id) => ({ name: 'conversations(clientId)', query: 'query Q($id: ID) { conversations(input: { clientId: $id }) { totalCount } }', variables: { id } }),
  (id) => ({ name: 'conversations(deviceId)', query: 'query Q($id: ID) { conversations(input: { deviceId: $id }) { totalCount } }', variables: { id } }),
  (id) => ({ name: 'messages(conversationId)', query: 'query Q($id: ID) { messages(input: { conversationId: $id }) { totalCount } }', variables: { id } }),
  (id) => ({ name: 'messages(clientId)', query: 'query Q($id: ID) { messages(input: { clientId: $id }) { totalCount } }', variables: { id } }),
  (id) => ({ name: 'deliveries(webhookId)', query: 'query Q($id: ID) { deliveries(input: { webhookId: $id }) { totalCount } }', variables: { id } }),
  (id) => ({ name: 'deliveries(liveChatIntegrationId)', query: 'query Q($id: ID) { deliveries(input: { liveChatIntegrationId: $id }) { totalCount } }', variables: { id } }),
];

const LISTS = ['workspaces', 'apiKeys', 'devices', 'clients', 'conversations', 'messages', 'webhooks', 'deliveries', 'events', 'liveChatIntegrations'];
const CURSOR_CASES: ((after: string) => Case)[] = [
  ...LISTS.map((list) => (after: string) => ({ name: `${list}(after)`, query: `query Q($after: String) { ${list}(input: { after: $after }) { totalCount nodes { id } } }`, variables: { after } })),
  (after) => ({
    name: 'Conversation.messages(after)',
    query: 'query Q($after: String) { conversations { nodes { messages(after: $after) { nodes { id } } } } }',
    variables: { after },
  }),
];

const DATE_CASES: ((date: string) => Case)[] = [
  (date) => ({ name: 'deliveries(since)', query: 'query Q($d: DateTime) { deliveries(input: { since: $d }) { totalCount } }', variables: { d: date } }),
  (date) => ({ name: 'deliveries(until)', query: 'query Q($d: DateTime) { deliveries(input: { until: $d }) { totalCount } }', variables: { d: date } }),
  (date) => ({ name: 'events(since)', query: 'query Q($d: DateTime) { events(input: { since: $d }) { totalCount } }', variables: { d: date } }),
  (date) => ({ name: 'events(until)', query: 'query Q($d: DateTime) { events(input: { until: $d }) { totalCount } }', variables: { d: date } }),
  (date) => ({
    name: 'replayWebhook(since)',
    query: 'mutation M($id: ID!, $d: DateTime!) { replayWebhook(input: { id: $id, since: $d }) { count } }',
    variables: { id: ids.webhook, d: date },
  }),
  // The same as literals in the document, not variables.
  (date) => ({ name: 'events(since) literal', query: `{ events(input: { since: ${JSON.stringify(date)} }) { totalCount } }` }),
];

function problems(r: GraphQLResponse<unknown>): string[] {
  const found: string[] = [];
  if (r.status >= 500) found.push(`HTTP ${r.status}`);
  for (const e of r.errors ?? []) if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code) found.push(`${e.extensions?.code}: ${e.message}`);
  return found;
}

describe('hostile GraphQL inputs', () => {
  test('no id, cursor or date in any operation answers INTERNAL_SERVER_ERROR, with an admin or a workspace key, and the server keeps answering', async () => {
    const cases = [
      ...ID_CASES.flatMap((make) => HOSTILE_IDS.map(make)),
      ...CURSOR_CASES.flatMap((make) => HOSTILE_CURSORS.map(make)),
      ...DATE_CASES.flatMap((make) => HOSTILE_DATES.map(make)),
    ];
    const failures: string[] = [];
    for (const key of [ADMIN_KEY, ws.key]) {
      for (const c of cases) {
        const r = await rawGraphQL(app.url, { query: c.query, variables: c.variables }, { key });
        for (const p of problems(r)) failures.push(`${c.name} ${JSON.stringify(c.variables ?? c.query).slice(0, 120)}: ${p}`);
      }
    }
    expect(failures).toEqual([]);
    expect(app.logs.text).not.toContain('unexpected error in GraphQL resolver');
    const alive = await rawGraphQL<{ devices: { totalCount: number } }>(app.url, { query: '{ devices { totalCount } }' }, { key: ws.key });
    expect(alive.data?.devices.totalCount).toBe(1);
  });

  test('answers BAD_USER_INPUT naming the field for a NUL in an id, a forged cursor, and a date in year 0000', async () => {
    const named = async (c: Case, field: string) => {
      const r = await rawGraphQL(app.url, { query: c.query, variables: c.variables }, { key: ws.key });
      expect(codeOf(r), c.name).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message, c.name).toContain(field);
    };
    for (const make of [byId('device'), byId('message'), byId('client'), byId('webhook'), byId('delivery')]) await named(make('dev\u0000ice'), 'id');
    await named(ID_CASES.find((make) => make('x').name === 'activateDevices(ids)')!('\u0000'), 'ids.0');
    await named({ name: 'messages(after)', query: 'query Q($after: String) { messages(input: { after: $after }) { totalCount } }', variables: { after: cursor('not-a-uuid') } }, 'after');
    await named({ name: 'workspaces(after)', query: 'query Q($after: String) { workspaces(input: { after: $after }) { totalCount } }', variables: { after: cursor(1e300) } }, 'after');
    await named(
      { name: 'replayWebhook(since)', query: 'mutation M($input: WebhookReplayInput!) { replayWebhook(input: $input) { count } }', variables: { input: { id: ids.webhook, since: '0000-01-01T00:00:00Z' } } },
      'input.since',
    );
    await named({ name: 'events(since) literal', query: '{ events(input: { since: "0000-01-01T00:00:00Z" }) { totalCount } }' }, 'DateTime');
  });
});
