import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone, postWebhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';

const WindowSend = graphql(`
  mutation WindowSend($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
      type
      status
    }
  }
`);

const WindowInbound = graphql(`
  mutation WindowInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      conversationId
    }
  }
`);

const test = appTest();
let app: TestApp;
let ws: Workspace;
let wa: { id: string };
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app);
  wa = await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 0, readAfterMs: 0, enforceSessionWindow: true } });
});

const text = (to: string, extra: Record<string, unknown> = {}) => execute(app.url, WindowSend, { input: { channel: 'WHATSAPP', phone: to, message: 'Hi!', ...extra } }, { key: ws.key });

function expectWindowRefusal(r: Awaited<ReturnType<typeof text>>) {
  expect(codeOf(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0]!.message).toMatch(/24-hour/);
  expect(r.errors![0]!.message).toMatch(/template/i);
  expect(r.errors![0]!.extensions!.details![0]!.field).toBe('message');
}

describe("WhatsApp's 24-hour customer-service window", () => {
  test('refuses free-form text to a contact who never wrote, naming the rule, on GraphQL and POST /webhook', async () => {
    const to = phone();
    expectWindowRefusal(await text(to));
    const rest = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'Hi!', message_id: 'window-1', channel: 'whatsapp' }, ws.key);
    expect(rest.status).toBe(400);
    expect(rest.body.error).toBe('Invalid payload');
    expect(rest.body.details[0].field).toBe('message');
    expect(rest.body.details[0].message).toMatch(/24-hour/);
  });

  test('always allows a TEMPLATE message', async () => {
    const r = await text(phone(), { type: 'TEMPLATE', message: 'appointment_reminder' });
    expect(codeOf(r)).toBeUndefined();
    expect(r.data!.sendMessage).toMatchObject({ type: 'TEMPLATE', status: 'QUEUED' });
  });

  test('allows free-form text once the contact wrote, and refuses it again 24 hours after their last message', async () => {
    const to = phone();
    expectWindowRefusal(await text(to));
    const inbound = (await ok(app.url, WindowInbound, { input: { deviceId: wa.id, phone: to, message: 'Hello?' } }, { key: ws.key })).simulateInbound;
    const inside = await text(to, { message: 'Happy to help' });
    expect(codeOf(inside)).toBeUndefined();
    const rest = await postWebhook(app, { location_id: ws.locationId, phone: to, message: 'Still here', message_id: 'window-2', channel: 'whatsapp' }, ws.key);
    expect(rest.status).toBe(200);

    await app.rt.pool.query(`UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = $1`, [inbound.conversationId]);
    expectWindowRefusal(await text(to, { message: 'Are you there?' }));
    expect(codeOf(await text(to, { type: 'TEMPLATE', message: 'follow_up' }))).toBeUndefined();

    // Just inside the window is still fine.
    await app.rt.pool.query(`UPDATE conversations SET last_inbound_at = now() - interval '23 hours 50 minutes' WHERE id = $1`, [inbound.conversationId]);
    expect(codeOf(await text(to, { message: 'One more thing' }))).toBeUndefined();
  });

  test('does not apply to a WhatsApp device whose provider does not enforce it', async () => {
    const other = await workspace(app, { name: 'No window' });
    await device(app, other, { channel: 'WHATSAPP' });
    const r = await execute(app.url, WindowSend, { input: { channel: 'WHATSAPP', phone: phone(), message: 'Hi!' } }, { key: other.key });
    expect(codeOf(r)).toBeUndefined();
  });
});
