import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, webhook, workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';
import { contactWrites } from '../support/live-chat.ts';
import type { Receiver } from '../support/receiver.ts';

/**
 * Credentials written into a target URL (`https://user:pass@host/…`) become the target's Basic
 * auth: stored encrypted, shown masked, sent as `Authorization: Basic`, and never kept in the URL
 * that Webhook.url, Workspace.webhookUrl and Attempt.url show.
 */

const PASSWORD = 'url-pass-9f8e7d';

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let hostPort: string;
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  hostPort = new URL(receiver.url).host;
});

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

const WEBHOOK = `{ id url auth { type username secret } }`;
const CREATE = `mutation ($input: WebhookCreateInput!) { createWebhook(input: $input) ${WEBHOOK} }`;
const UPDATE = `mutation ($input: WebhookUpdateInput!) { updateWebhook(input: $input) ${WEBHOOK} }`;
const READ = `query ($id: ID!) { webhook(id: $id) ${WEBHOOK} }`;
const WORKSPACE = `query ($id: Int!) { workspace(id: $id) { webhookUrl } }`;
const ATTEMPT_URLS = `query { deliveries(input: { first: 100 }) { nodes { status attempts { url } } } }`;

/** Everything a workspace's key can read about its targets and attempts, as one text. */
async function everythingShown(key: string, webhookId: string | null, workspaceId: number) {
  const reads = [await rawGraphQL(app.url, { query: ATTEMPT_URLS }, { key }), await rawGraphQL(app.url, { query: WORKSPACE, variables: { id: workspaceId } }, { key })];
  if (webhookId) reads.push(await rawGraphQL(app.url, { query: READ, variables: { id: webhookId } }, { key }));
  return JSON.stringify(reads);
}

describe('credentials in a target URL', () => {
  test('become the webhook’s Basic auth: sent as Authorization, masked in reads, absent from Webhook.url, Attempt.url and the stored row', async ({ ws }) => {
    const r = await rawGraphQL<{ createWebhook: { id: string; url: string; auth: unknown } }>(
      app.url,
      { query: CREATE, variables: { input: { workspaceId: ws.id, label: 'creds', url: `http://crm:${PASSWORD}@${hostPort}/creds/webhook?x=1`, event: 'NEW_CLIENT', sendTestPing: false } } },
      { key: ws.key },
    );
    expect(r.errors).toBeUndefined();
    const created = r.data!.createWebhook;
    expect(created.url).toBe(`http://${hostPort}/creds/webhook?x=1`);
    expect(created.auth).toEqual({ type: 'BASIC', username: 'crm', secret: '••••••••8e7d' });

    await createClient(app, ws, { phone: phone() });
    const [sent] = await receiver.waitForCount('/creds/webhook', 1);
    expect(sent!.headers.authorization).toBe(basic('crm', PASSWORD));
    await waitForDeliveries(app, ws, {}, (n) => n.length === 1 && n[0]!.status === 'SUCCEEDED');

    expect(await everythingShown(ws.key, created.id, ws.id)).not.toContain(PASSWORD);
    const { rows } = await app.rt.pool.query<{ row: string }>('SELECT row_to_json(t)::text AS row FROM targets t WHERE workspace_id = $1', [ws.id]);
    expect(rows[0]!.row).not.toContain(PASSWORD);
    expect(rows[0]!.row).not.toContain('crm@');
  });

  test('become the workspace webhook’s Basic auth (seed 000), and Workspace.webhookUrl shows the URL without them', async () => {
    const ws = await workspace(app, { webhookUrl: `http://seed000:${PASSWORD}@${hostPort}/creds/workspace` });
    const sms = await device(app, ws, { channel: 'SMS' });
    await contactWrites(app, ws, sms.id, phone(), 'hello');
    const [sent] = await receiver.waitForCount('/creds/workspace', 1);
    expect(sent!.headers.authorization).toBe(basic('seed000', PASSWORD));
    await waitForDeliveries(app, ws, {}, (n) => n.length === 1 && n[0]!.status === 'SUCCEEDED');
    const shown = await everythingShown(ws.key, null, ws.id);
    expect(shown).toContain(`http://${hostPort}/creds/workspace`);
    expect(shown).not.toContain(PASSWORD);
  });

  test('are percent-decoded, and an update that gives them replaces the auth with Basic', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `${receiver.url}/creds/update`, event: 'NEW_CLIENT', auth: { type: 'BEARER', token: 'old-token' } });
    const updated = await rawGraphQL<{ updateWebhook: unknown }>(app.url, { query: UPDATE, variables: { input: { id: hook.id, url: `http://ops%40crm:p%3Ass%20w@${hostPort}/creds/update` } } }, { key: ws.key });
    expect(updated.data!.updateWebhook).toMatchObject({ url: `http://${hostPort}/creds/update`, auth: { type: 'BASIC', username: 'ops@crm' } });
    await createClient(app, ws, { phone: phone() });
    const [sent] = await receiver.waitForCount('/creds/update', 1);
    expect(sent!.headers.authorization).toBe(basic('ops@crm', 'p:ss w'));
  });

  test.each([
    ['beside explicit auth', { auth: { type: 'BEARER', token: 't' } }, `http://u:p@crm.example/in`, /auth/],
    ['whose user name holds a colon', {}, `http://a%3Ab:p@crm.example/in`, /user name must not contain ':'/],
  ])('are refused %s, naming url', async (_name, over, url, message) => {
    const ws = await workspace(app);
    const r = await rawGraphQL(app.url, { query: CREATE, variables: { input: { workspaceId: ws.id, label: 'x', url, event: 'NEW_CLIENT', sendTestPing: false, ...over } } }, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details![0]).toEqual({ field: 'url', message: expect.stringMatching(message) });
  });

  test('stored in a URL before they were moved (an old row) are still sent as Basic auth, and never shown', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `${receiver.url}/creds/old`, event: 'NEW_CLIENT' });
    await app.rt.pool.query('UPDATE targets SET url = $2 WHERE id = (SELECT target_id FROM webhooks WHERE id = $1)', [hook.id, `http://legacy:${PASSWORD}@${hostPort}/creds/old`]);
    await createClient(app, ws, { phone: phone() });
    const [sent] = await receiver.waitForCount('/creds/old', 1);
    expect(sent!.headers.authorization).toBe(basic('legacy', PASSWORD));
    await waitForDeliveries(app, ws, {}, (n) => n.length === 1 && n[0]!.status === 'SUCCEEDED');
    const shown = await everythingShown(ws.key, hook.id, ws.id);
    expect(shown).toContain(`http://${hostPort}/creds/old`);
    expect(shown).not.toContain(PASSWORD);
  });

  test('an Attempt row written with credentials in its URL (before this) shows the URL without them', async ({ ws }) => {
    await webhook(app, ws, { url: `${receiver.url}/creds/attempt`, event: 'NEW_CLIENT' });
    await createClient(app, ws, { phone: phone() });
    await waitForDeliveries(app, ws, {}, (n) => n.length === 1 && n[0]!.status === 'SUCCEEDED');
    await app.rt.pool.query(`UPDATE attempts SET url = $2 WHERE delivery_id IN (SELECT id FROM deliveries WHERE workspace_id = $1)`, [ws.id, `http://old:${PASSWORD}@${hostPort}/creds/attempt`]);
    const shown = await everythingShown(ws.key, null, ws.id);
    expect(shown).toContain(`http://${hostPort}/creds/attempt`);
    expect(shown).not.toContain(PASSWORD);
  });
});
