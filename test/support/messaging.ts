import { graphql } from '../gql/gql.ts';
import type { TestApp } from './app.ts';
import { ok } from './graphql.ts';
import type { ReceivedRequest, Receiver } from './receiver.ts';
import { eventually, sleep } from './wait.ts';

/** Helpers for the messaging tests (devices, messages, clients, conversations). */

const MessagingWorkspace = graphql(`
  mutation MessagingWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      locationId
      webhookSigningSecret
    }
  }
`);

const MessagingKey = graphql(`
  mutation MessagingKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);

export const MessagingMessage = graphql(`
  query MessagingMessage($id: ID!) {
    message(id: $id) {
      id
      workspaceId
      conversationId
      clientId
      deviceId
      direction
      channel
      type
      content
      attachments
      externalId
      providerMessageId
      userId
      isAgent
      status
      rawStatus
      errorCode
      error
      segments
      encoding
      createdAt
      sentAt
      deliveredAt
      readAt
      failedAt
    }
  }
`);

/** A workspace with the options the plain fixture does not take (legacy auth), and a key of its own. */
export async function workspaceWith(
  app: TestApp,
  input: { name?: string; webhookUrl?: string; legacyAuth?: boolean } = {},
  key: { rateLimitPerMinute?: number } = {},
) {
  const ws = (await ok(app.url, MessagingWorkspace, { input: { name: input.name ?? 'Messaging workspace', ...input } })).createWorkspace;
  const created = (await ok(app.url, MessagingKey, { input: { workspaceId: ws.id, label: 'messaging', ...key } })).createApiKey;
  return { ...ws, key: created.secret, keyId: created.apiKey.id };
}

/** Another key of a workspace, e.g. one with its own rate limit. */
export async function apiKey(app: TestApp, workspaceId: number, rateLimitPerMinute?: number): Promise<string> {
  return (await ok(app.url, MessagingKey, { input: { workspaceId, label: 'extra', ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}) } })).createApiKey.secret;
}

/** A message as the API shows it (admin view). */
export async function messageOf(app: TestApp, id: string) {
  return (await ok(app.url, MessagingMessage, { id })).message;
}

/** Waits until a message reached a status (as the API shows it). */
export async function messageReaches(app: TestApp, id: string, status: string, timeoutMs = 20_000) {
  return eventually(() => messageOf(app, id), (m) => m.status === status, `message ${id} to reach ${status}`, timeoutMs);
}

/** The requests on a path, one per event (deliveries are at least once; `webhook-id` is the event id), oldest event first. */
export function distinctEvents(receiver: Receiver, path: string): ReceivedRequest[] {
  const byId = new Map<string, ReceivedRequest>();
  for (const r of receiver.on(path)) if (!byId.has(r.headers['webhook-id']!)) byId.set(r.headers['webhook-id']!, r);
  // Event ids are UUIDv7: time-ordered to the millisecond.
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

const LIFECYCLE = ['pending', 'sent', 'acceptd', 'enroute', 'delivered', 'delivrd', 'read', 'failed', 'undeliv', 'undelivered'];
const rank = (status: string) => LIFECYCLE.indexOf(status.toLowerCase());

/**
 * Status reports sorted along the lifecycle (QUEUED → SENT → DELIVERED → READ, then failures).
 * Events written in one transaction share a millisecond, so their ids do not order them; the
 * lifecycle does, since a message only moves forward.
 */
export function inLifecycleOrder<T>(items: T[], statusOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => rank(statusOf(a)) - rank(statusOf(b)));
}

/** Waits until `n` distinct events arrived on a path matching `filter`, and returns them (oldest event first,
 * except that events written in one transaction share a millisecond: see inLifecycleOrder). */
export async function eventsOn(receiver: Receiver, path: string, n: number, filter: (r: ReceivedRequest) => boolean = () => true, timeoutMs = 20_000) {
  await receiver.waitFor(() => distinctEvents(receiver, path).filter(filter).length >= n, timeoutMs, `${n} events on ${path}`);
  return distinctEvents(receiver, path).filter(filter);
}

/**
 * Rate limits count per fixed minute. A test that must stay inside one window starts early in it
 * (waiting at most a few seconds when the minute is about to roll over).
 */
export async function startOfRateWindow(needSeconds = 20): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 60_000 - needSeconds * 1000) await sleep(60_000 - into + 200);
}

/** Rows through the app's own pool, for facts the API does not show (event counts, raw timestamps). */
export async function rows<T = Record<string, unknown>>(app: TestApp, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await app.rt.pool.query(sql, values)).rows as T[];
}
