import { describe, expect } from 'vitest';
import { createSender } from '../../src/delivery/send.ts';
import { BlockedAddressError, safeLookup } from '../../src/outbound/ssrf.ts';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, simulateInbound, waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, webhook, workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';

/** With SWITCHBOARD_ALLOW_PRIVATE_TARGETS=false, nothing is sent to private, loopback, link-local or metadata addresses. */

const SsrfCreate = graphql(`
  mutation SsrfCreate($input: WebhookCreateInput!) {
    createWebhook(input: $input) {
      id
      url
    }
  }
`);

const SsrfUpdate = graphql(`
  mutation SsrfUpdate($input: WebhookUpdateInput!) {
    updateWebhook(input: $input) {
      id
      url
    }
  }
`);

const SsrfWorkspace = graphql(`
  mutation SsrfWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
    }
  }
`);

const SsrfLiveChat = graphql(`
  mutation SsrfLiveChat($input: LiveChatIntegrationCreateInput!) {
    createLiveChatIntegration(input: $input) {
      id
    }
  }
`);

const test = appTest({ SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'false', SWITCHBOARD_RETRY_SCHEDULE: '1,1' });
let app: TestApp;
let receiver: Receiver;
let port: string;
test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  port = new URL(receiver.url).port;
});

describe('the connect-time check', () => {
  const blockedAtConnect = (address: string) =>
    new Promise<boolean>((resolve) => safeLookup(address, { all: true }, (error) => resolve(error instanceof BlockedAddressError)));

  test.each(['::7f00:1', '::808:808', '::ffff:0:a00:1', '64:ff9b:1::a00:1', '2001::1', 'fec0::1', '127.0.0.1', '::ffff:169.254.169.254'])(
    'a name resolving to %s is refused when connecting',
    async (address) => {
      expect(await blockedAtConnect(address)).toBe(true);
    },
  );

  test.each(['93.184.215.14', '2606:4700:4700::1111', '::ffff:93.184.215.14'])('a public address (%s) is let through', async (address) => {
    expect(await blockedAtConnect(address)).toBe(false);
  });

  test('a delivery to an IPv4-compatible IPv6 literal ends BLOCKED without connecting', async () => {
    const send = createSender({ allowPrivate: false, connectTimeoutMs: 1000, totalTimeoutMs: 2000 });
    const result = await send({ method: 'POST', url: `http://[::7f00:1]:${port}/ssrf-compat`, headers: {}, body: '{}' });
    expect(result).toMatchObject({ statusCode: null, errorKind: 'BLOCKED' });
    expect(receiver.requests.filter((r) => r.path === '/ssrf-compat')).toHaveLength(0);
  });
});

describe('SSRF guard', () => {
  test.each([
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:8080/hook',
    'http://192.168.1.20/hook',
    'http://172.16.5.4/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    // Deprecated and translated IPv6 forms that embed or reach an IPv4 address.
    'http://[::7f00:1]/hook',
    'http://[::127.0.0.1]/hook',
    'http://[::a9fe:a9fe]/hook',
    'http://[::ffff:7f00:1]/hook',
    'http://[::ffff:0:7f00:1]/hook',
    'http://[64:ff9b::a00:1]/hook',
    'http://[64:ff9b:1::a00:1]/hook',
    'http://[2002:7f00:1::]/hook',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook',
    'http://[fec0::1]/hook',
  ])('createWebhook to %s is refused with BAD_USER_INPUT naming url', async (url) => {
    const ws = await workspace(app);
    const r = await execute(app.url, SsrfCreate, { input: { workspaceId: ws.id, label: 'ssrf', url, event: 'NEW_CLIENT' } }, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details![0]!.field).toBe('url');
    expect(r.errors![0]!.message).toContain('url');
  });

  test('a public address is accepted, and an update to a private one is refused', async ({ ws }) => {
    const created = (await ok(app.url, SsrfCreate, { input: { workspaceId: ws.id, label: 'public', url: 'https://93.184.215.14/hook', event: 'NEW_CLIENT', sendTestPing: false } }, { key: ws.key })).createWebhook;
    const r = await execute(app.url, SsrfUpdate, { input: { id: created.id, url: 'http://10.0.0.1/hook' } }, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details![0]!.field).toBe('url');
  });

  test('a live-chat integration to a private address is refused', async ({ ws }) => {
    const r = await execute(app.url, SsrfLiveChat, { input: { alias: 'x', url: 'http://169.254.169.254/' } }, { key: ws.key });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  test('a workspace webhook URL at a private address is refused', async () => {
    const r = await execute(app.url, SsrfWorkspace, { input: { name: 'ssrf', webhookUrl: 'http://10.0.0.1/hook' } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details![0]!.field).toBe('webhookUrl');
  });

  test('deliveries to a DNS name resolving to loopback end FAILED as BLOCKED, and nothing reaches it', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `http://localhost:${port}/ssrf-dns`, event: 'NEW_CLIENT', sendTestPing: true });
    await createClient(app, ws, { phone: phone() });
    const done = await waitForDeliveries(app, ws, { webhookId: hook.id }, (n) => n.length === 2 && n.every((d) => d.status === 'FAILED'), 10_000);
    expect(done.map((d) => d.event.type).sort()).toEqual(['NEW_CLIENT', 'PING']);
    for (const d of done) {
      expect(d.attemptCount).toBe(1);
      expect(d.attempts[0]).toMatchObject({ statusCode: null, errorKind: 'BLOCKED', responseBody: null });
      expect(d.attempts[0]!.error).toContain('localhost');
    }
    expect(receiver.requests.filter((r) => r.path === '/ssrf-dns')).toHaveLength(0);
  });

  test('the workspace webhook (seed 000) to a DNS name resolving to loopback is BLOCKED too', async () => {
    const ws = await workspace(app, { webhookUrl: `http://localhost:${port}/ssrf-ws` });
    const sms = await device(app, ws, { channel: 'SMS' });
    await simulateInbound(app, ws, { deviceId: sms.id, phone: phone(), message: 'hello' });
    const [d] = await waitForDeliveries(app, ws, {}, (n) => n.some((x) => x.targetKind === 'WORKSPACE' && x.status === 'FAILED'), 10_000).then((n) => n.filter((x) => x.targetKind === 'WORKSPACE'));
    expect(d!.attempts[0]).toMatchObject({ statusCode: null, errorKind: 'BLOCKED' });
    expect(receiver.requests.filter((r) => r.path === '/ssrf-ws')).toHaveLength(0);
  });
});
