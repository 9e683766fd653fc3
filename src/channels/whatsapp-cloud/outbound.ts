import type { MessageType } from '../../generated/prisma/client.ts';
import { type OutboundMessage } from '../driver.ts';
import { DriverError } from '../driver-errors.ts';

type MediaKind = 'image' | 'audio' | 'video' | 'document';
const MEDIA_KIND: Partial<Record<MessageType, MediaKind>> = { IMAGE: 'image', AUDIO: 'audio', VIDEO: 'video', DOCUMENT: 'document' };

/** How a caller names a template: the message text is this JSON, with type TEMPLATE. */
const TEMPLATE_CONVENTION = 'a TEMPLATE message\'s text must be JSON like {"name":"order_update","language":"en_US","components":[…]}';
const TEMPLATE_KEYS = new Set(['name', 'language', 'components']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The template object of Meta's send request, from a TEMPLATE message's text: `name`, `language`
 * (a code like "en_US", or Meta's own `{ "code": "en_US" }`) and optional `components`, passed on
 * as Meta takes them. Meta checks the template itself (132000–132016).
 */
function template(message: OutboundMessage): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.content ?? '');
  } catch {
    parsed = null;
  }
  const refuse = (why: string) => new DriverError('wa:template-invalid', `${TEMPLATE_CONVENTION}; ${why}`);
  if (!isObject(parsed)) throw refuse('it is not a JSON object');
  const unknown = Object.keys(parsed).filter((k) => !TEMPLATE_KEYS.has(k));
  if (unknown.length) throw refuse(`it has no field ${unknown.join(', ')}`);
  const { name, language, components } = parsed;
  if (typeof name !== 'string' || !name.trim()) throw refuse('name must be the template name');
  const code = typeof language === 'string' ? language : isObject(language) ? language.code : undefined;
  if (typeof code !== 'string' || !code.trim()) throw refuse('language must be a language code like en_US');
  if (components !== undefined && !Array.isArray(components)) throw refuse('components must be a list');
  if (message.attachments.length) throw refuse("attachments are not sent with a template: put header media in the template's components");
  return { name, language: isObject(language) ? language : { code }, ...(components ? { components } : {}) };
}

/** A document's file name from its URL, so WhatsApp shows the right icon (only when the URL's last part has an extension). */
function filenameOf(link: string): string | undefined {
  try {
    const last = decodeURIComponent(new URL(link).pathname.split('/').pop() ?? '');
    return /\.[A-Za-z0-9]{1,8}$/.test(last) ? last : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON body of `POST /{phone-number-id}/messages` for a message: text, one medium by link
 * (caption = the text), or a template. WhatsApp sends one medium per message and no caption with
 * audio; a message it cannot carry fails with a code saying why rather than losing a part.
 */
export function messageBody(message: OutboundMessage): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to.replace(/^\+/, '') };
  if (message.type === 'TEMPLATE') return { ...base, type: 'template', template: template(message) };
  const [link, ...more] = message.attachments;
  if (!link) return { ...base, type: 'text', text: { body: message.content ?? '' } };
  if (more.length) throw new DriverError('wa:one-media', 'WhatsApp sends one attachment per message: send each attachment as its own message');
  // The accept path typed the message from its attachment; a document carries any other file.
  const kind = MEDIA_KIND[message.type] ?? 'document';
  const caption = message.content ?? undefined;
  if (kind === 'audio' && caption) throw new DriverError('wa:audio-caption', 'WhatsApp shows no text with audio: send the text as its own message');
  const filename = kind === 'document' ? filenameOf(link) : undefined;
  return { ...base, type: kind, [kind]: { link, ...(caption ? { caption } : {}), ...(filename ? { filename } : {}) } };
}
