import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { phone, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import {
  createIntegration,
  LcCreate,
  LcDelete,
  LcDevice,
  LcGet,
  LcList,
  LcStart,
  LcUpdate,
  LcUpdateDevice,
  simDevice,
  startIntegration,
  stopIntegration,
} from '../support/live-chat.ts';

/** Seed 002's predefined body parameters, in its order. */
const SEED002_BODY = [
  { key: 'chatId', type: 'VARIABLE', value: '{{chatId}}' },
  { key: 'contact', type: 'VARIABLE', value: '{{contact}}' },
  { key: 'event', type: 'VARIABLE', value: '{{event}}' },
  { key: 'text', type: 'VARIABLE', value: '{{text}}' },
  { key: 'multimedia.url', type: 'VARIABLE', value: '{{multimedia.url}}' },
  { key: 'multimedia.caption', type: 'VARIABLE', value: '{{multimedia.caption}}' },
  { key: 'sender', type: 'VARIABLE', value: '{{sender}}' },
  { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
  { key: 'timestamp', type: 'VARIABLE', value: '{{timestamp}}' },
];

const MASK = '••••••••';

const test = appTest();
let app: TestApp;
let ws: Workspace;
let other: Workspace;
let shortCodes = 0;
/** A unique SMS short code, like seed 002's route "141518". */
const shortCode = () => String(141_500 + ++shortCodes);

test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app, { name: 'Live chat A' });
  other = await workspace(app, { name: 'Live chat B' });
});

describe('live-chat integrations: create, read, update, delete', () => {
  test("creates an INACTIVE integration whose body defaults to seed 002's predefined parameters", async () => {
    const sms = await simDevice(app, ws, { address: shortCode() });
    const wa = await simDevice(app, ws, { channel: 'WHATSAPP', address: phone() });
    const created = await createIntegration(app, ws, { alias: 'Helpdesk', url: 'https://helpdesk.example.com/chat', connectionIds: [sms.id, wa.id] });

    expect(created.id).toMatch(/^[0-9a-f]{24}$/);
    expect(created).toMatchObject({
      workspaceId: ws.id,
      alias: 'Helpdesk',
      status: 'INACTIVE',
      lastError: null,
      url: 'https://helpdesk.example.com/chat',
      method: 'POST',
      queryParams: [],
      headers: {},
      headerFields: [],
      auth: { type: 'NONE', headerName: null, username: null, secret: null },
      permanentStatusCodes: [],
    });
    expect(created.bodyFields).toEqual(SEED002_BODY);
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(created.responseEndpoint).toBe(`${app.url}/integrations/live-chat/${created.id}/chats/{chatIdentifier}/events`);
    expect(created.connections.map((c) => ({ deviceId: c.deviceId, channel: c.channel, sender: c.sender, status: c.status, error: c.error }))).toEqual(
      expect.arrayContaining([
        { deviceId: sms.id, channel: 'SMS', sender: sms.address, status: 'INACTIVE', error: null },
        { deviceId: wa.id, channel: 'WHATSAPP', sender: wa.address, status: 'INACTIVE', error: null },
      ]),
    );
    expect(created.connections).toHaveLength(2);
    expect(created.connections[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    // Configuring connections does not activate anything (seed 002: conflicts are found at activation).
    expect(created.connections.every((c) => c.device.status === 'INACTIVE')).toBe(true);
  });

  test('keeps connections in the order they were configured', async () => {
    const devices = [];
    for (let i = 0; i < 6; i++) devices.push(await simDevice(app, ws, { address: shortCode() }));
    const order = devices.map((d) => d.id).reverse();
    const created = await createIntegration(app, ws, { alias: 'Ordered', url: 'https://helpdesk.example.com/ordered', connectionIds: order });
    expect(created.connections.map((c) => c.deviceId)).toEqual(order);
    const started = await startIntegration(app, ws, created.id);
    expect(started.connections.map((c) => c.deviceId)).toEqual(order);
  });

  test.each([
    ['API_KEY', { type: 'API_KEY', headerName: 'X-Api-Key', value: 'ak_live_1234567890abcd' }, { type: 'API_KEY', headerName: 'X-Api-Key', username: null, secret: `${MASK}abcd` }],
    ['BASIC', { type: 'BASIC', username: 'switchboard', password: 'pa55word-very-secret' }, { type: 'BASIC', headerName: null, username: 'switchboard', secret: `${MASK}cret` }],
    ['BEARER', { type: 'BEARER', token: 'tok_abcdefghijklmnop' }, { type: 'BEARER', headerName: null, username: null, secret: `${MASK}mnop` }],
  ] as const)('stores custom method, query params, %s auth, headers and body fields, and shows secrets masked', async (_name, auth, shown) => {
    const created = await createIntegration(app, ws, {
      alias: `Custom ${auth.type}`,
      url: 'https://bot.example.com/hooks/in',
      method: 'PUT',
      queryParams: [
        { key: 'colour', type: 'TEXT', value: 'blue' },
        { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      auth,
      headers: [
        { key: 'X-Client-Id', type: 'TEXT', value: 'client-secret-header-0042' },
        { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      bodyFields: [
        { key: 'conversation.id', type: 'VARIABLE', value: '{{chatId}}' },
        { key: 'from', type: 'VARIABLE', value: '{{contact}}' },
        { key: 'source', type: 'TEXT', value: 'switchboard' },
        { key: 'labels[]', type: 'TEXT', value: 'support' },
      ],
      permanentStatusCodes: [400, 422],
    });
    expect(created).toMatchObject({
      method: 'PUT',
      queryParams: [
        { key: 'colour', type: 'TEXT', value: 'blue' },
        { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      auth: shown,
      headers: { 'X-Client-Id': `${MASK}0042`, 'X-Channel': expect.any(String) },
      headerFields: [
        { key: 'X-Client-Id', type: 'TEXT', value: `${MASK}0042` },
        { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      bodyFields: [
        { key: 'conversation.id', type: 'VARIABLE', value: '{{chatId}}' },
        { key: 'from', type: 'VARIABLE', value: '{{contact}}' },
        { key: 'source', type: 'TEXT', value: 'switchboard' },
        { key: 'labels[]', type: 'TEXT', value: 'support' },
      ],
      permanentStatusCodes: [400, 422],
    });
    // Neither the create answer nor a later read carries a secret in full.
    const read = (await ok(app.url, LcGet, { id: created.id }, { key: ws.key })).liveChatIntegration;
    for (const text of [JSON.stringify(created), JSON.stringify(read)]) {
      expect(text).not.toContain('client-secret-header-0042');
      for (const secret of ['ak_live_1234567890abcd', 'pa55word-very-secret', 'tok_abcdefghijklmnop']) expect(text).not.toContain(secret);
    }
    expect(read.auth).toEqual(shown);
  });

  test('accepts headers as a plain object, as seed 001 writes them', async () => {
    const created = await createIntegration(app, ws, { url: 'https://bot.example.com/x', headers: { 'x-api-key': 'my-long-header-secret', 'x-channel': '{{channel}}' } });
    expect(created.headerFields).toEqual([
      { key: 'x-api-key', type: 'TEXT', value: `${MASK}cret` },
      { key: 'x-channel', type: 'VARIABLE', value: '{{channel}}' },
    ]);
  });

  test('rejects invalid input naming the field and the rule, and creates nothing', async () => {
    const foreign = await simDevice(app, other, { address: shortCode() });
    const imessage = await simDevice(app, ws, { channel: 'IMESSAGE', address: phone() });
    const before = (await ok(app.url, LcList, {}, { key: ws.key })).liveChatIntegrations.totalCount;
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://bot.example.com' }, 'url'],
      [{ url: 'https://bot.example.com', alias: '   ' }, 'alias'],
      [{ url: 'https://bot.example.com', auth: { type: 'API_KEY', value: 'k' } }, 'auth.headerName'],
      [{ url: 'https://bot.example.com', auth: { type: 'BASIC', username: 'u' } }, 'auth.password'],
      [{ url: 'https://bot.example.com', auth: { type: 'BEARER' } }, 'auth.token'],
      [{ url: 'https://bot.example.com', bodyFields: [{ key: 'bad key', type: 'TEXT', value: 'x' }] }, 'bodyFields.0.key'],
      [{ url: 'https://bot.example.com', bodyFields: [{ key: 'x', type: 'VARIABLE', value: '{{not a variable}}' }] }, 'bodyFields.0.value'],
      [{ url: 'https://bot.example.com', queryParams: [{ key: '', type: 'TEXT', value: 'x' }] }, 'queryParams.0.key'],
      [{ url: 'https://bot.example.com', connectionIds: [foreign.id] }, 'connectionIds'],
      [{ url: 'https://bot.example.com', connectionIds: [imessage.id] }, 'connectionIds'],
    ];
    for (const [input, field] of cases) {
      const r = await execute(app.url, LcCreate, { input: { alias: 'Bad', ...input } as never }, { key: ws.key });
      expect(codeOf(r), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details!.map((d) => d.field), JSON.stringify(input)).toContain(field);
    }
    expect((await ok(app.url, LcList, {}, { key: ws.key })).liveChatIntegrations.totalCount).toBe(before);
  });

  test('updates alias, target and connections; untouched options stay; bodyFields null restores the defaults', async () => {
    const a = await simDevice(app, ws, { address: shortCode() });
    const b = await simDevice(app, ws, { address: shortCode() });
    const created = await createIntegration(app, ws, {
      alias: 'Before',
      url: 'https://bot.example.com/v1',
      auth: { type: 'BEARER', token: 'tok_keep_this_token_1' },
      queryParams: [{ key: 'v', type: 'TEXT', value: '1' }],
      connectionIds: [a.id],
    });
    const updated = (
      await ok(
        app.url,
        LcUpdate,
        {
          input: {
            id: created.id,
            alias: 'After',
            url: 'https://bot.example.com/v2',
            method: 'GET',
            bodyFields: [{ key: 'who', type: 'VARIABLE', value: '{{contact}}' }],
            connectionIds: [b.id],
          },
        },
        { key: ws.key },
      )
    ).updateLiveChatIntegration;
    expect(updated).toMatchObject({
      alias: 'After',
      url: 'https://bot.example.com/v2',
      method: 'GET',
      auth: { type: 'BEARER', secret: `${MASK}en_1` },
      queryParams: [{ key: 'v', type: 'TEXT', value: '1' }],
      bodyFields: [{ key: 'who', type: 'VARIABLE', value: '{{contact}}' }],
    });
    expect(updated.connections.map((c) => c.deviceId)).toEqual([b.id]);
    expect(updated.signingSecret).toBe(created.signingSecret);

    const reset = (await ok(app.url, LcUpdate, { input: { id: created.id, bodyFields: null, auth: { type: 'NONE' } } }, { key: ws.key })).updateLiveChatIntegration;
    expect(reset.bodyFields).toEqual(SEED002_BODY);
    expect(reset.auth.type).toBe('NONE');
    expect(reset.alias).toBe('After');

    const cleared = (await ok(app.url, LcUpdate, { input: { id: created.id, connectionIds: [] } }, { key: ws.key })).updateLiveChatIntegration;
    expect(cleared.connections).toEqual([]);
  });

  test("lists a workspace's integrations with a status filter, reads one, and hides them from other workspaces", async () => {
    const ws2 = await workspace(app, { name: 'Listing' });
    const one = await createIntegration(app, ws2, { alias: 'One', url: 'https://bot.example.com/1' });
    const two = await createIntegration(app, ws2, { alias: 'Two', url: 'https://bot.example.com/2' });
    await startIntegration(app, ws2, two.id);

    const all = (await ok(app.url, LcList, {}, { key: ws2.key })).liveChatIntegrations;
    expect(all.totalCount).toBe(2);
    expect(all.nodes.map((n) => n.alias).sort()).toEqual(['One', 'Two']);
    const active = (await ok(app.url, LcList, { input: { status: 'ACTIVE' } }, { key: ws2.key })).liveChatIntegrations;
    expect(active.nodes.map((n) => n.id)).toEqual([two.id]);
    const inactive = (await ok(app.url, LcList, { input: { status: 'INACTIVE' } }, { key: ws2.key })).liveChatIntegrations;
    expect(inactive.nodes.map((n) => n.id)).toEqual([one.id]);
    // An admin key filters by workspace.
    const admin = (await ok(app.url, LcList, { input: { workspaceId: ws2.id } })).liveChatIntegrations;
    expect(admin.nodes.map((n) => n.id).sort()).toEqual([one.id, two.id].sort());

    expect((await ok(app.url, LcGet, { id: one.id }, { key: ws2.key })).liveChatIntegration.alias).toBe('One');
    const foreignRead = await execute(app.url, LcGet, { id: one.id }, { key: other.key });
    expect(codeOf(foreignRead)).toBe('NOT_FOUND');
    expect((await ok(app.url, LcList, {}, { key: other.key })).liveChatIntegrations.nodes.map((n) => n.id)).not.toContain(one.id);
    const foreignStart = await execute(app.url, LcStart, { input: { id: one.id } }, { key: other.key });
    expect(codeOf(foreignStart)).toBe('NOT_FOUND');
    const foreignList = await execute(app.url, LcList, { input: { workspaceId: ws2.id } }, { key: other.key });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(foreignList));
  });

  test('deletes an integration: reading it is NOT_FOUND and its devices remain', async () => {
    const d = await simDevice(app, ws, { address: shortCode() });
    const created = await createIntegration(app, ws, { alias: 'Doomed', url: 'https://bot.example.com/d', connectionIds: [d.id] });
    await startIntegration(app, ws, created.id);
    expect((await ok(app.url, LcDelete, { input: { id: created.id } }, { key: ws.key })).deleteLiveChatIntegration).toEqual({ id: created.id, deleted: true });
    expect(codeOf(await execute(app.url, LcGet, { id: created.id }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, LcDelete, { input: { id: created.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    expect((await ok(app.url, LcDevice, { id: d.id }, { key: ws.key })).device.id).toBe(d.id);
    // Its sender is free again for another integration.
    const next = await createIntegration(app, ws, { alias: 'Successor', url: 'https://bot.example.com/s', connectionIds: [d.id] });
    expect((await startIntegration(app, ws, next.id)).connections).toEqual([expect.objectContaining({ deviceId: d.id, ok: true })]);
  });
});

describe('live-chat integrations: start and stop (seed 002 activation rules)', () => {
  test('starts with every connection activatable: the integration, each connection and each device become ACTIVE', async () => {
    const sms = await simDevice(app, ws, { address: shortCode() });
    const wa = await simDevice(app, ws, { channel: 'WHATSAPP', address: phone() });
    const created = await createIntegration(app, ws, { url: 'https://bot.example.com/all', connectionIds: [sms.id, wa.id] });
    const started = await startIntegration(app, ws, created.id);

    expect(started.integration.status).toBe('ACTIVE');
    expect(started.integration.lastError).toBeNull();
    const connectionOf = (deviceId: string) => created.connections.find((c) => c.deviceId === deviceId)!.id;
    expect(started.connections).toHaveLength(2);
    expect(started.connections).toEqual(
      expect.arrayContaining([
        { connectionId: connectionOf(sms.id), deviceId: sms.id, ok: true, error: null, errorCode: null },
        { connectionId: connectionOf(wa.id), deviceId: wa.id, ok: true, error: null, errorCode: null },
      ]),
    );
    expect(started.integration.connections.map((c) => [c.status, c.error, c.device.status])).toEqual([
      ['ACTIVE', null, 'ACTIVE'],
      ['ACTIVE', null, 'ACTIVE'],
    ]);
    // Starting again changes nothing.
    const again = await startIntegration(app, ws, created.id);
    expect(again.integration.status).toBe('ACTIVE');
    expect(again.connections.every((c) => c.ok)).toBe(true);
  });

  test('starts with some connections failing: ACTIVE, says not all were activated, and records each failure on its connection', async () => {
    const good = await simDevice(app, ws, { address: shortCode() });
    const refused = await simDevice(app, ws, { address: shortCode(), config: { failActivation: 'the carrier has not provisioned this short code' } });
    // The same sender is already active in another workspace.
    const taken = shortCode();
    await simDevice(app, other, { address: taken, activate: true });
    const clash = await simDevice(app, ws, { address: taken });

    const created = await createIntegration(app, ws, { url: 'https://bot.example.com/some', connectionIds: [good.id, refused.id, clash.id] });
    const started = await startIntegration(app, ws, created.id);

    expect(started.integration.status).toBe('ACTIVE');
    expect(started.integration.lastError).toMatch(/not all connections/i);
    expect(started.connections).toHaveLength(3);
    const outcome = (deviceId: string) => started.connections.find((c) => c.deviceId === deviceId);
    const [okOutcome, refusedOutcome, clashOutcome] = [outcome(good.id), outcome(refused.id), outcome(clash.id)];
    expect(okOutcome).toMatchObject({ deviceId: good.id, ok: true, error: null, errorCode: null });
    expect(refusedOutcome).toMatchObject({ deviceId: refused.id, ok: false, errorCode: 'BAD_USER_INPUT' });
    expect(refusedOutcome!.error).toContain('the carrier has not provisioned this short code');
    expect(clashOutcome).toMatchObject({ deviceId: clash.id, ok: false, errorCode: 'CONFLICT' });
    expect(clashOutcome!.error).toContain(taken);
    expect(clashOutcome!.error).toMatch(/another workspace/);

    const byDevice = Object.fromEntries(started.integration.connections.map((c) => [c.deviceId, c]));
    expect(byDevice[good.id]).toMatchObject({ status: 'ACTIVE', error: null });
    expect(byDevice[refused.id]).toMatchObject({ status: 'INACTIVE' });
    expect(byDevice[refused.id]!.error).toContain('the carrier has not provisioned this short code');
    expect(byDevice[clash.id]).toMatchObject({ status: 'INACTIVE' });
    expect(byDevice[clash.id]!.error).toMatch(/another workspace/);
    expect(byDevice[refused.id]!.device.status).not.toBe('ACTIVE');
    expect(byDevice[clash.id]!.device.status).not.toBe('ACTIVE');

    // Once the driver accepts, starting again activates the connection that failed.
    await ok(app.url, LcUpdateDevice, { input: { id: refused.id, config: { failActivation: null } } }, { key: ws.key });
    const restarted = await startIntegration(app, ws, created.id);
    expect(Object.fromEntries(restarted.connections.map((c) => [c.deviceId, c.ok]))).toEqual({ [good.id]: true, [refused.id]: true, [clash.id]: false });
    expect(restarted.integration.connections.find((c) => c.deviceId === refused.id)).toMatchObject({ status: 'ACTIVE', error: null });
  });

  test('stays INACTIVE with an error when no connection can be activated, and enables none', async () => {
    const refused = await simDevice(app, ws, { address: shortCode(), config: { failActivation: 'sender suspended' } });
    const taken = phone();
    await simDevice(app, other, { channel: 'WHATSAPP', address: taken, activate: true });
    const clash = await simDevice(app, ws, { channel: 'WHATSAPP', address: taken });
    const created = await createIntegration(app, ws, { url: 'https://bot.example.com/none', connectionIds: [refused.id, clash.id] });

    const started = await startIntegration(app, ws, created.id);
    expect(started.integration.status).toBe('INACTIVE');
    expect(started.integration.lastError).toMatch(/no connection could be activated/i);
    expect(Object.fromEntries(started.connections.map((c) => [c.deviceId, [c.ok, c.errorCode]]))).toEqual({
      [refused.id]: [false, 'BAD_USER_INPUT'],
      [clash.id]: [false, 'CONFLICT'],
    });
    expect(started.integration.connections.every((c) => c.status === 'INACTIVE' && c.error)).toBe(true);
    const device = (await ok(app.url, LcDevice, { id: refused.id }, { key: ws.key })).device;
    expect(device.status).toBe('ERROR');
    expect(device.lastError).toContain('sender suspended');
  });

  test('refuses a sender already used by another active integration of the workspace (CONFLICT), and frees it when that one stops', async () => {
    const shared = await simDevice(app, ws, { address: shortCode() });
    const own = await simDevice(app, ws, { address: shortCode() });
    const first = await createIntegration(app, ws, { alias: 'First', url: 'https://bot.example.com/first', connectionIds: [shared.id] });
    const second = await createIntegration(app, ws, { alias: 'Second', url: 'https://bot.example.com/second', connectionIds: [shared.id, own.id] });
    expect((await startIntegration(app, ws, first.id)).integration.status).toBe('ACTIVE');

    const started = await startIntegration(app, ws, second.id);
    expect(started.integration.status).toBe('ACTIVE');
    const sharedOutcome = started.connections.find((c) => c.deviceId === shared.id);
    const ownOutcome = started.connections.find((c) => c.deviceId === own.id);
    expect(sharedOutcome).toMatchObject({ deviceId: shared.id, ok: false, errorCode: 'CONFLICT' });
    expect(sharedOutcome!.error).toContain(shared.address);
    expect(ownOutcome).toMatchObject({ deviceId: own.id, ok: true });
    // The first integration keeps its connection.
    const firstNow = (await ok(app.url, LcGet, { id: first.id }, { key: ws.key })).liveChatIntegration;
    expect(firstNow.connections[0]).toMatchObject({ deviceId: shared.id, status: 'ACTIVE' });

    // Only one of them may hold it: when the first stops, the second takes it.
    await stopIntegration(app, ws, first.id);
    const retried = await startIntegration(app, ws, second.id);
    expect(retried.connections.map((c) => c.ok)).toEqual([true, true]);
    expect(retried.integration.lastError).toBeNull();
    const firstAgain = await startIntegration(app, ws, first.id);
    expect(firstAgain.integration.status).toBe('INACTIVE');
    expect(firstAgain.connections[0]).toMatchObject({ ok: false, errorCode: 'CONFLICT' });
  });

  test('starts an integration without connections (the chatbot case): ACTIVE with no error', async () => {
    const created = await createIntegration(app, ws, { alias: 'Chatbot', url: 'https://bot.example.com/chatbot' });
    const started = await startIntegration(app, ws, created.id);
    expect(started.connections).toEqual([]);
    expect(started.integration).toMatchObject({ status: 'ACTIVE', lastError: null, connections: [] });
  });

  test('stops: the integration and its connections become INACTIVE, the devices stay active', async () => {
    const d = await simDevice(app, ws, { address: shortCode() });
    const created = await createIntegration(app, ws, { url: 'https://bot.example.com/stop', connectionIds: [d.id] });
    await startIntegration(app, ws, created.id);
    const stopped = await stopIntegration(app, ws, created.id);
    expect(stopped.status).toBe('INACTIVE');
    expect(stopped.lastError).toBeNull();
    expect(stopped.connections.map((c) => c.status)).toEqual(['INACTIVE']);
    expect(stopped.connections[0]!.device.status).toBe('ACTIVE');
    const listed = (await ok(app.url, LcList, { input: { status: 'ACTIVE' } }, { key: ws.key })).liveChatIntegrations.nodes.map((n) => n.id);
    expect(listed).not.toContain(created.id);
  });
});
