import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import { distinctEvents, eventsOn, rows } from '../support/messaging.ts';
import type { Receiver } from '../support/receiver.ts';
import { deliveriesSettled, sleep } from '../support/wait.ts';

const ClientCreate = graphql(`
  mutation ClientCreate($input: ClientCreateInput!) {
    createClient(input: $input) {
      id
      workspaceId
      phone
      name
      surname
      email
      address
      city
      country
      externalClientId
      tags
      stageId
      createdAt
      patchedAt
    }
  }
`);

const ClientUpdate = graphql(`
  mutation ClientUpdate($input: ClientUpdateInput!) {
    updateClient(input: $input) {
      id
      phone
      name
      surname
      email
      city
      country
      tags
      patchedAt
    }
  }
`);

const ClientDelete = graphql(`
  mutation ClientDelete($input: ClientIdInput!) {
    deleteClient(input: $input) {
      id
      deleted
    }
  }
`);

const ClientGet = graphql(`
  query ClientGet($id: ID!) {
    client(id: $id) {
      id
      phone
      name
      tags
    }
  }
`);

const ClientList = graphql(`
  query ClientList($input: ClientsInput) {
    clients(input: $input) {
      nodes {
        id
        phone
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const ClientInbound = graphql(`
  mutation ClientInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      clientId
    }
  }
`);

const test = appTest();
let app: TestApp;
let receiver: Receiver;
let ws: Workspace;
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  ws = await workspace(app);
  await webhook(app, ws, { url: `${receiver.url}/new-client`, event: 'NEW_CLIENT' });
  await webhook(app, ws, { url: `${receiver.url}/client-updated`, event: 'CLIENT_UPDATED' });
});

const create = (input: Record<string, unknown>, key: string | null = ws.key) => execute(app.url, ClientCreate, { input: input as never }, { key });

describe('clients', () => {
  test('creates a contact and emits NEW_CLIENT in the seed 001 shape', async () => {
    const p = phone();
    const c = (
      await ok(
        app.url,
        ClientCreate,
        { input: { phone: p, name: 'Temp', surname: 'Client', email: 'temp@example.com', city: 'Istanbul', country: 'Turkey', externalClientId: 'crm-42', tags: ['VIP'] } },
        { key: ws.key },
      )
    ).createClient;
    expect(c).toMatchObject({ workspaceId: ws.id, phone: p, name: 'Temp', surname: 'Client', tags: ['VIP'], address: null, stageId: null });
    expect(c.id).toMatch(/^[0-9a-f]{24}$/);

    const [event] = await eventsOn(receiver, '/new-client', 1, (r) => r.json.id === c.id);
    expect(event!.json).toEqual({
      event: 'NEW_CLIENT',
      workspaceId: ws.id,
      id: c.id,
      email: 'temp@example.com',
      name: 'Temp',
      surname: 'Client',
      phone: p,
      address: null,
      city: 'Istanbul',
      country: 'Turkey',
      externalClientId: 'crm-42',
      tags: ['VIP'],
      stageId: null,
      createdAt: c.createdAt,
      patchedAt: c.patchedAt,
      eventId: event!.headers['webhook-id'],
    });
  });

  test('updates a contact and emits CLIENT_UPDATED with the new values', async () => {
    const c = (await ok(app.url, ClientCreate, { input: { phone: phone(), name: 'Before', tags: ['lead'] } }, { key: ws.key })).createClient;
    await sleep(5);
    const u = (await ok(app.url, ClientUpdate, { input: { id: c.id, name: 'After', city: 'Lahore', tags: ['customer', 'VIP'] } }, { key: ws.key })).updateClient;
    expect(u).toMatchObject({ id: c.id, name: 'After', city: 'Lahore', tags: ['customer', 'VIP'], phone: c.phone });
    expect(u.patchedAt > c.patchedAt).toBe(true);

    const [event] = await eventsOn(receiver, '/client-updated', 1, (r) => r.json.id === c.id);
    expect(event!.json).toMatchObject({ event: 'CLIENT_UPDATED', workspaceId: ws.id, id: c.id, name: 'After', city: 'Lahore', tags: ['customer', 'VIP'], phone: c.phone, patchedAt: u.patchedAt });
    expect((await ok(app.url, ClientGet, { id: c.id }, { key: ws.key })).client).toEqual({ id: c.id, phone: c.phone, name: 'After', tags: ['customer', 'VIP'] });
  });

  test('refuses a second contact with the same phone as a CONFLICT, on create and on update', async () => {
    const p = phone();
    const first = (await ok(app.url, ClientCreate, { input: { phone: p } }, { key: ws.key })).createClient;
    const dup = await create({ phone: p, name: 'Twin' });
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(dup.errors![0]!.message).toContain('phone');
    const other = (await ok(app.url, ClientCreate, { input: { phone: phone() } }, { key: ws.key })).createClient;
    expect(codeOf(await execute(app.url, ClientUpdate, { input: { id: other.id, phone: p } }, { key: ws.key }))).toBe('CONFLICT');
    // The same phone in another workspace is another contact.
    const elsewhere = await workspace(app, { name: 'Elsewhere' });
    expect(codeOf(await create({ phone: p }, elsewhere.key))).toBeUndefined();
    expect((await ok(app.url, ClientGet, { id: first.id }, { key: ws.key })).client.phone).toBe(p);
  });

  test('refuses bad input naming the field', async () => {
    for (const [input, field] of [
      [{ phone: '0300 1234567' }, 'phone'],
      [{ phone: phone(), email: 'not-an-email' }, 'email'],
      [{ phone: phone(), tags: [''] }, 'tags'],
      [{ phone: phone(), name: 'x'.repeat(201) }, 'name'],
    ] as const) {
      const r = await create(input);
      expect(codeOf(r), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details![0]!.field.startsWith(field)).toBe(true);
    }
  });

  test('deletes a contact, with its conversations and messages', async () => {
    const own = await workspace(app, { name: 'Deleting' });
    const dev = await device(app, own, { channel: 'SMS' });
    const m = (await ok(app.url, ClientInbound, { input: { deviceId: dev.id, phone: phone(), message: 'forget me' } }, { key: own.key })).simulateInbound;
    expect((await ok(app.url, ClientDelete, { input: { id: m.clientId } }, { key: own.key })).deleteClient).toEqual({ id: m.clientId, deleted: true });
    expect(codeOf(await execute(app.url, ClientGet, { id: m.clientId }, { key: own.key }))).toBe('NOT_FOUND');
    expect(await rows(app, 'SELECT id FROM messages WHERE client_id = $1', [m.clientId])).toHaveLength(0);
    expect(await rows(app, 'SELECT id FROM conversations WHERE client_id = $1', [m.clientId])).toHaveLength(0);
  });

  test('lists contacts filtered by tag, phone and name, and keeps workspaces apart', async () => {
    const own = await workspace(app, { name: 'Filtering' });
    const mk = (input: Record<string, unknown>) => ok(app.url, ClientCreate, { input: input as never }, { key: own.key }).then((d) => d.createClient);
    const ada = await mk({ phone: '+923004610062', name: 'Ada', surname: 'Lovelace', tags: ['VIP', 'beta'] });
    const bob = await mk({ phone: '+14155552671', name: 'Bob', surname: 'Adams', tags: ['beta'] });
    const cy = await mk({ phone: '+16505551234', name: 'Cy', tags: [] });

    const list = async (input: Record<string, unknown>) => (await ok(app.url, ClientList, { input }, { key: own.key })).clients;
    expect((await list({})).nodes.map((c) => c.id)).toEqual([cy.id, bob.id, ada.id]);
    expect((await list({ tag: 'VIP' })).nodes.map((c) => c.id)).toEqual([ada.id]);
    expect((await list({ tag: 'beta' })).totalCount).toBe(2);
    expect((await list({ phone: '+92300' })).nodes.map((c) => c.id)).toEqual([ada.id]);
    expect((await list({ phone: '5551234' })).nodes.map((c) => c.id)).toEqual([cy.id]);
    // Name matches name or surname, case-insensitively.
    expect((await list({ name: 'ada' })).nodes.map((c) => c.id).sort()).toEqual([ada.id, bob.id].sort());
    expect((await list({ name: 'ADA', tag: 'VIP' })).nodes.map((c) => c.id)).toEqual([ada.id]);
    const page = await list({ first: 2 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await list({ first: 2, after: page.pageInfo.endCursor });
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([...page.nodes, ...next.nodes].map((c) => c.id)).toEqual([cy.id, bob.id, ada.id]);

    expect(codeOf(await execute(app.url, ClientGet, { id: ada.id }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, ClientList, { input: { workspaceId: own.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, ClientDelete, { input: { id: ada.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    expect((await list({})).totalCount).toBe(3);
  });

  test('creates a contact automatically the first time a number writes, once', async () => {
    const own = await workspace(app, { name: 'Automatic' });
    await webhook(app, own, { url: `${receiver.url}/auto-new-client`, event: 'NEW_CLIENT' });
    const dev = await device(app, own, { channel: 'WHATSAPP' });
    const p = phone();
    const first = (await ok(app.url, ClientInbound, { input: { deviceId: dev.id, phone: p, message: 'one' } }, { key: own.key })).simulateInbound;
    const second = (await ok(app.url, ClientInbound, { input: { deviceId: dev.id, phone: p, message: 'two' } }, { key: own.key })).simulateInbound;
    expect(second.clientId).toBe(first.clientId);
    expect((await ok(app.url, ClientList, { input: { phone: p } }, { key: own.key })).clients.totalCount).toBe(1);
    await eventsOn(receiver, '/auto-new-client', 1);
    await deliveriesSettled(app, own.id);
    expect(distinctEvents(receiver, '/auto-new-client')).toHaveLength(1);
  });
});
