import { graphql } from '../gql/gql.ts';
import type { DeliveriesInput } from '../gql/graphql.ts';
import type { TestApp } from './app.ts';
import { ok } from './graphql.ts';
import type { Workspace } from './fixtures.ts';
import { eventually } from './wait.ts';

/** Event producers and delivery-log readers, all through the public GraphQL API. */

const DhDeliveries = graphql(`
  query DhDeliveries($input: DeliveriesInput) {
    deliveries(input: $input) {
      totalCount
      nodes {
        id
        eventId
        webhookId
        liveChatIntegrationId
        targetKind
        status
        attemptCount
        nextAttemptAt
        lastStatusCode
        lastError
        createdAt
        succeededAt
        event {
          id
          type
        }
        attempts {
          number
          trigger
          url
          startedAt
          durationMs
          statusCode
          errorKind
          error
          responseBody
        }
      }
    }
  }
`);

const DhWebhookState = graphql(`
  query DhWebhookState($id: ID!) {
    webhook(id: $id) {
      id
      enabled
      disabledReason
      disabledAt
      failingSince
    }
  }
`);

const DhCreateClient = graphql(`
  mutation DhCreateClient($input: ClientCreateInput!) {
    createClient(input: $input) {
      id
      phone
      createdAt
      patchedAt
    }
  }
`);

const DhUpdateClient = graphql(`
  mutation DhUpdateClient($input: ClientUpdateInput!) {
    updateClient(input: $input) {
      id
      patchedAt
    }
  }
`);

const DhSendMessage = graphql(`
  mutation DhSendMessage($input: MessageSendInput!) {
    sendMessage(input: $input) {
      id
      externalId
      conversationId
      clientId
      deviceId
      status
    }
  }
`);

const DhSimulateInbound = graphql(`
  mutation DhSimulateInbound($input: InboundSimulateInput!) {
    simulateInbound(input: $input) {
      id
      conversationId
      clientId
      deviceId
      createdAt
    }
  }
`);

const DhEndConversation = graphql(`
  mutation DhEndConversation($input: ConversationEndInput!) {
    endConversation(input: $input) {
      id
      status
      endedAt
    }
  }
`);

export type DeliveryNode = Awaited<ReturnType<typeof deliveries>>['nodes'][number];

export async function deliveries(app: TestApp, ws: Workspace, input: DeliveriesInput) {
  return (await ok(app.url, DhDeliveries, { input: { first: 200, ...input } }, { key: ws.key })).deliveries;
}

/** Polls the delivery log until `predicate` holds for the deliveries matching `input`. */
export async function waitForDeliveries(
  app: TestApp,
  ws: Workspace,
  input: DeliveriesInput,
  predicate: (nodes: DeliveryNode[]) => boolean,
  timeoutMs = 20_000,
): Promise<DeliveryNode[]> {
  return eventually(async () => (await deliveries(app, ws, input)).nodes, predicate, `deliveries ${JSON.stringify(input)}`, timeoutMs, 150);
}

export async function webhookState(app: TestApp, ws: Workspace, id: string) {
  return (await ok(app.url, DhWebhookState, { id }, { key: ws.key })).webhook;
}

export async function waitForWebhookState(app: TestApp, ws: Workspace, id: string, predicate: (w: Awaited<ReturnType<typeof webhookState>>) => boolean, timeoutMs = 20_000) {
  return eventually(() => webhookState(app, ws, id), predicate, 'webhook state', timeoutMs, 150);
}

export async function createClient(app: TestApp, ws: Workspace, input: { phone: string; [k: string]: unknown }) {
  return (await ok(app.url, DhCreateClient, { input: input as never }, { key: ws.key })).createClient;
}

export async function updateClient(app: TestApp, ws: Workspace, input: { id: string; [k: string]: unknown }) {
  return (await ok(app.url, DhUpdateClient, { input: input as never }, { key: ws.key })).updateClient;
}

export async function sendMessage(app: TestApp, ws: Workspace, input: { phone: string; channel: 'SMS' | 'WHATSAPP' | 'IMESSAGE' | 'RCS'; message?: string; messageId?: string; attachments?: string[] }) {
  return (await ok(app.url, DhSendMessage, { input }, { key: ws.key })).sendMessage;
}

export async function simulateInbound(app: TestApp, ws: Workspace, input: { deviceId: string; phone: string; message?: string; attachments?: string[] }) {
  return (await ok(app.url, DhSimulateInbound, { input }, { key: ws.key })).simulateInbound;
}

export async function endConversation(app: TestApp, ws: Workspace, id: string) {
  return (await ok(app.url, DhEndConversation, { input: { id } }, { key: ws.key })).endConversation;
}
