import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok, rawGraphQL } from '../support/graphql.ts';
import { rows } from '../support/messaging.ts';

const DeviceCreate = graphql(`
  mutation DeviceCreate($input: DeviceCreateInput!) {
    createDevice(input: $input) {
      token
      device {
        id
        workspaceId
        label
        channel
        address
        driver
        config
        integrationType
        status
        lastError
        activatedAt
        tokenPrefix
        inboundUrl
        statusUrl
      }
    }
  }
`);

const DeviceUpdate = graphql(`
  mutation DeviceUpdate($input: DeviceUpdateInput!) {
    updateDevice(input: $input) {
      id
      label
      config
      integrationType
    }
  }
`);

const DeviceDelete = graphql(`
  mutation DeviceDelete($input: DeviceIdInput!) {
    deleteDevice(input: $input) {
      id
      deleted
    }
  }
`);

const DeviceGet = graphql(`
  query DeviceGet($id: ID!) {
    device(id: $id) {
      id
      status
      lastError
      activatedAt
      label
      config
      tokenPrefix
    }
  }
`);

const DeviceList = graphql(`
  query DeviceList($input: DevicesInput) {
    devices(input: $input) {
      nodes {
        id
        channel
        status
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const DeviceActivate = graphql(`
  mutation DeviceActivate($input: DevicesActivateInput!) {
    activateDevices(input: $input) {
      deviceId
      ok
      error {
        code
        message
      }
      device {
        id
        status
        lastError
      }
    }
  }
`);

const DeviceDeactivate = graphql(`
  mutation DeviceDeactivate($input: DevicesActivateInput!) {
    deactivateDevices(input: $input) {
      deviceId
      ok
      error {
        code
      }
      device {
        status
      }
    }
  }
`);

const test = appTest();
let app: TestApp;
let ws: Workspace;
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app);
});

type Channel = 'SMS' | 'WHATSAPP' | 'IMESSAGE' | 'RCS';
const create = (input: { channel: Channel; address: string; config?: unknown; label?: string; driver?: string }, key: string | null = ws.key) =>
  execute(app.url, DeviceCreate, { input }, { key });
const created = async (input: { channel: Channel; address: string; config?: unknown; label?: string }, key = ws.key) => {
  const r = await create(input, key);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createDevice;
};
const activate = (ids: string[], key = ws.key) => ok(app.url, DeviceActivate, { input: { ids } }, { key }).then((d) => d.activateDevices);

describe('devices', () => {
  test('creates an inactive simulator device and shows its token once', async () => {
    const c = await created({ channel: 'WHATSAPP', address: phone(), label: 'Support line', config: { deliveredAfterMs: 10 } });
    expect(c.device).toMatchObject({
      workspaceId: ws.id,
      label: 'Support line',
      channel: 'WHATSAPP',
      driver: 'simulator',
      integrationType: 'WHATSAPP',
      status: 'INACTIVE',
      lastError: null,
      activatedAt: null,
    });
    expect(c.device.config).toMatchObject({ deliveredAfterMs: 10, enforceSessionWindow: false });
    expect(c.token.startsWith(c.device.tokenPrefix)).toBe(true);
    expect(c.token.length).toBeGreaterThan(c.device.tokenPrefix.length + 16);
    expect(c.device.inboundUrl).toBe(`${app.url}/devices/${c.device.id}/inbound`);
    expect(c.device.statusUrl).toBe(`${app.url}/devices/${c.device.id}/status`);
    // Afterwards only the prefix is visible, and the database keeps a hash only.
    const again = (await ok(app.url, DeviceGet, { id: c.device.id }, { key: ws.key })).device;
    expect(JSON.stringify(again)).not.toContain(c.token);
    const [row] = await rows<{ token_hash: string }>(app, 'SELECT token_hash FROM devices WHERE id = $1', [c.device.id]);
    expect(row!.token_hash).not.toContain(c.token);
  });

  test('updates label and config, and deletes a device', async () => {
    const c = await created({ channel: 'SMS', address: phone() });
    const updated = (await ok(app.url, DeviceUpdate, { input: { id: c.device.id, label: 'Renamed', config: { deliveredAfterMs: 5, failNumbers: { '+14155552671': 'sim:30003' } } } }, { key: ws.key })).updateDevice;
    expect(updated.label).toBe('Renamed');
    expect(updated.config).toMatchObject({ deliveredAfterMs: 5, failNumbers: { '+14155552671': 'sim:30003' } });
    const bad = await execute(app.url, DeviceUpdate, { input: { id: c.device.id, config: { deliveredAfterMs: -1 } } }, { key: ws.key });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.details![0]!.field).toMatch(/^config/);

    // A contact wrote through it: deleting the device removes its conversations and messages too.
    await activate([c.device.id]);
    const inbound = await fetch(`${app.url}/devices/${c.device.id}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ from: phone(), message: 'hello' }),
    });
    expect(inbound.status).toBe(201);
    expect(await rows(app, 'SELECT id FROM messages WHERE device_id = $1', [c.device.id])).toHaveLength(1);

    expect((await ok(app.url, DeviceDelete, { input: { id: c.device.id } }, { key: ws.key })).deleteDevice).toEqual({ id: c.device.id, deleted: true });
    expect(codeOf(await execute(app.url, DeviceGet, { id: c.device.id }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(await rows(app, 'SELECT id FROM messages WHERE device_id = $1', [c.device.id])).toHaveLength(0);
    expect(await rows(app, 'SELECT id FROM conversations WHERE device_id = $1', [c.device.id])).toHaveLength(0);
  });

  test('lists devices by channel and status, and hides other workspaces’ devices', async () => {
    const mine = await workspace(app, { name: 'Listing' });
    const a = await created({ channel: 'SMS', address: phone() }, mine.key);
    await created({ channel: 'SMS', address: phone() }, mine.key);
    await created({ channel: 'IMESSAGE', address: 'bridge@example.com' }, mine.key);
    await activate([a.device.id], mine.key);

    const all = (await ok(app.url, DeviceList, {}, { key: mine.key })).devices;
    expect(all.totalCount).toBe(3);
    expect((await ok(app.url, DeviceList, { input: { channel: 'SMS' } }, { key: mine.key })).devices.totalCount).toBe(2);
    const active = (await ok(app.url, DeviceList, { input: { status: 'ACTIVE' } }, { key: mine.key })).devices;
    expect(active.nodes.map((d) => d.id)).toEqual([a.device.id]);
    const page = (await ok(app.url, DeviceList, { input: { first: 2 } }, { key: mine.key })).devices;
    expect(page.nodes).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);

    expect(codeOf(await execute(app.url, DeviceGet, { id: a.device.id }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, DeviceList, { input: { workspaceId: mine.id } }, { key: ws.key }))).toBe('NOT_FOUND');
    expect(codeOf(await execute(app.url, DeviceDelete, { input: { id: a.device.id } }, { key: ws.key }))).toBe('NOT_FOUND');
  });

  describe('validates the sender address per channel', () => {
    const accepted: [Channel, string][] = [
      ['SMS', '+14155552671'],
      ['SMS', '55123'],
      ['SMS', 'ACME'],
      ['SMS', 'Acme Shop 1'],
      ['WHATSAPP', '+923004610062'],
      ['IMESSAGE', '+14155552671'],
      ['IMESSAGE', 'support@example.com'],
      ['RCS', '+14155552671'],
    ];
    const refused: [Channel, string][] = [
      ['SMS', '14155552671x'],
      ['SMS', 'ACME-SHOP!'],
      ['SMS', 'TwelveLetter'],
      ['SMS', '12'],
      ['SMS', '+1415555'],
      ['WHATSAPP', '55123'],
      ['WHATSAPP', 'ACME'],
      ['WHATSAPP', '+14155552671 '.repeat(2)],
      ['IMESSAGE', 'ACME'],
      ['RCS', 'not a number'],
      ['SMS', ''],
    ];
    for (const [channel, address] of accepted) {
      test(`accepts ${JSON.stringify(address)} on ${channel}`, async () => {
        const r = await create({ channel, address });
        expect(r.errors).toBeUndefined();
      });
    }
    for (const [channel, address] of refused) {
      test(`refuses ${JSON.stringify(address)} on ${channel}, naming the address`, async () => {
        const r = await create({ channel, address });
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
        expect(r.errors![0]!.extensions!.details![0]!.field).toBe('address');
      });
    }
  });

  test('refuses an unknown driver or a bad simulator config, naming the field', async () => {
    const driver = await create({ channel: 'SMS', address: phone(), driver: 'carrier-pigeon' });
    expect(codeOf(driver)).toBe('BAD_USER_INPUT');
    expect(driver.errors![0]!.extensions!.details![0]!.field).toBe('driver');
    const config = await create({ channel: 'SMS', address: phone(), config: { deliveredAfterMs: 'soon' } });
    expect(codeOf(config)).toBe('BAD_USER_INPUT');
    expect(config.errors![0]!.extensions!.details![0]!.field).toBe('config.deliveredAfterMs');
    const unknownKey = await create({ channel: 'SMS', address: phone(), config: { sendFaster: true } });
    expect(codeOf(unknownKey)).toBe('BAD_USER_INPUT');
  });
});

describe('activation', () => {
  test('activates each device on its own: one active, one refused by its driver with the reason kept', async () => {
    const good = await created({ channel: 'SMS', address: phone() });
    const bad = await created({ channel: 'WHATSAPP', address: phone(), config: { failActivation: 'the number is not registered with WhatsApp' } });
    const results = await activate([good.device.id, bad.device.id]);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ deviceId: good.device.id, ok: true, error: null, device: { status: 'ACTIVE', lastError: null } });
    expect(results[1]).toMatchObject({ deviceId: bad.device.id, ok: false, device: { status: 'ERROR' } });
    expect(results[1]!.error!.message).toContain('the number is not registered with WhatsApp');
    const stored = (await ok(app.url, DeviceGet, { id: bad.device.id }, { key: ws.key })).device;
    expect(stored.status).toBe('ERROR');
    expect(stored.lastError).toContain('the number is not registered with WhatsApp');
    expect(stored.activatedAt).toBeNull();
    expect((await ok(app.url, DeviceGet, { id: good.device.id }, { key: ws.key })).device.activatedAt).not.toBeNull();

    // Fixing the config (null removes a key; the rest is kept) and activating again clears the error.
    await ok(app.url, DeviceUpdate, { input: { id: bad.device.id, config: { failActivation: null } } }, { key: ws.key });
    const [retry] = await activate([bad.device.id]);
    expect(retry).toMatchObject({ ok: true, device: { status: 'ACTIVE', lastError: null } });
  });

  test('answers per device for unknown ids and other workspaces’ devices', async () => {
    const other = await workspace(app, { name: 'Not yours' });
    const theirs = await created({ channel: 'SMS', address: phone() }, other.key);
    const results = await activate(['000000000000000000000000', theirs.device.id]);
    expect(results.map((r) => [r.ok, r.error?.code])).toEqual([
      [false, 'NOT_FOUND'],
      [false, 'NOT_FOUND'],
    ]);
    expect((await ok(app.url, DeviceGet, { id: theirs.device.id }, { key: other.key })).device.status).toBe('INACTIVE');
  });

  test('refuses a sender already active on the same channel in another workspace as a CONFLICT', async () => {
    const address = phone();
    const first = await workspace(app, { name: 'First holder' });
    const second = await workspace(app, { name: 'Second holder' });
    const a = await created({ channel: 'WHATSAPP', address }, first.key);
    const b = await created({ channel: 'WHATSAPP', address }, second.key);
    expect((await activate([a.device.id], first.key))[0]!.ok).toBe(true);
    const [conflict] = await activate([b.device.id], second.key);
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(conflict!.error!.message).toContain(address);
    expect(conflict!.error!.message).toContain('another workspace');

    // The same address on another channel is a different sender.
    const sms = await created({ channel: 'SMS', address }, second.key);
    expect((await activate([sms.device.id], second.key))[0]!.ok).toBe(true);
    // A second device with the address in the same workspace conflicts too.
    const twin = await created({ channel: 'WHATSAPP', address }, first.key);
    expect((await activate([twin.device.id], first.key))[0]!.error!.code).toBe('CONFLICT');

    // Once the first holder lets go, the other workspace may take it.
    const [off] = (await ok(app.url, DeviceDeactivate, { input: { ids: [a.device.id] } }, { key: first.key })).deactivateDevices;
    expect(off).toMatchObject({ ok: true, device: { status: 'INACTIVE' } });
    expect((await activate([b.device.id], second.key))[0]!.ok).toBe(true);
  });

  test('activating an active device again is harmless', async () => {
    const d = await created({ channel: 'SMS', address: phone() });
    expect((await activate([d.device.id]))[0]!.ok).toBe(true);
    expect((await activate([d.device.id]))[0]).toMatchObject({ ok: true, device: { status: 'ACTIVE' } });
  });

  test('a deactivated device no longer sends: the channel has no active device', async () => {
    const own = await workspace(app, { name: 'Deactivation' });
    const d = await created({ channel: 'RCS', address: phone() }, own.key);
    await activate([d.device.id], own.key);
    const body = { location_id: own.locationId, phone: phone(), message: 'hi', channel: 'rcs' };
    expect((await postWebhook(app, { ...body, message_id: 'deact-1' }, own.key)).status).toBe(200);
    const results = (await ok(app.url, DeviceDeactivate, { input: { ids: [d.device.id] } }, { key: own.key })).deactivateDevices;
    expect(results).toEqual([{ deviceId: d.device.id, ok: true, error: null, device: { status: 'INACTIVE' } }]);
    const refused = await postWebhook(app, { ...body, message_id: 'deact-2' }, own.key);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('channel');
  });
});

describe('activation without a key', () => {
  test('is UNAUTHENTICATED', async () => {
    const r = await rawGraphQL(app.url, { query: 'mutation { activateDevices(input: { ids: ["x"] }) { ok } }' }, { key: null });
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
  });
});
