import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, deliveries, updateClient, waitForDeliveries } from '../support/delivery-helpers.ts';
import { phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok, rawGraphQL } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';
import { signedWith } from '../support/standard-webhooks.ts';
import { deliveriesSettled, sleep } from '../support/wait.ts';

// Seed 001's operations, verbatim.
const webhooksQuery = graphql(`
  query webhooks($input: WebhooksInput!) {
    webhooks(input: $input) {
      nodes {
        workspaceId
        id
        label
        url
        event
        createdAt
      }
    }
  }
`);

const createWebhookMutation = graphql(`
  mutation createWebhook($input: WebhookCreateInput!) {
    createWebhook(input: $input) {
      workspaceId
      id
      label
      url
      event
      headers
      createdAt
    }
  }
`);

const WhWebhook = graphql(`
  query WhWebhook($id: ID!) {
    webhook(id: $id) {
      id
      workspaceId
      label
      url
      event
      method
      channels
      directions
      statuses
      headers
      headerFields {
        key
        type
        value
      }
      queryParams {
        key
        type
        value
      }
      auth {
        type
        headerName
        username
        secret
      }
      bodyFields {
        key
        type
        value
      }
      permanentStatusCodes
      enabled
      disabledReason
      disabledAt
      failingSince
      signingSecret
      testDelivery {
        id
        status
      }
      createdAt
      updatedAt
    }
  }
`);

const WhWebhookList = graphql(`
  query WhWebhookList($input: WebhooksInput!) {
    webhooks(input: $input) {
      totalCount
      nodes {
        id
        headers
        headerFields {
          key
          value
        }
        auth {
          secret
        }
        signingSecret
      }
    }
  }
`);

const WhCreateFull = graphql(`
  mutation WhCreateFull($input: WebhookCreateInput!) {
    createWebhook(input: $input) {
      id
      url
      method
      event
      headers
      headerFields {
        key
        type
        value
      }
      queryParams {
        key
        type
        value
      }
      auth {
        type
        headerName
        username
        secret
      }
      bodyFields {
        key
        type
        value
      }
      channels
      directions
      statuses
      permanentStatusCodes
      signingSecret
      enabled
    }
  }
`);

const WhUpdate = graphql(`
  mutation WhUpdate($input: WebhookUpdateInput!) {
    updateWebhook(input: $input) {
      id
      label
      url
      event
      method
      headers
      auth {
        type
        secret
      }
      channels
      directions
      statuses
      permanentStatusCodes
    }
  }
`);

const WhDelete = graphql(`
  mutation WhDelete($input: WebhookIdInput!) {
    deleteWebhook(input: $input) {
      id
      deleted
    }
  }
`);

const WhDisable = graphql(`
  mutation WhDisable($input: WebhookDisableInput!) {
    disableWebhook(input: $input) {
      id
      enabled
      disabledReason
      disabledAt
    }
  }
`);

const WhEnable = graphql(`
  mutation WhEnable($input: WebhookIdInput!) {
    enableWebhook(input: $input) {
      id
      enabled
      disabledReason
      disabledAt
    }
  }
`);

const WhRotate = graphql(`
  mutation WhRotate($input: WebhookRotateSecretInput!) {
    rotateWebhookSecret(input: $input) {
      id
      signingSecret
    }
  }
`);

const WhTest = graphql(`
  mutation WhTest($input: WebhookIdInput!) {
    testWebhook(input: $input) {
      id
      status
      webhookId
      event {
        id
        type
      }
    }
  }
`);

const WhDelivery = graphql(`
  query WhDelivery($id: ID!) {
    delivery(id: $id) {
      id
      workspaceId
      eventId
      webhookId
      targetKind
      status
      attemptCount
      lastStatusCode
      succeededAt
      event {
        id
        type
        payload
        createdAt
      }
      attempts {
        number
        trigger
        statusCode
        errorKind
        durationMs
        startedAt
        responseBody
      }
    }
  }
`);

const WhEvents = graphql(`
  query WhEvents($input: EventsInput) {
    events(input: $input) {
      totalCount
      nodes {
        id
        workspaceId
        type
        payload
        createdAt
      }
    }
  }
`);

const WhReplayDelivery = graphql(`
  mutation WhReplayDelivery($input: DeliveryReplayInput!) {
    replayDelivery(input: $input) {
      id
      status
    }
  }
`);

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('seed 001 webhook operations, verbatim', () => {
  test('createWebhook answers in the seed shape, the header shown masked and never in full', async ({ ws }) => {
    const { createWebhook } = await ok(
      app.url,
      createWebhookMutation,
      { input: { workspaceId: ws.id, label: 'Incoming message webhooks', url: 'https://yourwebsite.example/crm/incoming-messages', event: 'INCOMING_MESSAGE', headers: { 'x-api-key': 'secret-value' } } },
      { key: ws.key, header: 'authorization' },
    );
    expect(Object.keys(createWebhook)).toEqual(['workspaceId', 'id', 'label', 'url', 'event', 'headers', 'createdAt']);
    expect(createWebhook).toMatchObject({ workspaceId: ws.id, label: 'Incoming message webhooks', url: 'https://yourwebsite.example/crm/incoming-messages', event: 'INCOMING_MESSAGE' });
    expect(createWebhook.id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Date(createWebhook.createdAt).toISOString()).toBe(createWebhook.createdAt);
    const headers = createWebhook.headers as Record<string, string>;
    expect(Object.keys(headers)).toEqual(['x-api-key']);
    expect(headers['x-api-key']).not.toBe('secret-value');
    expect(headers['x-api-key']).not.toContain('secret');
    expect(headers['x-api-key']).toMatch(/^•+/);
  });

  test("webhooks lists a workspace's subscriptions, filtered by a case-insensitive label substring and by event", async ({ ws }) => {
    const other = await workspace(app);
    const make = (w: Workspace, label: string, event: 'INCOMING_MESSAGE' | 'OUTGOING_MESSAGE' | 'ANY_EVENT') =>
      ok(app.url, createWebhookMutation, { input: { workspaceId: w.id, label, url: `https://crm.example/${event.toLowerCase()}`, event, sendTestPing: false } }, { key: w.key });
    const inbound = (await make(ws, 'Incoming message webhooks', 'INCOMING_MESSAGE')).createWebhook;
    const outbound = (await make(ws, 'Outgoing MESSAGE hooks', 'OUTGOING_MESSAGE')).createWebhook;
    const all = (await make(ws, 'Everything', 'ANY_EVENT')).createWebhook;
    await make(other, 'Incoming message webhooks', 'INCOMING_MESSAGE');

    const list = async (input: { workspaceId: number; label?: string; event?: 'INCOMING_MESSAGE' | 'OUTGOING_MESSAGE' | 'ANY_EVENT' }) =>
      (await ok(app.url, webhooksQuery, { input }, { key: ws.key, header: 'authorization' })).webhooks.nodes;

    const everything = await list({ workspaceId: ws.id });
    expect(everything.map((w) => w.id).sort()).toEqual([inbound.id, outbound.id, all.id].sort());
    for (const node of everything) {
      expect(Object.keys(node)).toEqual(['workspaceId', 'id', 'label', 'url', 'event', 'createdAt']);
      expect(node.workspaceId).toBe(ws.id);
    }
    expect((await list({ workspaceId: ws.id, label: 'message' })).map((w) => w.id).sort()).toEqual([inbound.id, outbound.id].sort());
    expect((await list({ workspaceId: ws.id, label: 'INCOMING' })).map((w) => w.id)).toEqual([inbound.id]);
    expect((await list({ workspaceId: ws.id, event: 'OUTGOING_MESSAGE' })).map((w) => w.id)).toEqual([outbound.id]);
    expect((await list({ workspaceId: ws.id, label: 'hooks', event: 'INCOMING_MESSAGE' })).map((w) => w.id)).toEqual([inbound.id]);
    expect(await list({ workspaceId: ws.id, label: 'nothing like this' })).toEqual([]);

    // Another workspace's key learns nothing about this one.
    const foreign = await execute(app.url, webhooksQuery, { input: { workspaceId: ws.id } }, { key: other.key });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
  });

  test("the seed's own curl request (authorization: <key>, operationName, __typename) works unchanged", async ({ ws }) => {
    await ok(app.url, createWebhookMutation, { input: { workspaceId: ws.id, label: 'Incoming message webhooks', url: 'https://yourwebsite.example/crm', event: 'INCOMING_MESSAGE', sendTestPing: false } }, { key: ws.key });
    const body = `{"operationName":"webhooks","variables":{"input":{"workspaceId":${ws.id}}},"query":"query webhooks($input: WebhooksInput\\u0021) {\\n  webhooks(input: $input) {\\n    nodes {\\n      workspaceId\\n      id\\n      label\\n      url\\n      event\\n      createdAt\\n      __typename\\n    }\\n    __typename\\n  }\\n}\\n"}`;
    const r = await rawGraphQL<{ webhooks: { nodes: { label: string; __typename: string }[]; __typename: string } }>(app.url, body, { key: ws.key, header: 'authorization' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.webhooks.__typename).toBe('WebhookList');
    expect(r.data!.webhooks.nodes).toEqual([expect.objectContaining({ label: 'Incoming message webhooks', __typename: 'Webhook' })]);

    const create = `{"operationName":"createWebhook","variables":{"input":{"workspaceId":${ws.id},"label":"Incoming message webhooks","url":"https://yourwebsite.example/crm/incoming-messages","event":"INCOMING_MESSAGE","headers":{"x-api-key":"secret-value"}}},"query":"mutation createWebhook($input: WebhookCreateInput!) {\\n  createWebhook(input: $input) {\\n    workspaceId\\n    id\\n    label\\n    url\\n    event\\n    headers\\n    createdAt\\n  }\\n}"}`;
    const c = await rawGraphQL<{ createWebhook: { headers: Record<string, string>; event: string } }>(app.url, create, { key: ws.key, header: 'authorization' });
    expect(c.errors).toBeUndefined();
    expect(c.data!.createWebhook.event).toBe('INCOMING_MESSAGE');
    expect(JSON.stringify(c)).not.toContain('secret-value');
  });

  test('WebhookEvent has exactly the values of the contract', async () => {
    const r = await rawGraphQL<{ __type: { enumValues: { name: string }[] } }>(app.url, { query: '{ __type(name: "WebhookEvent") { enumValues { name } } }' });
    expect(r.data!.__type.enumValues.map((v) => v.name).sort()).toEqual(
      ['INCOMING_MESSAGE', 'OUTGOING_MESSAGE', 'MESSAGE_UPDATED', 'ENDING_CONV', 'NEW_CLIENT', 'NEW_CONV', 'CLIENT_UPDATED', 'ANY_EVENT', 'MESSAGE_UPDATED_SMPP'].sort(),
    );
  });
});

describe('managing a webhook', () => {
  test('webhook(id) shows the subscription with its defaults, and only to its own workspace', async ({ ws }) => {
    const other = await workspace(app);
    const created = await webhook(app, ws, { url: 'https://crm.example/in', event: 'NEW_CLIENT', label: 'CRM sync' });
    const { webhook: w } = await ok(app.url, WhWebhook, { id: created.id }, { key: ws.key });
    expect(w).toMatchObject({
      id: created.id,
      workspaceId: ws.id,
      label: 'CRM sync',
      url: 'https://crm.example/in',
      event: 'NEW_CLIENT',
      method: 'POST',
      channels: [],
      directions: [],
      statuses: [],
      headers: {},
      queryParams: [],
      auth: { type: 'NONE', headerName: null, username: null, secret: null },
      bodyFields: null,
      permanentStatusCodes: [],
      enabled: true,
      disabledReason: null,
      failingSince: null,
      testDelivery: null,
    });
    expect(w.signingSecret).toBe(created.signingSecret);
    expect(codeOf(await execute(app.url, WhWebhook, { id: created.id }, { key: other.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, WhWebhook, { id: 'ffffffffffffffffffffffff' }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, WhWebhook, { id: created.id }, { key: null }))).toBe('UNAUTHENTICATED');
  });

  test('updateWebhook changes what is given and keeps the rest; null clears a filter', async ({ ws }) => {
    const created = await webhook(app, ws, { url: 'https://crm.example/in', event: 'INCOMING_MESSAGE', label: 'Before', channels: ['WHATSAPP'], headers: { 'x-api-key': 'first-secret-value' } });
    const { updateWebhook: u } = await ok(
      app.url,
      WhUpdate,
      { input: { id: created.id, label: 'After', url: 'https://crm.example/v2', event: 'OUTGOING_MESSAGE', method: 'PUT', directions: ['OUTBOUND'], auth: { type: 'BEARER', token: 'bearer-token-123456' }, permanentStatusCodes: [409] } },
      { key: ws.key },
    );
    expect(u).toMatchObject({ label: 'After', url: 'https://crm.example/v2', event: 'OUTGOING_MESSAGE', method: 'PUT', channels: ['WHATSAPP'], directions: ['OUTBOUND'], permanentStatusCodes: [409] });
    expect(u.headers).toEqual({ 'x-api-key': expect.stringMatching(/^•+alue$/) });
    expect(u.auth).toEqual({ type: 'BEARER', secret: expect.stringMatching(/^•+3456$/) });

    const cleared = (await ok(app.url, WhUpdate, { input: { id: created.id, channels: null, headers: { 'x-other': 'v' } } }, { key: ws.key })).updateWebhook;
    expect(cleared.channels).toEqual([]);
    expect(cleared.directions).toEqual(['OUTBOUND']);
    expect(cleared.headers).toEqual({ 'x-other': '••••••••' });

    const bad = await execute(app.url, WhUpdate, { input: { id: created.id, url: 'not a url' } }, { key: ws.key });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.details![0]!.field).toBe('url');
  });

  test('deleteWebhook removes it: gone from reads and lists, and its events are no longer sent', async ({ ws }) => {
    const created = await webhook(app, ws, { url: `${receiver.url}/deleted`, event: 'NEW_CLIENT' });
    expect((await ok(app.url, WhDelete, { input: { id: created.id } }, { key: ws.key })).deleteWebhook).toEqual({ id: created.id, deleted: true });
    expect(codeOf(await execute(app.url, WhWebhook, { id: created.id }, { key: ws.key }))).toBe('NOT_FOUND');
    expect((await ok(app.url, webhooksQuery, { input: { workspaceId: ws.id } }, { key: ws.key })).webhooks.nodes).toEqual([]);
    expect(codeOf(await execute(app.url, WhDelete, { input: { id: created.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    await createClient(app, ws, { phone: phone() });
    expect(await deliveriesSettled(app, ws.id)).toEqual([]);
    expect(receiver.on('/deleted')).toHaveLength(0);
  });

  test('disableWebhook records the reason; enableWebhook clears it', async ({ ws }) => {
    const created = await webhook(app, ws, { url: 'https://crm.example/in', event: 'NEW_CLIENT' });
    const off = (await ok(app.url, WhDisable, { input: { id: created.id, reason: 'maintenance window' } }, { key: ws.key })).disableWebhook;
    expect(off).toMatchObject({ enabled: false, disabledReason: 'maintenance window' });
    expect(off.disabledAt).not.toBeNull();
    const on = (await ok(app.url, WhEnable, { input: { id: created.id } }, { key: ws.key })).enableWebhook;
    expect(on).toEqual({ id: created.id, enabled: true, disabledReason: null, disabledAt: null });
  });

  test('rotateWebhookSecret issues a new whsec_ secret; the grace period is bounded', async ({ ws }) => {
    const created = await webhook(app, ws, { url: 'https://crm.example/in', event: 'NEW_CLIENT' });
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const rotated = (await ok(app.url, WhRotate, { input: { id: created.id } }, { key: ws.key })).rotateWebhookSecret;
    expect(rotated.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(rotated.signingSecret).not.toBe(created.signingSecret);
    const tooLong = await execute(app.url, WhRotate, { input: { id: created.id, gracePeriodSeconds: 8 * 24 * 3600 } }, { key: ws.key });
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
  });

  test('testWebhook sends a PING to that webhook alone and answers its delivery, which records the result', async ({ ws }) => {
    const target = await webhook(app, ws, { url: `${receiver.url}/test-ping`, event: 'INCOMING_MESSAGE' });
    await webhook(app, ws, { url: `${receiver.url}/test-ping-other`, event: 'ANY_EVENT' });
    const d = (await ok(app.url, WhTest, { input: { id: target.id } }, { key: ws.key })).testWebhook;
    expect(d).toMatchObject({ webhookId: target.id, event: { type: 'PING' } });
    const [ping] = await receiver.waitForCount('/test-ping', 1);
    expect(ping!.json).toMatchObject({ event: 'PING', workspaceId: ws.id, eventId: d.event.id });
    expect(ping!.headers['webhook-id']).toBe(d.event.id);
    expect(signedWith(target.signingSecret, ping!)).toBe(true);
    await waitForDeliveries(app, ws, { webhookId: target.id }, (n) => n[0]?.status === 'SUCCEEDED');
    const { delivery } = await ok(app.url, WhDelivery, { id: d.id }, { key: ws.key });
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1, lastStatusCode: 200, targetKind: 'WEBHOOK' });
    expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, trigger: 'SCHEDULED', statusCode: 200, errorKind: null, responseBody: 'ok' })]);
    expect((await deliveriesSettled(app, ws.id)).map((d) => d.url)).toEqual([`${receiver.url}/test-ping`]);
    expect(receiver.on('/test-ping-other')).toHaveLength(0);
  });

  test('rejects bad options naming the field', async ({ ws }) => {
    const base = { workspaceId: ws.id, label: 'x', url: 'https://crm.example/in', event: 'NEW_CLIENT' as const, sendTestPing: false };
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://crm.example/in' }, 'url'],
      [{ label: '  ' }, 'label'],
      [{ headers: { 'bad header': 'v' } }, 'headers'],
      [{ auth: { type: 'API_KEY', headerName: 'x-key' } }, 'auth.value'],
      [{ auth: { type: 'BASIC', username: 'u' } }, 'auth.password'],
      [{ permanentStatusCodes: [200] }, 'permanentStatusCodes'],
      [{ bodyFields: [{ key: 'a..b', value: 'x' }] }, 'bodyFields'],
      [{ queryParams: [{ key: 'c', type: 'VARIABLE', value: '{{ not a variable }}' }] }, 'queryParams'],
    ];
    for (const [over, field] of cases) {
      const r = await execute(app.url, WhCreateFull, { input: { ...base, ...over } as never }, { key: ws.key });
      expect(codeOf(r), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details![0]!.field.startsWith(field), JSON.stringify(r.errors)).toBe(true);
    }
    expect((await ok(app.url, webhooksQuery, { input: { workspaceId: ws.id } }, { key: ws.key })).webhooks.nodes).toEqual([]);
  });
});

describe('the delivery log', () => {
  test('deliveries filter by webhook, event type, status and time, each with its attempts; delivery(id) and events read them; replayDelivery sends one again', async ({ ws }) => {
    const other = await workspace(app);
    const created = await webhook(app, ws, { url: `${receiver.url}/log-created`, event: 'NEW_CLIENT' });
    const updated = await webhook(app, ws, { url: `${receiver.url}/log-updated`, event: 'CLIENT_UPDATED' });
    let refuse = true;
    receiver.respond((req) => (req.path === '/log-updated' && refuse ? { status: 400, body: '{"error":"unknown client"}' } : undefined));

    const t0 = new Date();
    await sleep(20);
    const first = await createClient(app, ws, { phone: phone(), name: 'First' });
    await sleep(20);
    const t1 = new Date();
    await sleep(20);
    await createClient(app, ws, { phone: phone(), name: 'Second' });
    await updateClient(app, ws, { id: first.id, city: 'Lisbon' });

    const ofCreated = await waitForDeliveries(app, ws, { webhookId: created.id }, (n) => n.length === 2 && n.every((d) => d.status === 'SUCCEEDED'));
    for (const d of ofCreated) {
      expect(d.event.type).toBe('NEW_CLIENT');
      expect(d.webhookId).toBe(created.id);
      expect(d.attempts).toEqual([expect.objectContaining({ number: 1, statusCode: 200, errorKind: null, trigger: 'SCHEDULED' })]);
      expect(d.succeededAt).not.toBeNull();
    }
    const [failed] = await waitForDeliveries(app, ws, { webhookId: updated.id }, (n) => n[0]?.status === 'FAILED');
    expect(failed!.lastStatusCode).toBe(400);
    expect(failed!.attempts).toEqual([expect.objectContaining({ statusCode: 400, errorKind: 'HTTP_STATUS', responseBody: '{"error":"unknown client"}' })]);

    expect((await deliveries(app, ws, { eventType: 'CLIENT_UPDATED' })).nodes.map((d) => d.id)).toEqual([failed!.id]);
    expect((await deliveries(app, ws, { eventType: 'NEW_CLIENT' })).totalCount).toBe(2);
    expect((await deliveries(app, ws, { status: 'FAILED' })).nodes.map((d) => d.id)).toEqual([failed!.id]);
    expect((await deliveries(app, ws, { status: 'SUCCEEDED' })).totalCount).toBe(2);
    expect((await deliveries(app, ws, { webhookId: created.id, since: t1.toISOString() })).totalCount).toBe(1);
    expect((await deliveries(app, ws, { webhookId: created.id, since: t0.toISOString(), until: t1.toISOString() })).nodes.map((d) => d.eventId)).toHaveLength(1);
    expect((await deliveries(app, ws, { until: t0.toISOString() })).totalCount).toBe(0);

    const { delivery } = await ok(app.url, WhDelivery, { id: failed!.id }, { key: ws.key });
    expect(delivery).toMatchObject({ id: failed!.id, workspaceId: ws.id, webhookId: updated.id, status: 'FAILED', event: { type: 'CLIENT_UPDATED' } });
    expect((delivery.event.payload as { client: { city: string } }).client.city).toBe('Lisbon');
    expect(codeOf(await execute(app.url, WhDelivery, { id: failed!.id }, { key: other.key }))).toBe('NOT_FOUND');
    expect((await deliveries(app, other, {})).totalCount).toBe(0);

    const events = (await ok(app.url, WhEvents, { input: { workspaceId: ws.id, type: 'NEW_CLIENT' } }, { key: ws.key })).events;
    expect(events.totalCount).toBe(2);
    expect(events.nodes.map((e) => (e.payload as { client: { name: string } }).client.name).sort()).toEqual(['First', 'Second']);
    expect(new Set(events.nodes.map((e) => e.id))).toEqual(new Set(ofCreated.map((d) => d.eventId)));
    expect((await ok(app.url, WhEvents, { input: { workspaceId: ws.id, type: 'CLIENT_UPDATED' } }, { key: ws.key })).events.totalCount).toBe(1);
    expect(codeOf(await execute(app.url, WhEvents, { input: { workspaceId: ws.id } }, { key: other.key }))).toBe('NOT_FOUND');

    refuse = false;
    const replayed = (await ok(app.url, WhReplayDelivery, { input: { id: failed!.id } }, { key: ws.key })).replayDelivery;
    expect(replayed.status).toBe('PENDING');
    const [again] = await waitForDeliveries(app, ws, { webhookId: updated.id }, (n) => n[0]?.status === 'SUCCEEDED');
    expect(again!.attempts.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([
      [1, 'SCHEDULED', 400],
      [2, 'MANUAL', 200],
    ]);
    const sent = receiver.on('/log-updated');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers['webhook-id']).toBe(sent[0]!.headers['webhook-id']);
    expect(codeOf(await execute(app.url, WhReplayDelivery, { input: { id: failed!.id } }, { key: other.key }))).toBe('NOT_FOUND');
  });
});

describe('secrets', () => {
  test('header values and auth credentials are masked in every read, stored encrypted, and sent in full only to the target', async ({ ws }) => {
    const HEADER_SECRET = 'hdr-secret-0123456789';
    const API_KEY_SECRET = 'apikey-secret-abcdefgh';
    const { createWebhook: w } = await ok(
      app.url,
      WhCreateFull,
      {
        input: {
          workspaceId: ws.id,
          label: 'secrets',
          url: `${receiver.url}/secrets`,
          event: 'NEW_CLIENT',
          sendTestPing: false,
          headers: [
            { key: 'X-Secret', type: 'TEXT', value: HEADER_SECRET },
            { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
          ],
          auth: { type: 'API_KEY', headerName: 'X-Api-Key', value: API_KEY_SECRET },
        },
      },
      { key: ws.key },
    );
    // A VARIABLE header is not a secret: it is shown as written.
    expect(w.headers).toEqual({ 'X-Secret': '••••••••6789', 'X-Channel': '{{channel}}' });
    expect(w.headerFields).toEqual([
      { key: 'X-Secret', type: 'TEXT', value: '••••••••6789' },
      { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
    ]);
    expect(w.auth).toEqual({ type: 'API_KEY', headerName: 'X-Api-Key', username: null, secret: '••••••••efgh' });

    const reads = [
      w,
      (await ok(app.url, WhWebhook, { id: w.id }, { key: ws.key })).webhook,
      (await ok(app.url, WhWebhook, { id: w.id })).webhook,
      (await ok(app.url, WhWebhookList, { input: { workspaceId: ws.id } }, { key: ws.key })).webhooks,
      (await ok(app.url, WhUpdate, { input: { id: w.id, label: 'renamed' } }, { key: ws.key })).updateWebhook,
      (await ok(app.url, WhDisable, { input: { id: w.id } }, { key: ws.key })).disableWebhook,
      (await ok(app.url, WhEnable, { input: { id: w.id } }, { key: ws.key })).enableWebhook,
    ];
    for (const r of reads) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(HEADER_SECRET);
      expect(text).not.toContain(API_KEY_SECRET);
    }
    const basic = (await ok(app.url, WhUpdate, { input: { id: w.id, auth: { type: 'BASIC', username: 'crm', password: 'basic-password-xyz1' } } }, { key: ws.key })).updateWebhook;
    expect(basic.auth).toEqual({ type: 'BASIC', secret: '••••••••xyz1' });

    // At rest: the stored row holds none of the secrets in the clear.
    const { rows } = await app.rt.pool.query<{ row: string }>('SELECT row_to_json(t)::text AS row FROM targets t WHERE t.url = $1', [`${receiver.url}/secrets`]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(HEADER_SECRET);
    expect(rows[0]!.row).not.toContain('basic-password-xyz1');
    expect(rows[0]!.row).not.toContain(w.signingSecret.slice(6));

    await createClient(app, ws, { phone: phone() });
    const [sent] = await receiver.waitForCount('/secrets', 1);
    expect(sent!.headers['x-secret']).toBe(HEADER_SECRET);
    expect(sent!.headers.authorization).toBe(`Basic ${Buffer.from('crm:basic-password-xyz1').toString('base64')}`);
    // The attempt is logged by the time it is recorded.
    await deliveriesSettled(app, ws.id);
    for (const secret of [HEADER_SECRET, API_KEY_SECRET, 'basic-password-xyz1', w.signingSecret]) expect(app.logs.text).not.toContain(secret);
  });

  test('the signing secret is shown in full to its workspace and admins, the one secret returned unmasked', async ({ ws }) => {
    const other = await workspace(app);
    const created = await webhook(app, ws, { url: 'https://crm.example/in', event: 'NEW_CLIENT' });
    expect((await ok(app.url, WhWebhook, { id: created.id }, { key: ws.key })).webhook.signingSecret).toBe(created.signingSecret);
    expect((await ok(app.url, WhWebhook, { id: created.id }, { key: ADMIN_KEY })).webhook.signingSecret).toBe(created.signingSecret);
    const list = (await ok(app.url, WhWebhookList, { input: { workspaceId: ws.id } }, { key: ws.key })).webhooks.nodes;
    expect(list.map((n) => n.signingSecret)).toEqual([created.signingSecret]);
    const foreign = await execute(app.url, WhWebhook, { id: created.id }, { key: other.key });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(JSON.stringify(foreign)).not.toContain(created.signingSecret);
  });
});
