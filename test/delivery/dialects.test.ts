import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { createClient, endConversation, sendMessage, simulateInbound, updateClient, waitForDeliveries } from '../support/delivery-helpers.ts';
import { device, phone, webhook, workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import type { Receiver } from '../support/receiver.ts';
import { signedWith, verifyStandardWebhook } from '../support/standard-webhooks.ts';

/** Each dialect, produced by the real services and workers, arrives at the receiver as the seeds show. */

const DlMessage = graphql(`
  query DlMessage($id: ID!) {
    message(id: $id) {
      id
      externalId
      providerMessageId
      conversationId
      clientId
      deviceId
      content
      createdAt
      status
    }
  }
`);

const DlConversation = graphql(`
  query DlConversation($id: ID!) {
    conversation(id: $id) {
      id
      createdAt
      endedAt
    }
  }
`);

const DlClient = graphql(`
  query DlClient($id: ID!) {
    client(id: $id) {
      id
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

const DlEventIds = graphql(`
  query DlEventIds($input: EventsInput) {
    events(input: $input) {
      nodes {
        id
        type
      }
    }
  }
`);

const DlLiveChatCreate = graphql(`
  mutation DlLiveChatCreate($input: LiveChatIntegrationCreateInput!) {
    createLiveChatIntegration(input: $input) {
      id
      signingSecret
    }
  }
`);

const DlLiveChatStart = graphql(`
  mutation DlLiveChatStart($input: LiveChatIntegrationIdInput!) {
    startLiveChatIntegration(input: $input) {
      integration {
        id
        status
      }
      connections {
        ok
        error
      }
    }
  }
`);

const DlRotate = graphql(`
  mutation DlRotate($input: WebhookRotateSecretInput!) {
    rotateWebhookSecret(input: $input) {
      signingSecret
    }
  }
`);

const DlTest = graphql(`
  mutation DlTest($input: WebhookIdInput!) {
    testWebhook(input: $input) {
      id
      eventId
    }
  }
`);

const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1' });
let app: TestApp;
let receiver: Receiver;
test.beforeAll(({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
});

describe('dialects end to end', () => {
  test('every seed 001 event reaches its subscription as the seed shows, signed, with the event id in webhook-id and the body', async () => {
    const ws = await workspace(app, { webhookUrl: `${receiver.url}/ws-hook`, headers: { Authorization: 'Bearer sk_live_xxx', 'X-Client-ID': 'mycrm-client-01' } });
    const wa = await device(app, ws, { channel: 'WHATSAPP', config: { deliveredAfterMs: 0, readAfterMs: 0 } });
    const events = ['INCOMING_MESSAGE', 'OUTGOING_MESSAGE', 'MESSAGE_UPDATED', 'MESSAGE_UPDATED_SMPP', 'NEW_CONV', 'ENDING_CONV', 'NEW_CLIENT', 'CLIENT_UPDATED'] as const;
    const hooks = Object.fromEntries(await Promise.all(events.map(async (event) => [event, await webhook(app, ws, { url: `${receiver.url}/e2e/${event}`, event })] as const)));
    const on = (event: (typeof events)[number]) => receiver.on(`/e2e/${event}`);

    const contact = phone();
    const sent = await sendMessage(app, ws, { channel: 'WHATSAPP', phone: contact, message: 'Hello out', messageId: 'crm-msg-1' });
    await waitForDeliveries(app, ws, { webhookId: hooks.MESSAGE_UPDATED!.id }, (n) => n.length === 3 && n.every((d) => d.status === 'SUCCEEDED'));
    const reply = await simulateInbound(app, ws, { deviceId: wa.id, phone: contact, message: 'Hi back' });
    await updateClient(app, ws, { id: sent.clientId, name: 'Ada', city: 'Istanbul', tags: ['VIP'] });
    await endConversation(app, ws, sent.conversationId);

    await receiver.waitFor(
      () =>
        on('NEW_CLIENT').length >= 1 &&
        on('NEW_CONV').length >= 1 &&
        on('OUTGOING_MESSAGE').length >= 1 &&
        on('MESSAGE_UPDATED').length >= 3 &&
        on('MESSAGE_UPDATED_SMPP').length >= 3 &&
        on('INCOMING_MESSAGE').length >= 1 &&
        on('CLIENT_UPDATED').length >= 1 &&
        on('ENDING_CONV').length >= 1 &&
        receiver.on('/ws-hook').length >= 3,
      20_000,
      'every dialect',
    );

    const out = (await ok(app.url, DlMessage, { id: sent.id }, { key: ws.key })).message;
    const inbound = (await ok(app.url, DlMessage, { id: reply.id }, { key: ws.key })).message;
    const conv = (await ok(app.url, DlConversation, { id: sent.conversationId }, { key: ws.key })).conversation;
    const cl = (await ok(app.url, DlClient, { id: sent.clientId }, { key: ws.key })).client;
    const eventIds = new Set((await ok(app.url, DlEventIds, { input: { workspaceId: ws.id, first: 200 } }, { key: ws.key })).events.nodes.map((e) => e.id));

    // Every request: signed with its webhook's secret (standardwebhooks verifies it), the event id in webhook-id and in the body.
    for (const event of events) {
      for (const req of on(event)) {
        expect(signedWith(hooks[event]!.signingSecret, req), `${event} signature`).toBe(true);
        expect(eventIds.has(req.headers['webhook-id']!)).toBe(true);
        if (event !== 'MESSAGE_UPDATED_SMPP') {
          expect(req.method).toBe('POST');
          expect(req.headers['content-type']).toBe('application/json');
          expect(req.json.eventId).toBe(req.headers['webhook-id']);
          expect(verifyStandardWebhook(hooks[event]!.signingSecret, req)).toEqual(req.json);
        }
      }
    }

    const conversationFields = { workspaceId: ws.id, integrationId: wa.id, integrationType: 'WHATSAPP', conversationId: sent.conversationId, clientId: sent.clientId, debug: false };
    expect(on('OUTGOING_MESSAGE')[0]!.json).toMatchObject({ event: 'OUTGOING_MESSAGE', type: 'text', content: 'Hello out', messageId: sent.id, createdAt: new Date(out.createdAt).toUTCString(), ...conversationFields });
    expect(on('INCOMING_MESSAGE')[0]!.json).toMatchObject({ event: 'INCOMING_MESSAGE', type: 'text', content: 'Hi back', messageId: reply.id, isAgent: false, createdAt: new Date(inbound.createdAt).toUTCString(), ...conversationFields });
    expect(on('NEW_CONV')[0]!.json).toMatchObject({ event: 'NEW_CONV', messageId: sent.id, createdAt: new Date(conv.createdAt).toUTCString(), ...conversationFields });
    expect(on('ENDING_CONV')[0]!.json).toMatchObject({ event: 'ENDING_CONV', createdAt: new Date(conv.endedAt!).toUTCString(), ...conversationFields });
    for (const e of ['OUTGOING_MESSAGE', 'INCOMING_MESSAGE', 'NEW_CONV', 'ENDING_CONV'] as const) {
      expect(on(e)[0]!.json.createdAt).toMatch(HTTP_DATE);
      expect(on(e)[0]!.json.externalClientId).toBe(contact.replace('+', ''));
    }

    const updates = on('MESSAGE_UPDATED').map((r) => r.json);
    expect(updates.map((u) => u.status).sort()).toEqual(['delivered', 'read', 'sent']);
    for (const u of updates) {
      expect(u).toMatchObject({ event: 'MESSAGE_UPDATED', workspaceId: ws.id, integrationId: wa.id, integrationType: 'WHATSAPP', externalMessageId: out.providerMessageId, messageId: sent.id, externalId: 'crm-msg-1', debug: false });
      expect(new Date(u.createdAt).toISOString()).toBe(u.createdAt);
    }
    expect(out.providerMessageId).toMatch(/^SIM/);

    const smpp = on('MESSAGE_UPDATED_SMPP');
    for (const r of smpp) {
      expect(r.method).toBe('GET');
      expect(r.body).toBe('');
      expect(Object.keys(r.query)).toEqual(['message_id', 'status']);
      expect(r.query.message_id).toBe('crm-msg-1');
    }
    expect(smpp.map((r) => r.query.status).sort()).toEqual(['ACCEPTD', 'DELIVRD', 'DELIVRD']);

    const expectedClient = { workspaceId: ws.id, id: cl.id, email: cl.email, name: cl.name, surname: cl.surname, phone: contact, address: cl.address, city: cl.city, country: cl.country, externalClientId: cl.externalClientId, tags: cl.tags, stageId: cl.stageId, createdAt: cl.createdAt };
    expect(on('NEW_CLIENT')[0]!.json).toMatchObject({ ...expectedClient, event: 'NEW_CLIENT', name: null, city: null, tags: [] });
    expect(on('CLIENT_UPDATED')[0]!.json).toEqual({ ...expectedClient, event: 'CLIENT_UPDATED', name: 'Ada', city: 'Istanbul', tags: ['VIP'], patchedAt: cl.patchedAt, eventId: on('CLIENT_UPDATED')[0]!.headers['webhook-id'] });

    // Seed 000 on the workspace webhook: STATUS-UPDATE (SENT, DELIVERED; READ is not in its vocabulary) and MESSAGE, with the workspace headers.
    const wsHook = receiver.on('/ws-hook');
    expect(wsHook).toHaveLength(3);
    for (const r of wsHook) {
      expect(r.headers.authorization).toBe('Bearer sk_live_xxx');
      expect(r.headers['x-client-id']).toBe('mycrm-client-01');
      expect(signedWith(ws.webhookSigningSecret!, r)).toBe(true);
    }
    const statusUpdates = wsHook.filter((r) => r.json.type === 'STATUS-UPDATE').map((r) => ({ ...r.json, eventId: undefined }));
    expect(statusUpdates.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { type: 'STATUS-UPDATE', message_id: 'crm-msg-1', status: 'DELIVERED', eventId: undefined },
      { type: 'STATUS-UPDATE', message_id: 'crm-msg-1', status: 'SENT', eventId: undefined },
    ]);
    expect(wsHook.find((r) => r.json.type === 'MESSAGE')!.json).toEqual({
      type: 'MESSAGE',
      location_id: ws.locationId,
      phone: contact,
      message: 'Hi back',
      isMe: false,
      attachments: [],
      eventId: expect.any(String),
    });
  });

  test('a failed message reaches the workspace webhook as STATUS-UPDATE FAILED and SMPP subscribers as UNDELIV', async () => {
    const failing = phone();
    const ws = await workspace(app, { webhookUrl: `${receiver.url}/ws-fail` });
    await device(app, ws, { channel: 'SMS', config: { deliveredAfterMs: 0, failNumbers: { [failing]: 'sim:30003' } } });
    const smpp = await webhook(app, ws, { url: `${receiver.url}/smpp-fail`, event: 'MESSAGE_UPDATED_SMPP' });
    const updated = await webhook(app, ws, { url: `${receiver.url}/updated-fail`, event: 'MESSAGE_UPDATED' });
    const sent = await sendMessage(app, ws, { channel: 'SMS', phone: failing, message: 'will fail' });
    await receiver.waitForCount('/ws-fail', 2);
    await receiver.waitForCount('/smpp-fail', 2);
    await receiver.waitForCount('/updated-fail', 2);
    expect(receiver.on('/ws-fail').map((r) => r.json.status).sort()).toEqual(['FAILED', 'SENT']);
    expect(receiver.on('/ws-fail').every((r) => r.json.message_id === sent.id)).toBe(true);
    expect(receiver.on('/smpp-fail').map((r) => r.query.status).sort()).toEqual(['ACCEPTD', 'UNDELIV']);
    expect(receiver.on('/smpp-fail').every((r) => r.query.message_id === sent.id && signedWith(smpp.signingSecret, r))).toBe(true);
    const failure = receiver.on('/updated-fail').find((r) => r.json.status === 'failed')!;
    expect(failure.json).toMatchObject({ messageId: sent.id, errorCode: 'sim:30003', externalId: null });
    expect(signedWith(updated.signingSecret, failure)).toBe(true);
  });

  test("a live-chat integration receives seed 002's body: MESSAGE with text and multimedia, then END", async ({ ws }) => {
    const sms = await device(app, ws, { channel: 'SMS', address: '72345' });
    const created = (
      await ok(app.url, DlLiveChatCreate, { input: { alias: 'Support desk', url: `${receiver.url}/live-chat`, connectionIds: [sms.id], headers: { 'X-Desk': 'desk-1' } } }, { key: ws.key })
    ).createLiveChatIntegration;
    const started = (await ok(app.url, DlLiveChatStart, { input: { id: created.id } }, { key: ws.key })).startLiveChatIntegration;
    expect(started.integration.status).toBe('ACTIVE');

    const contact = phone();
    const inbound = await simulateInbound(app, ws, { deviceId: sms.id, phone: contact, message: 'Photo of the box', attachments: ['https://cdn.example/box.jpg'] });
    const [msg] = await receiver.waitForCount('/live-chat', 1);
    expect(msg!.method).toBe('POST');
    expect(msg!.headers['x-desk']).toBe('desk-1');
    expect(signedWith(created.signingSecret, msg!)).toBe(true);
    expect(msg!.json).toEqual({
      chatId: inbound.conversationId,
      contact,
      event: 'MESSAGE',
      text: 'Photo of the box',
      multimedia: { url: 'https://cdn.example/box.jpg', caption: 'Photo of the box' },
      sender: '72345',
      channel: 'SMS',
      timestamp: expect.any(String),
    });
    expect(Math.abs(Date.parse(msg!.json.timestamp) - Date.parse(inbound.createdAt))).toBeLessThan(5_000);

    await endConversation(app, ws, inbound.conversationId);
    const [, end] = await receiver.waitForCount('/live-chat', 2);
    expect(end!.json).toMatchObject({ chatId: inbound.conversationId, contact, event: 'END', sender: '72345', channel: 'SMS' });
  });

  test('a custom target gets its method, TEXT and VARIABLE query params and headers, auth and body fields', async ({ ws }) => {
    const wa = await device(app, ws, { channel: 'WHATSAPP' });
    const hook = await webhook(app, ws, {
      url: `${receiver.url}/custom?colour=blue`,
      event: 'INCOMING_MESSAGE',
      method: 'PUT',
      queryParams: [
        { key: 'sort', type: 'TEXT', value: 'newest' },
        { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      headers: [
        { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
        { key: 'X-Team', type: 'TEXT', value: 'support' },
      ],
      auth: { type: 'BASIC', username: 'crm', password: 'pa55word-long' },
      bodyFields: [
        { key: 'chat.id', type: 'VARIABLE', value: '{{chatId}}' },
        { key: 'chat.contact', type: 'VARIABLE', value: '{{contact}}' },
        { key: 'text', type: 'VARIABLE', value: '{{text}}' },
        { key: 'media[]', type: 'VARIABLE', value: '{{attachments}}' },
        { key: 'source', type: 'TEXT', value: 'switchboard' },
      ],
    });
    const contact = phone();
    const inbound = await simulateInbound(app, ws, { deviceId: wa.id, phone: contact, message: 'custom hello', attachments: ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg'] });
    const [req] = await receiver.waitForCount('/custom', 1);
    expect(req!.method).toBe('PUT');
    expect(req!.query).toEqual({ colour: 'blue', sort: 'newest', channel: 'WHATSAPP' });
    expect(req!.headers['x-channel']).toBe('WHATSAPP');
    expect(req!.headers['x-team']).toBe('support');
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('crm:pa55word-long').toString('base64')}`);
    expect(req!.json).toEqual({
      chat: { id: inbound.conversationId, contact },
      text: 'custom hello',
      media: ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg'],
      source: 'switchboard',
    });
    expect(signedWith(hook.signingSecret, req!)).toBe(true);
  });

  test.each([
    ['API_KEY', { type: 'API_KEY', headerName: 'X-Api-Key', value: 'key-0123456789' }, 'x-api-key', 'key-0123456789'],
    ['BEARER', { type: 'BEARER', token: 'tok-0123456789' }, 'authorization', 'Bearer tok-0123456789'],
  ] as const)('%s auth reaches the target', async (name, auth, header, value) => {
    const ws = await workspace(app);
    await webhook(app, ws, { url: `${receiver.url}/auth-${name}`, event: 'NEW_CLIENT', auth });
    await createClient(app, ws, { phone: phone() });
    const [req] = await receiver.waitForCount(`/auth-${name}`, 1);
    expect(req!.headers[header]).toBe(value);
  });

  test('after rotateWebhookSecret both the old and the new secret verify during the grace period; without one only the new', async ({ ws }) => {
    const hook = await webhook(app, ws, { url: `${receiver.url}/rotate`, event: 'NEW_CLIENT' });
    const rotated = (await ok(app.url, DlRotate, { input: { id: hook.id } }, { key: ws.key })).rotateWebhookSecret.signingSecret;
    const ping = (await ok(app.url, DlTest, { input: { id: hook.id } }, { key: ws.key })).testWebhook;
    const [first] = await receiver.waitForCount('/rotate', 1);
    expect(first!.headers['webhook-id']).toBe(ping.eventId);
    expect(first!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(signedWith(hook.signingSecret, first!)).toBe(true);
    expect(signedWith(rotated, first!)).toBe(true);

    const immediate = (await ok(app.url, DlRotate, { input: { id: hook.id, gracePeriodSeconds: 0 } }, { key: ws.key })).rotateWebhookSecret.signingSecret;
    await ok(app.url, DlTest, { input: { id: hook.id } }, { key: ws.key });
    const [, second] = await receiver.waitForCount('/rotate', 2);
    expect(signedWith(immediate, second!)).toBe(true);
    expect(signedWith(rotated, second!)).toBe(false);
    expect(signedWith(hook.signingSecret, second!)).toBe(false);
  });
});

