import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MessageType } from '../../generated/prisma/client.ts';
import { type InboundReport, type ProviderReply, type StatusReport } from '../driver.ts';
import { WebhookRefused } from '../driver-errors.ts';

type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';
type GraphErrorItem = { code?: number; title?: string; message?: string; error_data?: { details?: string } };
type WaStatus = { id?: string; status?: string; timestamp?: string; errors?: GraphErrorItem[] };
type WaMedia = { id?: string; mime_type?: string; caption?: string; filename?: string };
type WaContact = { name?: { formatted_name?: string }; phones?: { phone?: string; type?: string }[]; emails?: { email?: string }[] };
type WaMessage = {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  contacts?: WaContact[];
  interactive?: { button_reply?: { id?: string; title?: string }; list_reply?: { id?: string; title?: string }; nfm_reply?: { body?: string; response_json?: string } };
  button?: { text?: string; payload?: string };
} & Partial<Record<MediaKind, WaMedia>>;
type ChangeValue = { metadata?: { phone_number_id?: string }; statuses?: WaStatus[]; messages?: WaMessage[] };
type Notification = { object?: string; entry?: { changes?: { field?: string; value?: ChangeValue }[] }[] };

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Meta signs every notification: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export function checkSignature(appSecret: string, header: string | undefined, body: Buffer): void {
  if (!header) throw new WebhookRefused(401, 'the X-Hub-Signature-256 header is missing');
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())?.[1]?.toLowerCase();
  if (!given || !sameSecret(given, createHmac('sha256', appSecret).update(body).digest('hex'))) {
    throw new WebhookRefused(403, "the X-Hub-Signature-256 does not match: appSecret must be the App Secret of the Meta app that sends the webhooks");
  }
}

/** Meta's check of a callback URL: `hub.mode=subscribe` with our verify token is answered with `hub.challenge` as it is. */
export function verificationReply(verifyToken: string, query: URLSearchParams): ProviderReply {
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || !challenge || !sameSecret(query.get('hub.verify_token') ?? '', verifyToken)) {
    throw new WebhookRefused(403, "hub.verify_token does not match the device's verifyToken");
  }
  return { status: 200, body: challenge };
}

const STATUS: Record<string, StatusReport['status'] | undefined> = { sent: 'SENT', delivered: 'DELIVERED', read: 'READ', played: 'READ', failed: 'FAILED' };
const MEDIA_TYPE: Record<MediaKind, MessageType> = { image: 'IMAGE', sticker: 'IMAGE', audio: 'AUDIO', video: 'VIDEO', document: 'DOCUMENT' };
const isMediaKind = (type: string): type is MediaKind => Object.hasOwn(MEDIA_TYPE, type);

/** Meta's timestamps are Unix seconds, as strings. */
const timeOf = (timestamp: string | undefined) => (timestamp && /^\d{1,12}$/.test(timestamp) ? new Date(Number(timestamp) * 1000) : undefined);

function statusReport(s: WaStatus): StatusReport | null {
  const status = STATUS[s.status ?? ''];
  if (!status || !s.id) return null;
  const error = s.errors?.[0];
  const details = error?.error_data?.details;
  return {
    providerMessageId: s.id,
    status,
    rawStatus: `wa:${s.status}`,
    errorCode: error?.code !== undefined ? `wa:${error.code}` : null,
    error: error ? [error.title ?? error.message, details].filter(Boolean).join(': ') || `WhatsApp reported error ${error.code}` : null,
    at: timeOf(s.timestamp),
    eventId: `${s.id}:${s.status}`,
  };
}

const contactText = (c: WaContact) => {
  const ways = [...(c.phones ?? []).map((p) => (p.type ? `${p.phone} (${p.type})` : p.phone)), ...(c.emails ?? []).map((e) => e.email)].filter(Boolean);
  return [c.name?.formatted_name ?? 'Contact', ways.join(', ')].filter(Boolean).join(': ');
};

/** What a contact's message says, as text a CRM can show; null for kinds Switchboard does not take (reactions, system notices, unsupported). */
function inboundReport(m: WaMessage): InboundReport | null {
  if (!m.from || !m.id || !m.type) return null;
  const base = { from: `+${m.from}`, attachments: [], providerMessageId: m.id, at: timeOf(m.timestamp) };
  if (isMediaKind(m.type)) {
    const media = m[m.type];
    if (!media?.id) return null;
    return { ...base, type: MEDIA_TYPE[m.type], content: media.caption || null, media: [{ ref: media.id, contentType: media.mime_type ?? null, filename: media.filename ?? null }] };
  }
  switch (m.type) {
    case 'text':
      return { ...base, type: 'TEXT', content: m.text?.body || null };
    case 'location': {
      const l = m.location ?? {};
      const point = l.latitude !== undefined && l.longitude !== undefined ? `${l.latitude},${l.longitude}` : '';
      return { ...base, type: 'LOCATION', content: [[point, l.name].filter(Boolean).join(' '), l.address].filter(Boolean).join(', ') || null };
    }
    case 'contacts':
      return { ...base, type: 'CONTACTS', content: (m.contacts ?? []).map(contactText).join('\n') || null };
    case 'interactive': {
      const i = m.interactive ?? {};
      const reply = i.button_reply ?? i.list_reply;
      return { ...base, type: 'INTERACTIVE', content: reply?.title ?? reply?.id ?? i.nfm_reply?.response_json ?? i.nfm_reply?.body ?? null };
    }
    case 'button':
      return { ...base, type: 'INTERACTIVE', content: m.button?.text ?? m.button?.payload ?? null };
    default:
      return null;
  }
}

/**
 * Statuses and contacts' messages of one notification, for one business phone number: one Meta app
 * may serve several numbers, and a change for another number is not this device's.
 */
export function readNotification(body: unknown, phoneNumberId: string): { statuses: StatusReport[]; inbound: InboundReport[] } {
  const payload = (body ?? {}) as Notification;
  const values = (payload.object === 'whatsapp_business_account' ? (payload.entry ?? []) : [])
    .flatMap((e) => e.changes ?? [])
    .filter((c) => c.field === 'messages' && c.value?.metadata?.phone_number_id === phoneNumberId)
    .map((c) => c.value!);
  return {
    statuses: values.flatMap((v) => (v.statuses ?? []).map(statusReport)).filter((s): s is StatusReport => s !== null),
    inbound: values.flatMap((v) => (v.messages ?? []).map(inboundReport)).filter((m): m is InboundReport => m !== null),
  };
}
