import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';
import { contactWrites } from '../support/live-chat.ts';
import type { Receiver } from '../support/receiver.ts';

/**
 * A header value Node cannot send (a line break, a character beyond Latin-1) used to be stored,
 * and then every delivery failed as NETWORK and was retried for 27 hours. Such values are refused
 * when configured, however they are given; a VARIABLE header whose value is only known when an
 * event is rendered (a multi-line SMS in {{text}}) is sent as RFC 2047 encoded words.
 */

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '30' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

const mutations = {
  createWebhook: 'mutation ($input: WebhookCreateInput!) { createWebhook(input: $input) { id } }',
  updateWebhook: 'mutation ($input: WebhookUpdateInput!) { updateWebhook(input: $input) { id } }',
  createWorkspace: 'mutation ($input: WorkspaceCreateInput!) { createWorkspace(input: $input) { id } }',
  updateWorkspace: 'mutation ($input: WorkspaceUpdateInput!) { updateWorkspace(input: $input) { id } }',
  createLiveChatIntegration: 'mutation ($input: LiveChatIntegrationCreateInput!) { createLiveChatIntegration(input: $input) { id } }',
};

/** RFC 2047 encoded words (B encoding, UTF-8), as Go's mime.WordDecoder or Python's email.header read them. */
function decodeWords(value: string): string {
  return value
    .split(' ')
    .map((word) => {
      const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word);
      if (!m) throw new Error(`not an encoded word: ${word}`);
      return Buffer.from(m[1]!, 'base64');
    })
    .reduce((all, bytes) => Buffer.concat([all, bytes]), Buffer.alloc(0))
    .toString('utf8');
}

describe('header values are checked with the rule Node sends by', () => {
  const CRLF = 'v\r\nX-Injected: 1';
  const cases: [string, keyof typeof mutations, Record<string, unknown>, string][] = [
    ['a list-form webhook header with CR/LF', 'createWebhook', { headers: [{ key: 'X-Note', value: CRLF }] }, 'headers.0.value'],
    ['a list-form webhook header beyond Latin-1', 'createWebhook', { headers: [{ key: 'X-Note', value: 'İstanbul' }] }, 'headers.0.value'],
    ['an object-form webhook header with an emoji', 'createWebhook', { headers: { 'X-Note': 'ok 😀' } }, 'headers.X-Note'],
    ['an API_KEY value with CR/LF', 'createWebhook', { auth: { type: 'API_KEY', headerName: 'X-Key', value: CRLF } }, 'auth.value'],
    ['a BEARER token with a line feed', 'createWebhook', { auth: { type: 'BEARER', token: 'tok\nen' } }, 'auth.token'],
    ['a BEARER token beyond Latin-1', 'createWebhook', { auth: { type: 'BEARER', token: 'tøkenş' } }, 'auth.token'],
    ['a BASIC user name with a colon', 'createWebhook', { auth: { type: 'BASIC', username: 'crm:admin', password: 'pw' } }, 'auth.username'],
    ['a BASIC password with a line break', 'createWebhook', { auth: { type: 'BASIC', username: 'crm', password: 'pw\r\n' } }, 'auth.password'],
    ['an updated webhook header', 'updateWebhook', { headers: [{ key: 'X-Note', value: CRLF }] }, 'headers.0.value'],
    ['a workspace header (list form)', 'createWorkspace', { headers: [{ key: 'X-Note', value: CRLF }] }, 'headers.0.value'],
    ['a workspace header (object form)', 'updateWorkspace', { headers: { 'X-Note': 'tab\tis fine but\u0007bell is not' } }, 'headers.X-Note'],
    ['a live-chat header', 'createLiveChatIntegration', { headers: [{ key: 'X-Note', value: CRLF }] }, 'headers.0.value'],
  ];

  test.each(cases)('%s is BAD_USER_INPUT naming the field and the rule, and nothing is stored', async (_name, mutation, over, field) => {
    const ws = await workspace(app);
    const hook = (await rawGraphQL<{ createWebhook: { id: string } }>(
      app.url,
      { query: mutations.createWebhook, variables: { input: { workspaceId: ws.id, label: 'base', url: 'https://crm.example/in', event: 'NEW_CLIENT', sendTestPing: false } } },
      { key: ws.key },
    )).data!.createWebhook;
    const base: Record<keyof typeof mutations, Record<string, unknown>> = {
      createWebhook: { workspaceId: ws.id, label: 'x', url: 'https://crm.example/in', event: 'NEW_CLIENT', sendTestPing: false },
      updateWebhook: { id: hook.id },
      createWorkspace: { name: 'headers', webhookUrl: 'https://crm.example/ws' },
      updateWorkspace: { id: ws.id, webhookUrl: 'https://crm.example/ws' },
      createLiveChatIntegration: { workspaceId: ws.id, alias: 'x', url: 'https://crm.example/lc' },
    };
    const admin = mutation === 'createWorkspace';
    const r = await rawGraphQL(app.url, { query: mutations[mutation], variables: { input: { ...base[mutation], ...over } } }, admin ? {} : { key: ws.key });
    expect(codeOf(r), JSON.stringify(r)).toBe('BAD_USER_INPUT');
    const detail = r.errors![0]!.extensions!.details![0]!;
    expect(detail.field).toBe(field);
    expect(detail.message).toMatch(/line breaks|control characters|Latin-1|':'/);
    const { rows } = await app.rt.pool.query('SELECT count(*)::int AS n FROM targets WHERE workspace_id = $1', [ws.id]);
    expect(rows[0].n).toBe(1);
  });

  test('a Latin-1 value (as Node sends it) and a tab are accepted', async ({ ws }) => {
    const r = await rawGraphQL(
      app.url,
      {
        query: mutations.createWebhook,
        variables: { input: { workspaceId: ws.id, label: 'ok', url: 'https://crm.example/in', event: 'NEW_CLIENT', sendTestPing: false, headers: { 'X-City': 'Malmö\tSverige' }, auth: { type: 'BASIC', username: 'josé', password: 'contraseña' } } },
      },
      { key: ws.key },
    );
    expect(r.errors).toBeUndefined();
  });
});

describe('a VARIABLE header whose value cannot be sent as it is', () => {
  test('a multi-line SMS with an emoji in {{text}} arrives on the first attempt as RFC 2047 encoded words that decode to the text', async ({ ws }) => {
    const sms = await device(app, ws, { channel: 'SMS' });
    const r = await rawGraphQL(
      app.url,
      {
        query: mutations.createWebhook,
        variables: {
          input: {
            workspaceId: ws.id,
            label: 'text header',
            url: `${receiver.url}/header-text`,
            event: 'INCOMING_MESSAGE',
            sendTestPing: false,
            headers: [
              { key: 'X-Text', type: 'VARIABLE', value: '{{text}}' },
              { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
            ],
          },
        },
      },
      { key: ws.key },
    );
    expect(r.errors).toBeUndefined();
    const text = 'Line one\r\nLine two: café 😀 — and a long tail so that the value needs more than one encoded word';
    await contactWrites(app, ws, sms.id, phone(), text);
    const [delivery] = await waitForDeliveries(app, ws, {}, (n) => n.length === 1 && n[0]!.status !== 'PENDING');
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
    const [sent] = receiver.on('/header-text');
    expect(sent!.headers['x-channel']).toBe('SMS');
    expect(sent!.headers['x-text']).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(sent!.headers['x-text']!)).toBe(text);
    expect(JSON.parse(sent!.body).content).toBe(text);
  });
});
