import { graphql } from '../gql/gql.ts';
import type { LiveChatIntegrationCreateInput } from '../gql/graphql.ts';
import type { TestApp } from './app.ts';
import type { Workspace } from './fixtures.ts';
import { ok } from './graphql.ts';
import { eventually } from './wait.ts';

/** Helpers for the live-chat integration tests (seed 002's Custom Webhook). */

export const LcIntegrationFields = graphql(`
  fragment LcIntegrationFields on LiveChatIntegration {
    id
    workspaceId
    alias
    status
    lastError
    url
    method
    queryParams {
      key
      type
      value
    }
    headers
    headerFields {
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
    signingSecret
    responseEndpoint
    connections {
      id
      deviceId
      channel
      sender
      status
      error
      device {
        id
        status
        lastError
      }
    }
    createdAt
    updatedAt
  }
`);

export const LcCreate = graphql(`
  mutation LcCreate($input: LiveChatIntegrationCreateInput!) {
    createLiveChatIntegration(input: $input) {
      ...LcIntegrationFields
    }
  }
`);

export const LcUpdate = graphql(`
  mutation LcUpdate($input: LiveChatIntegrationUpdateInput!) {
    updateLiveChatIntegration(input: $input) {
      ...LcIntegrationFields
    }
  }
`);

export const LcDelete = graphql(`
  mutation LcDelete($input: LiveChatIntegrationIdInput!) {
    deleteLiveChatIntegration(input: $input) {
      id
      deleted
    }
  }
`);

export const LcGet = graphql(`
  query LcGet($id: ID!) {
    liveChatIntegration(id: $id) {
      ...LcIntegrationFields
    }
  }
`);

export const LcList = graphql(`
  query LcList($input: LiveChatIntegrationsInput) {
    liveChatIntegrations(input: $input) {
      nodes {
        id
        alias
        status
        workspaceId
      }
      totalCount
    }
  }
`);

export const LcStart = graphql(`
  mutation LcStart($input: LiveChatIntegrationIdInput!) {
    startLiveChatIntegration(input: $input) {
      integration {
        ...LcIntegrationFields
      }
      connections {
        connectionId
        deviceId
        ok
        error
        errorCode
      }
    }
  }
`);

export const LcStop = graphql(`
  mutation LcStop($input: LiveChatIntegrationIdInput!) {
    stopLiveChatIntegration(input: $input) {
      ...LcIntegrationFields
    }
  }
`);

export const LcCurl = graphql(`
  query LcCurl($id: ID!, $contact: String!, $connectionId: ID, $message: String) {
    liveChatIntegration(id: $id) {
      id
      responseEndpoint
      curlExample(contact: $contact, connectionId: $connectionId, message: $message)
    }
  }
`);

const LcCreateDevice = graphql(`
  mutation LcCreateDevice($input: DeviceCreateInput!) {
    createDevice(input: $input) {
      device {
        id
        address
        channel
        status
      }
    }
  }
`);

export const LcDevice = graphql(`
  query LcDevice($id: ID!) {
    device(id: $id) {
      id
      address
      channel
      status
      lastError
    }
  }
`);

export const LcUpdateDevice = graphql(`
  mutation LcUpdateDevice($input: DeviceUpdateInput!) {
    updateDevice(input: $input) {
      id
    }
  }
`);

const LcActivateDevices = graphql(`
  mutation LcActivateDevices($input: DevicesActivateInput!) {
    activateDevices(input: $input) {
      deviceId
      ok
      error {
        code
        message
      }
    }
  }
`);

export const LcInbound = graphql(`
  mutation LcInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      conversationId
      clientId
      deviceId
      createdAt
    }
  }
`);

export const LcEndConversation = graphql(`
  mutation LcEndConversation($input: ConversationEndInput!) {
    endConversation(input: $input) {
      id
      status
      endedAt
    }
  }
`);

export const LcMessage = graphql(`
  query LcMessage($id: ID!) {
    message(id: $id) {
      id
      workspaceId
      conversationId
      deviceId
      direction
      channel
      content
      externalId
      providerMessageId
      isAgent
      status
      rawStatus
      sentAt
      deliveredAt
      readAt
      client {
        phone
      }
    }
  }
`);

export const LcMessages = graphql(`
  query LcMessages($input: MessagesInput) {
    messages(input: $input) {
      totalCount
      nodes {
        id
        direction
        content
        status
      }
    }
  }
`);

export const LcDeliveries = graphql(`
  query LcDeliveries($input: DeliveriesInput) {
    deliveries(input: $input) {
      totalCount
      nodes {
        id
        status
        eventId
        liveChatIntegrationId
        targetKind
        event {
          type
        }
      }
    }
  }
`);

/** Simulator config whose sends are DELIVERED (and READ) at once. */
export const FAST = { deliveredAfterMs: 0, readAfterMs: 0 };

export type Device = { id: string; address: string; channel: string };

/** A simulator device, INACTIVE unless `activate` is set (starting an integration activates its connections); a WhatsApp one behaves like the WhatsApp Business API (its 24-hour window). */
export async function simDevice(
  app: TestApp,
  ws: Workspace,
  input: { channel?: 'SMS' | 'WHATSAPP' | 'IMESSAGE' | 'RCS'; address: string; config?: Record<string, unknown>; activate?: boolean },
): Promise<Device> {
  const { device } = (
    await ok(app.url, LcCreateDevice, { input: { channel: input.channel ?? 'SMS', address: input.address, config: input.config ?? (input.channel === 'WHATSAPP' ? { ...FAST, enforceSessionWindow: true } : FAST) } }, { key: ws.key })
  ).createDevice;
  if (input.activate) {
    const [r] = (await ok(app.url, LcActivateDevices, { input: { ids: [device.id] } }, { key: ws.key })).activateDevices;
    if (!r?.ok) throw new Error(`activation failed: ${JSON.stringify(r?.error)}`);
  }
  return device;
}

export async function createIntegration(app: TestApp, ws: Workspace, input: Omit<LiveChatIntegrationCreateInput, 'alias'> & { alias?: string }) {
  return (await ok(app.url, LcCreate, { input: { alias: 'Support bot', ...input } }, { key: ws.key })).createLiveChatIntegration;
}

export async function startIntegration(app: TestApp, ws: Workspace, id: string) {
  return (await ok(app.url, LcStart, { input: { id } }, { key: ws.key })).startLiveChatIntegration;
}

export async function stopIntegration(app: TestApp, ws: Workspace, id: string) {
  return (await ok(app.url, LcStop, { input: { id } }, { key: ws.key })).stopLiveChatIntegration;
}

/** A contact writes to a device (simulator). */
export async function contactWrites(app: TestApp, ws: Workspace, deviceId: string, phone: string, message: string | null, attachments?: string[]) {
  return (await ok(app.url, LcInbound, { input: { deviceId, phone, message, ...(attachments ? { attachments } : {}) } }, { key: ws.key })).simulateInbound;
}

export async function deliveriesTo(app: TestApp, ws: Workspace, liveChatIntegrationId: string) {
  return (await ok(app.url, LcDeliveries, { input: { liveChatIntegrationId, first: 200 } }, { key: ws.key })).deliveries;
}

export type EndpointAnswer = { status: number; body: any; headers: Headers };

/** POST /integrations/live-chat/{integrationId}/chats/{chatIdentifier}/events (seed 002's Response Webhook). */
export async function postChatEvent(
  app: TestApp,
  integrationId: string,
  chatIdentifier: string,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<EndpointAnswer> {
  const res = await fetch(`${app.url}/integrations/live-chat/${encodeURIComponent(integrationId)}/chats/${encodeURIComponent(chatIdentifier)}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: json, headers: res.headers };
}

export { eventually };

/**
 * Splits a POSIX shell command line into words: single quotes (with the `'\''` idiom), double
 * quotes, backslash escapes and backslash-newline continuations. Enough to run a generated cURL
 * exactly as a shell would read it.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error('unterminated double quote');
      inWord = true;
    } else if (c === '\\') {
      if (line[i + 1] === '\n') {
        i++;
        continue;
      }
      word += line[++i] ?? '';
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The request a `curl` command line makes: method, URL, headers and body. */
export function parseCurl(command: string): { method: string; url: string; headers: Record<string, string>; body: string | null } {
  const words = shellWords(command);
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${command}`);
  let method = 'GET';
  let url = '';
  let body: string | null = null;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X' || w === '--request') method = words[++i]!;
    else if (w === '-H' || w === '--header') {
      const h = words[++i]!;
      const colon = h.indexOf(':');
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw' || w === '--data-binary') {
      body = words[++i]!;
      if (method === 'GET') method = 'POST';
    } else if (!w.startsWith('-')) url = w;
    else throw new Error(`unexpected curl option ${w}`);
  }
  return { method, url, headers, body };
}
