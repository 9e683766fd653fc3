import { SegmentedMessage } from 'sms-segments-calculator';
import type { Channel, MessageType } from '../generated/prisma/client.ts';

/** Longest text per channel (Twilio caps SMS bodies at 1600 characters; WhatsApp at 4096). */
export const MAX_TEXT: Record<Channel, number> = { SMS: 1600, WHATSAPP: 4096, IMESSAGE: 20_000, RCS: 3072 };
export const MAX_ATTACHMENTS = 10;

/** WhatsApp's customer-service window: free-form messages only this long after the contact's last message. */
export const SESSION_WINDOW_MS = 24 * 3600 * 1000;

/**
 * The one rule every door follows: where the device's provider enforces WhatsApp's window, a
 * message that is not a TEMPLATE goes only within 24 hours of the contact's last message.
 */
export const insideSessionWindow = (lastInboundAt: Date | null | undefined, now: Date) => lastInboundAt != null && now.getTime() - lastInboundAt.getTime() <= SESSION_WINDOW_MS;

// GSM 03.38's basic character set: one septet each.
const GSM_BASIC = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

/** SMS segments and encoding: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part). */
export function smsSegments(text: string): { segments: number; encoding: 'GSM-7' | 'UCS-2' } {
  if (!text) return { segments: 0, encoding: 'GSM-7' };
  // The common case, text of basic GSM characters only, is counted directly; the library handles
  // the rest (extension characters cannot be split across parts, UCS-2 counts code units).
  if (GSM_BASIC.test(text)) return { segments: text.length <= 160 ? 1 : Math.ceil(text.length / 153), encoding: 'GSM-7' };
  const m = new SegmentedMessage(text, 'auto');
  return { segments: m.segmentsCount, encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7' };
}

const BY_EXTENSION: [RegExp, MessageType][] = [
  [/\.(jpe?g|png|gif|webp|heic|bmp)$/i, 'IMAGE'],
  [/\.(mp3|ogg|oga|opus|m4a|aac|amr|wav)$/i, 'AUDIO'],
  [/\.(mp4|3gp|mov|webm|m4v)$/i, 'VIDEO'],
];

/** A message's type when the caller gave none: text, or what its first attachment looks like. */
export function inferType(attachments: string[]): MessageType {
  const first = attachments[0];
  if (!first) return 'TEXT';
  const path = (() => {
    try {
      return new URL(first).pathname;
    } catch {
      return first;
    }
  })();
  return BY_EXTENSION.find(([re]) => re.test(path))?.[1] ?? 'DOCUMENT';
}

/** A message's type from its first media's content type (providers give types, not file names). */
export function mediaType(contentType: string | null | undefined): MessageType {
  const kind = contentType?.split('/')[0]?.toLowerCase();
  return kind === 'image' ? 'IMAGE' : kind === 'audio' ? 'AUDIO' : kind === 'video' ? 'VIDEO' : 'DOCUMENT';
}
