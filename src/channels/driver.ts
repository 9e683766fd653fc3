import type { Channel, MessageStatus, MessageType } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
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


/** What a driver may use besides the device: HTTP to its provider, where its callbacks arrive, the log. */
export type DriverContext = {
  http: ProviderHttp;
  /** The device's callback URL (`Device.callbackUrl`): where the provider should send statuses and messages. */
  callbackUrl: string;
  log: Logger;
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
  /** Reached over a long-lived connection per device (SMPP): src/links/ holds and sends through it, and `send` is not called. */
  readonly linked?: boolean;
};
