import type { Channel, MessageStatus, MessageType } from '../generated/prisma/client.ts';

/** A device as its driver sees it: config already decrypted. */
export type DriverDevice = { id: string; workspaceId: number; channel: Channel; address: string; config: Record<string, unknown> };

export type OutboundMessage = {
  id: string;
  to: string;
  type: MessageType;
  content: string | null;
  attachments: string[];
};

/** What the provider said when it took the message. */
export type SendReceipt = { providerMessageId: string; providerConversationId?: string; status?: 'SENT' | 'QUEUED'; rawStatus?: string };

/** A provider refusal, with its raw code kept verbatim (`twilio:30003`, `wa:131047`, `smpp:UNDELIV/err:075`). */
export class DriverError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DriverError';
    this.code = code;
  }
}

export type StatusReport = {
  providerMessageId: string;
  status: Extract<MessageStatus, 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'UNDELIVERED'>;
  rawStatus?: string | null;
  errorCode?: string | null;
  error?: string | null;
  at?: Date;
  eventId?: string | null;
};

export type InboundReport = {
  from: string;
  content: string | null;
  attachments: string[];
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

/**
 * What every channel driver implements. `send` is called by the send worker; statuses and inbound
 * messages come back through the host, from the driver itself (a long-lived link, a provider
 * webhook) or from the generic device endpoints. `start`/`stop` are for long-lived links (SMPP).
 */
export type ChannelDriver = {
  readonly name: string;
  /** Validates the driver config of a device; throws with a field-level message. */
  parseConfig(config: unknown): Record<string, unknown>;
  /** Config keys whose values are credentials: masked when shown. */
  readonly secretConfigKeys: readonly string[];
  /** Checks the device can work (credentials, link); throws DriverError with the reason. */
  activate(device: DriverDevice): Promise<void>;
  send(device: DriverDevice, message: OutboundMessage, host: DriverHost): Promise<SendReceipt>;
  /** True where the provider enforces WhatsApp's 24-hour customer-service window. */
  enforcesSessionWindow(device: DriverDevice): boolean;
  /** Delayed work scheduled through host.schedule. */
  onScheduled?(device: DriverDevice, data: Record<string, unknown>, host: DriverHost): Promise<void>;
  start?(device: DriverDevice, host: DriverHost): Promise<void>;
  stop?(device: DriverDevice): Promise<void>;
};
