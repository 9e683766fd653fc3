import { describe, expect } from 'vitest';
import { graphql } from './gql/gql.ts';
import { ADMIN_KEY, SECRET_KEY, type TestApp } from './support/app.ts';
import { appTest } from './support/context.ts';
import { device, phone, postWebhook, webhook, workspace } from './support/fixtures.ts';
import { codeOf, execute, ok, rawGraphQL } from './support/graphql.ts';
import type { Receiver } from './support/receiver.ts';
import { workspaceQuiet } from './support/wait.ts';

const LogsCreateKey = graphql(`
  mutation LogsCreateKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        prefix
      }
    }
  }
`);

const LogsRevokeKey = graphql(`
  mutation LogsRevokeKey($input: ApiKeyRevokeInput!) {
    revokeApiKey(input: $input) {
      id
    }
  }
`);

const LogsWorkspace = graphql(`
  query LogsWorkspace($id: Int!) {
    workspace(id: $id) {
      id
      headers
      webhookSigningSecret
    }
  }
`);

const LogsUpdateWorkspace = graphql(`
  mutation LogsUpdateWorkspace($input: WorkspaceUpdateInput!) {
    updateWorkspace(input: $input) {
      id
    }
  }
`);

const LogsWorkspaces = graphql(`
  query LogsWorkspaces($input: WorkspacesInput) {
    workspaces(input: $input) {
      totalCount
    }
  }
`);

// Values that must never reach a log line, each distinctive enough to find anywhere in it.
const HEADER_SECRET = 'hdrsecret_4f1c9a7e2b8d6035';
const HEADER_SECRET_2 = 'clientsecret_9d2e7b4a1c6f8350';
const WEBHOOK_HEADER_SECRET = 'hooksecret_b7e1d9c3a5f20846';
const BEARER_TOKEN = 'bearertoken_3a9f6c2e8d1b7054';
const UPDATED_HEADER_SECRET = 'updatedsecret_c8a2f5e1d7b93640';

// trace: every line the app can write, including per-request lines; the workers on their thread, as
// deployed, so the lines it forwards are checked too.
const test = appTest({ LOG_LEVEL: 'trace', SWITCHBOARD_WORKER_THREAD: 'true' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('logs', () => {
  test('no secret ever appears in a log line: keys, header values, auth credentials, signing secrets', async () => {
    const secrets: string[] = [ADMIN_KEY, SECRET_KEY, HEADER_SECRET, HEADER_SECRET_2, WEBHOOK_HEADER_SECRET, BEARER_TOKEN, UPDATED_HEADER_SECRET];

    // A workspace whose webhook carries secret headers, and a key of its own.
    const ws = await workspace(app, {
      name: 'Logged workspace',
      webhookUrl: `${receiver.url}/workspace-hook`,
      headers: { Authorization: `Bearer ${HEADER_SECRET}`, 'x-client-secret': HEADER_SECRET_2 },
    });
    secrets.push(ws.key, ws.webhookSigningSecret!);
    expect(ws.webhookSigningSecret).toMatch(/^whsec_/);

    const extra = (await ok(app.url, LogsCreateKey, { input: { workspaceId: ws.id, label: 'extra' } })).createApiKey;
    secrets.push(extra.secret);
    const adminKey = (await ok(app.url, LogsCreateKey, { input: { label: 'second admin' } })).createApiKey;
    secrets.push(adminKey.secret);

    // A subscription with a secret header and a bearer token; its test ping is delivered.
    receiver.failFirst('/subscription', 1, { status: 500, body: 'try again' });
    const hook = await webhook(app, ws, {
      url: `${receiver.url}/subscription`,
      event: 'ANY_EVENT',
      label: 'logged hook',
      headers: { 'x-hook-secret': WEBHOOK_HEADER_SECRET },
      auth: { type: 'BEARER', token: BEARER_TOKEN },
      sendTestPing: true,
    });
    secrets.push(hook.signingSecret);
    expect(hook.signingSecret).toMatch(/^whsec_/);

    // A message through the seed 000 door: its status updates go to the workspace webhook with its headers.
    const sender = await device(app, ws);
    const sent = await postWebhook(
      app,
      { location_id: ws.locationId, phone: phone(), message: 'hello from the logs test', message_id: 'logs-1', channel: 'sms' },
      ws.key,
    );
    expect(sent.status).toBe(200);
    expect(sender.token).toBeTruthy();
    secrets.push(sender.token);

    const [workspaceHook] = await receiver.waitForCount('/workspace-hook', 1, 30_000);
    expect(workspaceHook!.headers['x-client-secret']).toBe(HEADER_SECRET_2);
    const [ping] = await receiver.waitForCount('/subscription', 1, 30_000);
    expect(ping!.headers['x-hook-secret']).toBe(WEBHOOK_HEADER_SECRET);

    // Headers updated: the new value is a secret too.
    await ok(app.url, LogsUpdateWorkspace, { input: { id: ws.id, headers: { 'x-client-secret': UPDATED_HEADER_SECRET } } });
    const read = (await ok(app.url, LogsWorkspace, { id: ws.id }, { key: ws.key })).workspace;
    expect(JSON.stringify(read.headers)).not.toContain(UPDATED_HEADER_SECRET);

    // Wrong keys that contain real ones, in every header form, on GraphQL and on the REST door.
    for (const wrong of [`${ADMIN_KEY}x`, `${ws.key}x`, `x${extra.secret}`]) {
      for (const header of ['bearer', 'authorization', 'x-api-key'] as const) {
        expect(codeOf(await execute(app.url, LogsWorkspaces, {}, { key: wrong, header }))).toBe('UNAUTHENTICATED');
      }
      const rest = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'x', message_id: 'logs-2', channel: 'sms' }, wrong);
      expect(rest.status).toBe(401);
    }

    // A revoked key, used again.
    await ok(app.url, LogsRevokeKey, { input: { id: extra.apiKey.id } });
    expect(codeOf(await execute(app.url, LogsWorkspaces, {}, { key: extra.secret }))).toBe('UNAUTHENTICATED');

    // Errors of every kind, carrying secrets where a caller might put them.
    await rawGraphQL(app.url, `{"query": "${HEADER_SECRET}`);
    await rawGraphQL(app.url, { query: `{ workspaces(input: { name: "${HEADER_SECRET}" }) { nope } }` });
    await rawGraphQL(app.url, { query: '{ workspaces { totalCount } }', variables: { key: ADMIN_KEY } });
    await execute(app.url, LogsUpdateWorkspace, { input: { id: ws.id, headers: { 'bad header': HEADER_SECRET } } });
    await execute(app.url, LogsUpdateWorkspace, { input: { id: ws.id, headers: { 'x-long': `${HEADER_SECRET}${'v'.repeat(5000)}` } } });
    // Unexpected errors (a NUL character the database refuses; a forged cursor).
    await execute(app.url, LogsUpdateWorkspace, { input: { id: ws.id, name: `${HEADER_SECRET}\u0000` } });
    await execute(app.url, LogsWorkspaces, { input: { after: Buffer.from(JSON.stringify(HEADER_SECRET)).toString('base64url') } });
    await postWebhook(app, `{"location_id": "${ws.locationId}", "message": "${HEADER_SECRET}`, ws.key);

    // Every report in and every delivery done, so every attempt has been logged.
    await workspaceQuiet(app, ws.id);

    const text = app.logs.text;
    // The log is not empty: requests and errors were written.
    expect(app.logs.lines.length).toBeGreaterThan(20);
    expect(text).toMatch(/"requestId":"[^"]+"/);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(text.includes(secret), `a log line contains ${secret.slice(0, 10)}…`).toBe(false);
    }
    // The random part of an API key (after its visible prefix) never appears either.
    for (const key of [ws.key, extra.secret, adminKey.secret]) {
      const randomPart = key.split('_').slice(2).join('_');
      expect(randomPart.length).toBeGreaterThanOrEqual(16);
      expect(text.includes(randomPart)).toBe(false);
    }
    expect(text).not.toMatch(/whsec_[A-Za-z0-9+/=]{8,}/);
    expect(text).not.toMatch(/authorization"\s*:\s*"(?!\[redacted\])/i);
  });
});
