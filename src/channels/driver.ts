import type { Channel, MessageStatus, MessageType } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import type { DriverConfig, PacingConfig } from './config-fields.ts';
import type { ProviderHttp } from './provider-http.ts';

/** A device as its driver sees it: config already decrypted and validated. */
export type DriverDevice<C = Record<string, unknown>> = { id: string; workspaceId: number; channel: Channel; address: string; config: C };

export type OutboundMessage = {
  id: string;
  to: string;
  type: MessageType;
  content: string | null;
  attachments: string[];
};

/** The provider took the message: its id is how later status reports find it. */
export type SendReceipt = { providerMessageId: string; providerConversationId?: string; rawStatus?: string };

/** Refused for good: the message fails with this raw code (`twilio:21211`, `wa:131026`). */
export class DriverError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DriverError';
    this.code = code;
  }
}

/**
 * Not now: the provider is busy, down or unreachable (429, 5xx, a timeout, a refused connection).
 * The message stays QUEUED with this reason and is tried again; it fails with this code only when
 * the device's retry window has run out. `credentials` marks the device (its lastError) as well.
 */
export class NotNowError extends Error {
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly credentials: boolean;
  constructor(code: string, message: string, options: { retryAfterMs?: number; credentials?: boolean } = {}) {
    super(message);
    this.name = 'NotNowError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.credentials = options.credentials ?? false;
  }
}

export type StatusReport = {
  providerMessageId: string;
  /**
   * Our message id, for providers that echo it back (BlueBubbles' tempGuid): the report finds its
   * message even when the send's own answer was lost, and records `providerMessageId` on it.
   */
  messageId?: string;
  status: Extract<MessageStatus, 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'UNDELIVERED'>;
  rawStatus?: string | null;
  errorCode?: string | null;
  error?: string | null;
  at?: Date;
  /** The provider's id of this report: a report seen before is ignored. */
  eventId?: string | null;
};

/** Media a provider holds behind its credentials: Switchboard fetches it through the driver and serves it itself. */
export type ProviderMedia = { ref: string; contentType?: string | null; filename?: string | null };

export type InboundReport = {
  from: string;
  content: string | null;
  /** Public URLs, given to receivers as they are. */
  attachments: string[];
  media?: ProviderMedia[];
  type?: MessageType;
  providerMessageId?: string | null;
  at?: Date;
};

/** How drivers hand back what happens later: status changes and contacts' messages. */
export type DriverHost = {
  reportStatus(deviceId: string, report: StatusReport): Promise<void>;
  reportInbound(deviceId: string, report: InboundReport): Promise<void>;
  /** Durable, delayed work for a driver (the simulator schedules its statuses with it). */
  schedule(deviceId: string, data: Record<string, unknown>, startAfter: Date): Promise<void>;
};

/** A provider's request to `/providers/{driver}/{deviceId}`, as it arrived. */
export type ProviderRequest = {
  method: string;
  /** The absolute URL the provider called, as it signed it: SWITCHBOARD_PUBLIC_URL + path + query. */
  url: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
};

export type ProviderReply = { status: number; headers?: Record<string, string>; body?: string };

export type WebhookResult = { reply: ProviderReply; statuses: StatusReport[]; inbound: InboundReport[] };

/** A callback whose signature (or secret) is missing or wrong: answered 401 or 403, nothing stored. */
export class WebhookRefused extends Error {
  readonly status: 401 | 403;
  constructor(status: 401 | 403, message: string) {
    super(message);
    this.name = 'WebhookRefused';
    this.status = status;
  }
}

/** What a driver may use besides the device: HTTP to its provider, where its callbacks arrive, the log. */
export type DriverContext = {
  http: ProviderHttp;
  /** The device's callback URL (`Device.callbackUrl`): where the provider should send statuses and messages. */
  callbackUrl: string;
  log: Logger;
};

/**
 * A device's long-lived connection to its provider (an SMPP bind), opened by the worker process
 * that holds the device's lease. While open it sends the device's queued messages and stores what
 * the provider reports; it ends on its own when the connection drops.
 */
export type OpenLink = {
  /** Settles when the connection ended by itself, with why. */
  readonly ended: Promise<Error>;
  /** Requests sent and not yet answered. */
  inFlight(): number;
  /** Stops sending, waits (until the deadline) for answers to what was sent, says goodbye and disconnects. */
  close(deadline: number): Promise<void>;
};

/** What a link may use: the process's runtime, and what lives as long as this process holds the device. */
export type LinkContext = {
  rt: Runtime;
  /** Kept across reconnects while this process holds the device (e.g. parts of a long message already accepted). */
  memory: Map<string, unknown>;
  /** Registers a listener called when new messages may be due (a send was queued). Returns its removal. */
  onWake(listener: () => void): () => void;
};

/**
 * Drivers whose provider is reached over a long-lived connection per device (SMPP). The link
 * supervisor (channels/link-supervisor.ts) in every worker process keeps one link per ACTIVE
 * device open, in exactly one process; the send worker leaves these devices' messages to it.
 */
export type DeviceLinkDriver<C> = {
  /** Connects and binds. Throws DriverError when the provider refuses the device's credentials (not retried until they change), NotNowError otherwise. */
  open(device: DriverDevice<C>, ctx: LinkContext): Promise<OpenLink>;
};

/**
 * What every channel driver implements. `send` is called by the send worker and answers one of
 * three ways: a receipt (SENT), a DriverError (FAILED for good) or a NotNowError (queued again).
 * Statuses and inbound messages come back through the provider callback door (`handleWebhook`),
 * the generic device endpoints, or the host (scheduled work).
 */
export type ChannelDriver<C extends PacingConfig = PacingConfig & Record<string, unknown>> = {
  readonly name: string;
  readonly description: string;
  readonly channels: readonly Channel[];
  readonly config: DriverConfig<C>;
  /** For providers that do not sign callbacks: the callback URL carries a per-device secret, checked before `handleWebhook`. */
  readonly callbackSecretInUrl?: boolean;
  /** Checks the device can work against its provider (and registers its callbacks there); throws DriverError with the provider's reason. */
  activate(device: DriverDevice<C>, ctx: DriverContext): Promise<void>;
  send(device: DriverDevice<C>, message: OutboundMessage, ctx: DriverContext & { host: DriverHost }): Promise<SendReceipt>;
  /** True where the provider enforces WhatsApp's 24-hour customer-service window. */
  enforcesSessionWindow(device: DriverDevice<C>): boolean;
  /** Verifies and reads a provider callback; throws WebhookRefused when it is not the provider's. */
  handleWebhook?(device: DriverDevice<C>, request: ProviderRequest, ctx: DriverContext): Promise<WebhookResult>;
  /** Fetches media the provider holds behind its credentials. */
  fetchMedia?(device: DriverDevice<C>, media: ProviderMedia, ctx: DriverContext): Promise<{ contentType: string | null; body: Buffer }>;
  /** Delayed work scheduled through host.schedule. */
  onScheduled?(device: DriverDevice<C>, data: Record<string, unknown>, host: DriverHost): Promise<void>;
  /** For providers reached over a long-lived connection: the link supervisor opens it, and it sends (`send` is then not called). */
  readonly link?: DeviceLinkDriver<C>;
};
