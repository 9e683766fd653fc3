import type { Channel, MessageStatus } from '../generated/prisma/client.ts';

// A Switchboard message in Twilio's vocabulary: its SID, addresses, status and error code, as the
// Twilio-compatible door answers them and as Twilio-style callbacks carry them.

export const TWILIO_API_VERSION = '2010-04-01';

/** `SM` (`MM` with media) and the message's UUID without dashes: stable, and no column to keep. */
export const messageSid = (id: string, numMedia: number) => `${numMedia > 0 ? 'MM' : 'SM'}${id.replaceAll('-', '')}`;

/** The message id a SID names, or null when it is not a message SID. */
export function messageIdOfSid(sid: string): string | null {
  const hex = /^(?:SM|MM)([0-9a-f]{32})$/i.exec(sid)?.[1]?.toLowerCase();
  return hex ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
}

/** Twilio names a channel other than SMS by a prefix (`whatsapp:+1…`); Twilio has no iMessage, so `imessage:` is Switchboard's own. */
const PREFIX: Record<Channel, string> = { SMS: '', WHATSAPP: 'whatsapp:', RCS: 'rcs:', IMESSAGE: 'imessage:' };

export const twilioAddress = (channel: Channel, address: string) => PREFIX[channel] + address;

/** `whatsapp:+1…` → WHATSAPP and `+1…`; no prefix is SMS; null for a prefix Switchboard has no channel for. */
export function parseTwilioAddress(value: string): { channel: Channel; address: string } | null {
  const prefixed = /^([a-z]+):(.*)$/i.exec(value);
  if (!prefixed) return { channel: 'SMS', address: value };
  const channel = (Object.keys(PREFIX) as Channel[]).find((c) => c !== 'SMS' && PREFIX[c] === `${prefixed[1]!.toLowerCase()}:`);
  return channel ? { channel, address: prefixed[2]! } : null;
}

/** Twilio's status values (`accepted`, `scheduled` and `canceled` never apply: there are no Messaging Services or scheduling). */
export const TWILIO_STATUS: Record<MessageStatus, string> = {
  QUEUED: 'queued',
  SENT: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  FAILED: 'failed',
  UNDELIVERED: 'undelivered',
  RECEIVED: 'received',
};

/** Twilio's "Unknown error": a failure whose provider code is not one of Twilio's. */
export const UNKNOWN_ERROR = 30008;

/** A stored error as Twilio's integer code: the provider's own when it is Twilio's shape (`twilio:30003`, `sim:30003`). */
export function twilioErrorCode(raw: string | null): number | null {
  if (!raw) return null;
  const digits = /(?:^|:)(\d{5})$/.exec(raw)?.[1];
  return digits ? Number(digits) : UNKNOWN_ERROR;
}

/** RFC 2822 in GMT, as Twilio writes its dates: `Tue, 20 Sep 2016 22:41:38 +0000`. */
export const rfc2822 = (date: Date | string | null): string | null => (date === null ? null : new Date(date).toUTCString().replace(/GMT$/, '+0000'));
