import { describe, expect, it } from 'vitest';
import { renderRequest, dialectOf, type Dialect } from '../../src/delivery/render.ts';
import type { ClientSnapshot, ConversationSnapshot, DeviceSnapshot, MessageSnapshot, StoredEvent } from '../../src/events/event-payloads.ts';
import type { OpenTarget } from '../../src/targets/targets.ts';
import { signedWith, verifyStandardWebhook } from '../support/standard-webhooks.ts';

/**
 * Rendering is a pure function: an event and a target in, the exact HTTP request out. These
 * events are built by hand with the values of the seed examples.
 */

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const NOW = new Date();
const EVENT_ID = '0194a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const workspace = { id: 12, locationId: 'df9c6911061c4d71a553' };
const device: DeviceSnapshot = { id: '6743884f784839ad14770000', channel: 'WHATSAPP', address: '+14155550100', integrationType: 'WHATSAPP' };
const smsDevice: DeviceSnapshot = { id: '6743884f784839ad14770001', channel: 'SMS', address: '72345', integrationType: 'CUSTOM' };
const client: ClientSnapshot = {
  id: '67d09433594d52dd19817d60',
  phone: '+905530000371',
  name: 'Temp',
  surname: 'Client',
  email: 'temp@example.com',
  address: null,
  city: 'Istanbul',
  country: 'Turkey',
  externalClientId: '905301749170',
  tags: ['VIP'],
  stageId: null,
  createdAt: '2025-03-11T19:51:15.983Z',
  patchedAt: '2025-03-11T23:01:34.372Z',
};
const conversation: ConversationSnapshot = { id: '6728c86bf893860f458e0000', status: 'OPEN', createdAt: '2025-01-04T15:35:46.000Z', endedAt: null, endReason: null };

function message(over: Partial<MessageSnapshot> = {}): MessageSnapshot {
  return {
    id: '68875c39-01b8-42a5-9273-fcfd2f697600',
    externalId: 'msg_001',
    direction: 'INBOUND',
    channel: 'WHATSAPP',
    type: 'TEXT',
    content: 'Hello',
    attachments: [],
    status: 'DELIVERED',
    rawStatus: null,
    errorCode: null,
    error: null,
    userId: null,
    isAgent: false,
    providerMessageId: 'wamid.HBgLNTUwMDAwMDAwMDAxFQIAERgSMTIzNDU2Nzg5MAA=',
    providerConversationId: 'wamid.conversation.123456',
    createdAt: '2025-01-04T15:35:46.000Z',
    ...over,
  };
}

function target(over: Partial<OpenTarget> = {}): OpenTarget {
  return {
    id: '6764205400000000000000aa',
    workspaceId: 12,
    kind: 'WEBHOOK',
    enabled: true,
    url: 'https://yourwebsite.example/crm/incoming-messages',
    method: 'POST',
    queryParams: [],
    headers: [],
    auth: { type: 'NONE' },
    bodyFields: null,
    permanentStatusCodes: [],
    signingSecrets: [{ secret: SECRET, expiresAt: null }],
    ...over,
  };
}

const at = (iso: string) => new Date(iso);

function render(event: StoredEvent, t: OpenTarget, dialect: Dialect) {
  return renderRequest(event, t, dialect, { attempt: 1, now: NOW });
}

function incoming(over: Partial<MessageSnapshot> = {}, createdAt = '2025-01-04T15:35:46.000Z'): StoredEvent {
  return { id: EVENT_ID, workspaceId: 12, type: 'INCOMING_MESSAGE', createdAt: at(createdAt), payload: { workspace, message: message(over), client, device, conversation } };
}

function statusUpdate(status: MessageSnapshot['status'], over: Partial<MessageSnapshot> = {}): StoredEvent {
  return {
    id: EVENT_ID,
    workspaceId: 12,
    type: 'MESSAGE_UPDATED',
    createdAt: at('2026-03-09T12:35:46.100Z'),
    payload: { workspace, message: message({ direction: 'OUTBOUND', status, ...over }), client, device, conversation, statusAt: '2026-03-09T12:35:46.000Z' },
  };
}

describe('seed 001 payloads (subscriptions)', () => {
  it('an INCOMING_MESSAGE is POSTed as JSON with every field of the seed example, createdAt as an HTTP date, and eventId', () => {
    const r = render(incoming(), target(), 'SUBSCRIPTION');
    expect(r.method).toBe('POST');
    expect(r.url).toBe('https://yourwebsite.example/crm/incoming-messages');
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toMatchObject({
      event: 'INCOMING_MESSAGE',
      type: 'text',
      content: 'Hello',
      messageId: '68875c39-01b8-42a5-9273-fcfd2f697600',
      workspaceId: 12,
      integrationId: '6743884f784839ad14770000',
      isAgent: false,
      conversationId: '6728c86bf893860f458e0000',
      clientId: '67d09433594d52dd19817d60',
      createdAt: 'Sat, 04 Jan 2025 15:35:46 GMT',
      integrationType: 'WHATSAPP',
      externalClientId: '905301749170',
      debug: false,
      eventId: EVENT_ID,
    });
  });

  it('an OUTGOING_MESSAGE by an agent carries isAgent true, its lowercase type and its own creation time', () => {
    const event: StoredEvent = {
      id: EVENT_ID,
      workspaceId: 12,
      type: 'OUTGOING_MESSAGE',
      createdAt: at('2025-02-01T10:00:00.500Z'),
      payload: { workspace, message: message({ direction: 'OUTBOUND', isAgent: true, type: 'IMAGE', content: 'See this', attachments: ['https://cdn.example/a.jpg'], createdAt: '2025-02-01T10:00:00.000Z' }), client, device, conversation },
    };
    const body = JSON.parse(render(event, target(), 'SUBSCRIPTION').body);
    expect(body).toMatchObject({ event: 'OUTGOING_MESSAGE', type: 'image', content: 'See this', isAgent: true, createdAt: 'Sat, 01 Feb 2025 10:00:00 GMT', eventId: EVENT_ID });
  });

  it('a client without an external id is known by its number without the plus', () => {
    const event = incoming();
    (event.payload as { client: ClientSnapshot }).client = { ...client, externalClientId: null };
    expect(JSON.parse(render(event, target(), 'SUBSCRIPTION').body).externalClientId).toBe('905530000371');
  });

  it('NEW_CONV carries the conversation and its opening message, dated when the conversation opened', () => {
    const event: StoredEvent = {
      id: EVENT_ID,
      workspaceId: 12,
      type: 'NEW_CONV',
      createdAt: at('2025-01-04T15:35:47.000Z'),
      payload: { workspace, conversation: { ...conversation, createdAt: '2025-01-04T15:35:45.000Z' }, client, device, message: message() },
    };
    expect(JSON.parse(render(event, target(), 'SUBSCRIPTION').body)).toMatchObject({
      event: 'NEW_CONV',
      type: 'text',
      content: 'Hello',
      messageId: '68875c39-01b8-42a5-9273-fcfd2f697600',
      conversationId: '6728c86bf893860f458e0000',
      clientId: '67d09433594d52dd19817d60',
      integrationId: '6743884f784839ad14770000',
      integrationType: 'WHATSAPP',
      createdAt: 'Sat, 04 Jan 2025 15:35:45 GMT',
      eventId: EVENT_ID,
    });
  });

  it('ENDING_CONV is dated when the conversation ended', () => {
    const event: StoredEvent = {
      id: EVENT_ID,
      workspaceId: 12,
      type: 'ENDING_CONV',
      createdAt: at('2025-01-05T09:00:01.000Z'),
      payload: { workspace, conversation: { ...conversation, status: 'ENDED', endedAt: '2025-01-05T09:00:00.000Z', endReason: 'ended by API' }, client, device, message: message() },
    };
    expect(JSON.parse(render(event, target(), 'SUBSCRIPTION').body)).toMatchObject({
      event: 'ENDING_CONV',
      conversationId: '6728c86bf893860f458e0000',
      clientId: '67d09433594d52dd19817d60',
      workspaceId: 12,
      createdAt: 'Sun, 05 Jan 2025 09:00:00 GMT',
      eventId: EVENT_ID,
    });
  });

  it.each([
    ['SENT', 'sent'],
    ['DELIVERED', 'delivered'],
    ['READ', 'read'],
    ['FAILED', 'failed'],
    ['UNDELIVERED', 'failed'],
  ] as const)('MESSAGE_UPDATED %s is status "%s" with the provider id in externalMessageId and our ids beside it', (status, wire) => {
    const body = JSON.parse(render(statusUpdate(status), target(), 'SUBSCRIPTION').body);
    expect(body).toMatchObject({
      event: 'MESSAGE_UPDATED',
      workspaceId: 12,
      integrationId: '6743884f784839ad14770000',
      integrationType: 'WHATSAPP',
      status: wire,
      externalMessageId: 'wamid.HBgLNTUwMDAwMDAwMDAxFQIAERgSMTIzNDU2Nzg5MAA=',
      externalConversationId: 'wamid.conversation.123456',
      createdAt: '2026-03-09T12:35:46.000Z',
      debug: false,
      messageId: '68875c39-01b8-42a5-9273-fcfd2f697600',
      externalId: 'msg_001',
      eventId: EVENT_ID,
    });
  });

  it('a failed MESSAGE_UPDATED tells the raw provider error', () => {
    const body = JSON.parse(render(statusUpdate('FAILED', { errorCode: 'wa:131047', error: 'Re-engagement message' }), target(), 'SUBSCRIPTION').body);
    expect(body).toMatchObject({ status: 'failed', errorCode: 'wa:131047' });
  });

  it.each(['NEW_CLIENT', 'CLIENT_UPDATED'] as const)('%s carries every field of the seed client example and eventId', (type) => {
    const event: StoredEvent = { id: EVENT_ID, workspaceId: 12, type, createdAt: at('2025-03-11T23:01:34.400Z'), payload: { workspace, client } };
    expect(JSON.parse(render(event, target(), 'SUBSCRIPTION').body)).toEqual({
      event: type,
      workspaceId: 12,
      id: '67d09433594d52dd19817d60',
      email: 'temp@example.com',
      name: 'Temp',
      surname: 'Client',
      phone: '+905530000371',
      address: null,
      city: 'Istanbul',
      country: 'Turkey',
      externalClientId: '905301749170',
      tags: ['VIP'],
      stageId: null,
      createdAt: '2025-03-11T19:51:15.983Z',
      patchedAt: '2025-03-11T23:01:34.372Z',
      eventId: EVENT_ID,
    });
  });
});

describe('MESSAGE_UPDATED_SMPP (seed 001 SMS/SMPP gateways)', () => {
  it.each([
    ['SENT', 'ACCEPTD'],
    ['QUEUED', 'ENROUTE'],
    ['DELIVERED', 'DELIVRD'],
    ['READ', 'DELIVRD'],
    ['FAILED', 'UNDELIV'],
    ['UNDELIVERED', 'UNDELIV'],
  ] as const)('%s becomes GET <url>?message_id=…&status=%s with nothing else in the query and no body', (status, stat) => {
    const t = target({ url: 'https://example.com/dlr', method: 'POST' });
    const r = render(statusUpdate(status), t, dialectOf('WEBHOOK', 'MESSAGE_UPDATED_SMPP'));
    expect(r.method).toBe('GET');
    expect(r.body).toBe('');
    expect(r.headers['content-type']).toBeUndefined();
    const url = new URL(r.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://example.com/dlr');
    expect([...url.searchParams.keys()]).toEqual(['message_id', 'status']);
    expect(url.searchParams.get('message_id')).toBe('msg_001');
    expect(url.searchParams.get('status')).toBe(stat);
  });

  it("uses the message's own id when the caller gave none", () => {
    const r = render(statusUpdate('DELIVERED', { externalId: null }), target({ url: 'https://example.com/dlr' }), 'SMPP_GET');
    expect(r.url).toBe('https://example.com/dlr?message_id=68875c39-01b8-42a5-9273-fcfd2f697600&status=DELIVRD');
  });
});

describe('seed 000 payloads (the workspace webhook)', () => {
  const wsTarget = () =>
    target({
      kind: 'WORKSPACE',
      url: 'https://crm.example/hooks',
      headers: [
        { key: 'Authorization', type: 'TEXT', value: 'Bearer sk_live_xxx' },
        { key: 'X-Client-ID', type: 'TEXT', value: 'mycrm-client-01' },
      ],
    });

  it.each([
    ['SENT', 'SENT'],
    ['DELIVERED', 'DELIVERED'],
    ['FAILED', 'FAILED'],
    ['UNDELIVERED', 'FAILED'],
  ] as const)('a %s status is a STATUS-UPDATE %s for the caller\'s message_id, with the workspace headers', (status, wire) => {
    const r = render(statusUpdate(status), wsTarget(), dialectOf('WORKSPACE', null));
    expect(r.method).toBe('POST');
    expect(r.url).toBe('https://crm.example/hooks');
    expect(r.headers.authorization).toBe('Bearer sk_live_xxx');
    expect(r.headers['x-client-id']).toBe('mycrm-client-01');
    expect(JSON.parse(r.body)).toEqual({ type: 'STATUS-UPDATE', message_id: 'msg_001', status: wire, eventId: EVENT_ID });
  });

  it('an inbound message is a MESSAGE with location_id, phone, message, isMe false and attachments', () => {
    const r = render(incoming({ content: 'Hello, I need help', attachments: ['https://cdn.example/p.jpg'] }), wsTarget(), 'WORKSPACE_WEBHOOK');
    expect(JSON.parse(r.body)).toEqual({
      type: 'MESSAGE',
      location_id: 'df9c6911061c4d71a553',
      phone: '+905530000371',
      message: 'Hello, I need help',
      isMe: false,
      attachments: ['https://cdn.example/p.jpg'],
      eventId: EVENT_ID,
    });
  });
});

describe('seed 002 live-chat body', () => {
  const liveChat = (over: Partial<OpenTarget> = {}) => target({ kind: 'LIVE_CHAT', url: 'https://www.elipackage.com/items', ...over });

  it('a contact message carries chatId, contact, event MESSAGE, text, multimedia.url and .caption, sender, channel and timestamp', () => {
    const event = incoming({ channel: 'SMS', content: 'Photo of the box', attachments: ['https://cdn.example/box.jpg'] }, '2025-01-04T15:35:46.000Z');
    (event.payload as { device: DeviceSnapshot }).device = smsDevice;
    const r = render(event, liveChat(), dialectOf('LIVE_CHAT', null));
    expect(r.method).toBe('POST');
    expect(JSON.parse(r.body)).toEqual({
      chatId: '6728c86bf893860f458e0000',
      contact: '+905530000371',
      event: 'MESSAGE',
      text: 'Photo of the box',
      multimedia: { url: 'https://cdn.example/box.jpg', caption: 'Photo of the box' },
      sender: '72345',
      channel: 'SMS',
      timestamp: '2025-01-04T15:35:46.000Z',
    });
  });

  it('the end of a chat is event END', () => {
    const event: StoredEvent = {
      id: EVENT_ID,
      workspaceId: 12,
      type: 'ENDING_CONV',
      createdAt: at('2025-01-05T09:00:00.000Z'),
      payload: { workspace, conversation: { ...conversation, status: 'ENDED', endedAt: '2025-01-05T09:00:00.000Z', endReason: 'ended by API' }, client, device, message: null },
    };
    const body = JSON.parse(render(event, liveChat(), 'LIVE_CHAT').body);
    expect(body).toMatchObject({ chatId: '6728c86bf893860f458e0000', contact: '+905530000371', event: 'END', sender: '+14155550100', channel: 'WHATSAPP' });
  });

  it('edited body fields replace the predefined ones', () => {
    const r = render(incoming(), liveChat({ bodyFields: [{ key: 'from', type: 'VARIABLE', value: '{{contact}}' }, { key: 'source', type: 'TEXT', value: 'switchboard' }] }), 'LIVE_CHAT');
    expect(JSON.parse(r.body)).toEqual({ from: '+905530000371', source: 'switchboard' });
  });
});

describe('custom targets (seed 002 options on any target)', () => {
  it('sends with the configured method, TEXT and VARIABLE query parameters and headers', () => {
    const t = target({
      url: 'https://www.elipackage.com/items?colour=blue',
      method: 'PUT',
      queryParams: [
        { key: 'sort', type: 'TEXT', value: 'newest' },
        { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
      ],
      headers: [
        { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' },
        { key: 'X-Team', type: 'TEXT', value: 'support' },
      ],
    });
    const r = render(incoming(), t, 'SUBSCRIPTION');
    expect(r.method).toBe('PUT');
    const url = new URL(r.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ colour: 'blue', sort: 'newest', channel: 'WHATSAPP' });
    expect(r.headers['x-channel']).toBe('WHATSAPP');
    expect(r.headers['x-team']).toBe('support');
    expect(JSON.parse(r.body).event).toBe('INCOMING_MESSAGE');
  });

  it('a GET or DELETE target still receives the event id and signature, without a body', () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const r = render(incoming(), target({ method }), 'SUBSCRIPTION');
      expect(r.method).toBe(method);
      if (method === 'GET') expect(r.body).toBe('');
      expect(r.headers['webhook-id']).toBe(EVENT_ID);
      expect(signedWith(SECRET, r)).toBe(true);
    }
  });

  it('API_KEY auth puts the key in its header', () => {
    const r = render(incoming(), target({ auth: { type: 'API_KEY', headerName: 'X-Api-Key', value: 'k_123456789' } }), 'SUBSCRIPTION');
    expect(r.headers['x-api-key']).toBe('k_123456789');
  });

  it('BASIC auth sends base64 user:password', () => {
    const r = render(incoming(), target({ auth: { type: 'BASIC', username: 'crm', password: 'p@ss:word' } }), 'SUBSCRIPTION');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from('crm:p@ss:word').toString('base64')}`);
  });

  it('BEARER auth sends the token', () => {
    const r = render(incoming(), target({ auth: { type: 'BEARER', token: 'tok_abcdef' } }), 'SUBSCRIPTION');
    expect(r.headers.authorization).toBe('Bearer tok_abcdef');
  });

  it('body fields build nested objects with dot notation and arrays with []', () => {
    const t = target({
      bodyFields: [
        { key: 'meta.source', type: 'TEXT', value: 'switchboard' },
        { key: 'meta.channel', type: 'VARIABLE', value: '{{channel}}' },
        { key: 'contact.phone', type: 'VARIABLE', value: '{{contact}}' },
        { key: 'contact.tags[]', type: 'VARIABLE', value: '{{client.tags}}' },
        { key: 'labels[]', type: 'TEXT', value: 'inbound' },
        { key: 'labels[]', type: 'TEXT', value: 'crm' },
        { key: 'items[].id', type: 'VARIABLE', value: '{{messageId}}' },
        { key: 'items[].text', type: 'VARIABLE', value: '{{text}}' },
        { key: 'items[].id', type: 'TEXT', value: 'second' },
        { key: 'missing', type: 'VARIABLE', value: '{{noSuchVariable}}' },
      ],
    });
    expect(JSON.parse(render(incoming(), t, 'SUBSCRIPTION').body)).toEqual({
      meta: { source: 'switchboard', channel: 'WHATSAPP' },
      contact: { phone: '+905530000371', tags: ['VIP'] },
      labels: ['inbound', 'crm'],
      items: [{ id: '68875c39-01b8-42a5-9273-fcfd2f697600', text: 'Hello' }, { id: 'second' }],
      missing: null,
    });
  });
});

describe('header values that cannot be sent as they are', () => {
  const decode = (v: string) => Buffer.concat(v.split(' ').map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1]!, 'base64'))).toString('utf8');

  it('a VARIABLE value that is not plain ASCII is sent as RFC 2047 encoded words of at most 75 characters, no character split', () => {
    const text = `${'😀é\n'.repeat(40)}end`;
    const t = target({ headers: [{ key: 'X-Text', type: 'VARIABLE', value: '{{text}}' }, { key: 'X-Channel', type: 'VARIABLE', value: '{{channel}}' }] });
    const r = render(incoming({ content: text }), t, 'SUBSCRIPTION');
    expect(r.headers['x-channel']).toBe('WHATSAPP');
    const words = r.headers['x-text']!.split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).not.toContain('\ufffd');
    }
    expect(decode(r.headers['x-text']!)).toBe(text);
  });

  it('a Latin-1 variable value is encoded too (a UTF-8 receiver would misread it); a configured Latin-1 value is sent as written', () => {
    const t = target({ headers: [{ key: 'X-Text', type: 'VARIABLE', value: '{{text}}' }, { key: 'X-City', type: 'TEXT', value: 'Malmö' }] });
    const r = render(incoming({ content: 'café' }), t, 'SUBSCRIPTION');
    expect(decode(r.headers['x-text']!)).toBe('café');
    expect(r.headers['x-city']).toBe('Malmö');
  });

  it('a configured value stored before values were checked (CR/LF) is encoded, never sent raw', () => {
    const t = target({ headers: [{ key: 'X-Note', type: 'TEXT', value: 'a\r\nX-Injected: 1' }], auth: { type: 'API_KEY', headerName: 'X-Key', value: 'k\n1' } });
    const r = render(incoming(), t, 'SUBSCRIPTION');
    expect(decode(r.headers['x-note']!)).toBe('a\r\nX-Injected: 1');
    expect(decode(r.headers['x-key']!)).toBe('k\n1');
    expect(r.headers['x-injected']).toBeUndefined();
  });
});

describe('hostile templates (stored past validation)', () => {
  it('__proto__ and constructor keys stay plain data in the body and headers, and touch no prototype', () => {
    const t = target({
      bodyFields: [
        { key: '__proto__.polluted', type: 'TEXT', value: 'yes' },
        { key: 'constructor.prototype.polluted', type: 'TEXT', value: 'yes' },
        { key: 'list[].__proto__', type: 'TEXT', value: 'yes' },
      ],
      headers: [{ key: '__proto__', type: 'TEXT', value: 'yes' }],
    });
    const r = render(incoming(), t, 'SUBSCRIPTION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.body).toBe('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"list":[{"__proto__":"yes"}]}');
    expect(Object.getOwnPropertyDescriptor(r.headers, '__proto__')?.value).toBe('yes');
  });

  it('the names Object.prototype carries (constructor, toString, __proto__) are no variables: they render null', () => {
    const t = target({ bodyFields: ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((name) => ({ key: `v.${name}x`, type: 'VARIABLE' as const, value: `{{${name}}}` })) });
    expect(JSON.parse(render(incoming(), t, 'SUBSCRIPTION').body)).toEqual({ v: { constructorx: null, toStringx: null, __proto__x: null, hasOwnPropertyx: null } });
  });
});

describe('signing (Standard Webhooks)', () => {
  it('every request carries webhook-id (the event id), webhook-timestamp and a v1 signature the standardwebhooks library verifies', () => {
    const r = render(incoming(), target(), 'SUBSCRIPTION');
    expect(r.headers['webhook-id']).toBe(EVENT_ID);
    expect(r.headers['webhook-timestamp']).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyStandardWebhook(SECRET, r)).toEqual(JSON.parse(r.body));
    expect(signedWith(OLD_SECRET, r)).toBe(false);
  });

  it('during a rotation grace period old and new secrets both verify; once it ends only the new one', () => {
    const inGrace = target({ signingSecrets: [{ secret: SECRET, expiresAt: null }, { secret: OLD_SECRET, expiresAt: new Date(NOW.getTime() + 60_000).toISOString() }] });
    const r = render(incoming(), inGrace, 'SUBSCRIPTION');
    expect(r.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(signedWith(SECRET, r)).toBe(true);
    expect(signedWith(OLD_SECRET, r)).toBe(true);

    const expired = target({ signingSecrets: [{ secret: SECRET, expiresAt: null }, { secret: OLD_SECRET, expiresAt: new Date(NOW.getTime() - 1000).toISOString() }] });
    const later = render(incoming(), expired, 'SUBSCRIPTION');
    expect(signedWith(SECRET, later)).toBe(true);
    expect(signedWith(OLD_SECRET, later)).toBe(false);
  });

  it('a configured header cannot forge the signature headers', () => {
    const t = target({ headers: [{ key: 'webhook-signature', type: 'TEXT', value: 'v1,forged' }, { key: 'webhook-id', type: 'TEXT', value: 'forged' }] });
    const r = render(incoming(), t, 'SUBSCRIPTION');
    expect(r.headers['webhook-id']).toBe(EVENT_ID);
    expect(signedWith(SECRET, r)).toBe(true);
  });

  it('the same event and target render the same request (pure)', () => {
    expect(render(incoming(), target(), 'SUBSCRIPTION')).toEqual(render(incoming(), target(), 'SUBSCRIPTION'));
  });
});
