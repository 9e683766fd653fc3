import { AppError } from '../errors.ts';
import type { Channel, MessageType } from '../generated/prisma/client.ts';

/** An outbound message that passed validation, from any door. */
export type AcceptRequest = {
  workspaceId: number;
  channel: Channel;
  phone: string;
  content: string | null;
  attachments: string[];
  type: MessageType;
  externalId: string | null;
  userId: string | null;
  isAgent: boolean;
  /** SHA-256 of what was asked: a retry with the same message_id must ask the same. */
  requestHash: string;
  /** Send from this device (the live-chat door names its connection). */
  deviceId?: string;
  /** Call its status changes back to this TWILIO target (the Twilio-compatible door's StatusCallback). */
  statusCallbackTargetId?: string;
};

export type AcceptResult = { ok: true; messageId: string; duplicate: boolean } | { ok: false; error: AppError };

/** Outside WhatsApp's 24-hour window: its own class, so the live-chat door answers it 422 as seed 002 says (message-rules.ts has the rule). */
export class SessionWindowError extends AppError {
  constructor() {
    const message = "is free-form text outside WhatsApp's 24-hour customer-service window (the contact's last message is older than 24 hours, or there is none); send a TEMPLATE message instead";
    super('BAD_USER_INPUT', `message: ${message}`, { details: [{ field: 'message', message }] });
  }
}
