import { posix } from 'node:path';
import type { Channel } from '../../generated/prisma/client.ts';
import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver, type DriverContext, type DriverDevice, type OutboundMessage, type WebhookResult } from '../driver.ts';
import { DriverError, NotNowError } from '../driver-errors.ts';
import type { ProviderCall, ProviderResponse } from '../provider-http.ts';
import { apiUrl, reason, sendRefusal, type Envelope } from './bluebubbles-api.ts';
import { inboundReport, statusReports, type BlueBubblesMessage } from './bluebubbles-events.ts';

const config = driverConfig({
  serverUrl: field.url('Your BlueBubbles Server address, as the server shows it under Connection (like https://abc.trycloudflare.com or http://192.168.1.20:1234).', {
    required: true,
  }),
  password: field.secret('The server password set in BlueBubbles Server.', { required: true }),
  method: field.oneOf('How the Mac sends: apple-script (works on every Mac) or private-api (needs the Private API enabled on the server).', ['apple-script', 'private-api'], {
    default: 'apple-script',
  }),
  // Apple publishes no limit; an Apple ID that writes to many people quickly is flagged as spam and
  // can lose iMessage. One a second and 20 a minute keeps a campaign at a person's pace.
  ...pacingFields({ maxPerSecond: 1, maxPerMinute: 20 }),
});

type BlueBubblesConfig = ReturnType<typeof config.parse>;
type Device = DriverDevice<BlueBubblesConfig>;

/** The Messages service a device's channel sends through; SMS needs an iPhone forwarding texts to the Mac. */
const SERVICE: Partial<Record<Channel, string>> = { IMESSAGE: 'iMessage', SMS: 'SMS' };
const chatGuid = (device: Device, to: string) => `${SERVICE[device.channel]};-;${to}`;

/** The events activation subscribes the device's callback URL to. */
const EVENTS = ['new-message', 'updated-message', 'message-send-error'];

/** iMessage takes far larger files; above this a file is refused rather than held in memory and in the database. */
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/heic': '.heic',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'application/pdf': '.pdf',
};

type Part = { text: string } | { file: { name: string; contentType: string | null; body: Buffer } };

/** Activation asks the server, so an unreachable server is the device's problem to fix, with the reason. */
async function ask(ctx: DriverContext, url: string, call?: ProviderCall): Promise<ProviderResponse> {
  try {
    return await ctx.http.request(url, call);
  } catch (error) {
    if (error instanceof NotNowError) throw new DriverError('bb:unreachable', `BlueBubbles Server could not be reached: ${error.message}`);
    throw error;
  }
}

const refusedAtActivation = (response: ProviderResponse) => new DriverError(`bb:${response.status}`, reason(response));

/**
 * Points BlueBubbles' webhook for this device at its callback URL: kept when it is already there
 * with our events; replaced when its events or URL (an older public URL, say) are not ours —
 * BlueBubbles keeps one registration per URL and does not update its events.
 */
async function registerWebhook(device: Device, ctx: DriverContext) {
  const c = device.config;
  const listed = await ask(ctx, apiUrl(c, 'webhook'));
  if (listed.status !== 200) throw refusedAtActivation(listed);
  const path = new URL(ctx.callbackUrl).pathname;
  const ours = (listed.json<Envelope<{ id: number; url: string; events: string[] }[]>>()?.data ?? []).filter((h) => URL.canParse(h.url) && new URL(h.url).pathname === path);
  const current = ours.find((h) => h.url === ctx.callbackUrl && (h.events.includes('*') || EVENTS.every((e) => h.events.includes(e))));
  for (const stale of ours.filter((h) => h !== current)) {
    const removed = await ask(ctx, apiUrl(c, `webhook/${stale.id}`), { method: 'DELETE' });
    if (removed.status !== 200) throw refusedAtActivation(removed);
  }
  if (current) return;
  const created = await ask(ctx, apiUrl(c, 'webhook'), { json: { url: ctx.callbackUrl, events: EVENTS } });
  if (created.status !== 200) throw refusedAtActivation(created);
}

/** A CRM's attachment URL, fetched so the Mac can send the file itself. */
async function download(url: string, index: number, ctx: DriverContext) {
  const got = await ctx.http.download(url, { maxBytes: MAX_ATTACHMENT_BYTES });
  if (got.status >= 500) throw new NotNowError(`bb:attachment-${got.status}`, `the attachment ${url} answered HTTP ${got.status}`);
  if (got.status !== 200) throw new DriverError(`bb:attachment-${got.status}`, `the attachment ${url} answered HTTP ${got.status}`);
  const contentType = got.contentType?.split(';')[0]?.trim() || null;
  const base = posix.basename(new URL(url).pathname);
  const name = /^[\w.-]{1,100}\.[A-Za-z0-9]{1,8}$/.test(base) ? base : `attachment-${index + 1}${EXTENSIONS[contentType ?? ''] ?? ''}`;
  return { name, contentType, body: got.body };
}

/** Sends one part (a file, or the text) as one iMessage; answers BlueBubbles' guid for it. */
async function sendPart(device: Device, to: string, part: Part, tempGuid: string, ctx: DriverContext): Promise<string> {
  const c = device.config;
  let call: ProviderCall;
  if ('text' in part) {
    call = { json: { chatGuid: chatGuid(device, to), tempGuid, message: part.text, method: c.method } };
  } else {
    const form = new FormData();
    form.set('chatGuid', chatGuid(device, to));
    form.set('tempGuid', tempGuid);
    form.set('name', part.file.name);
    form.set('method', c.method);
    form.set('attachment', new Blob([new Uint8Array(part.file.body)], { type: part.file.contentType ?? 'application/octet-stream' }), part.file.name);
    call = { multipart: form };
  }
  const response = await ctx.http.request(apiUrl(c, 'text' in part ? 'message/text' : 'message/attachment'), call);
  if (response.status !== 200) throw sendRefusal(response);
  const guid = response.json<Envelope<{ guid?: string }>>()?.data?.guid;
  if (!guid) throw new NotNowError('bb:bad-answer', 'BlueBubbles answered without the sent message');
  return guid;
}

/** The message's parts in the order a person sends them: each attachment (downloaded first, so a bad link sends nothing), then the text. */
async function partsOf(message: OutboundMessage, ctx: DriverContext): Promise<Part[]> {
  const files = await Promise.all(message.attachments.map((url, i) => download(url, i, ctx)));
  return [...files.map((file) => ({ file })), ...(message.content ? [{ text: message.content }] : [])];
}

const answer = (result: Partial<WebhookResult> = {}): WebhookResult => ({ reply: { status: 200 }, statuses: [], inbound: [], ...result });

/**
 * BlueBubbles Server on a Mac signed in to iMessage (and SMS, when an iPhone forwards texts to that
 * Mac). Sends are `POST /api/v1/message/text` (files through `/message/attachment`) with our message
 * id as tempGuid; activation registers a webhook at the device's callback URL. BlueBubbles signs
 * nothing, so that URL carries the device's secret, which the door checks.
 */
export const blueBubblesDriver: ChannelDriver<BlueBubblesConfig> = {
  name: 'bluebubbles',
  description: 'BlueBubbles Server on a Mac: iMessage from its Apple ID, and SMS when an iPhone forwards texts to that Mac.',
  channels: ['IMESSAGE', 'SMS'],
  config,
  callbackSecretInUrl: true,

  async activate(device, ctx) {
    const c = device.config;
    const info = await ask(ctx, apiUrl(c, 'server/info'));
    if (info.status !== 200) throw refusedAtActivation(info);
    if (c.method === 'private-api' && info.json<Envelope<{ private_api?: boolean }>>()?.data?.private_api !== true) {
      throw new DriverError('bb:private-api-off', 'method is private-api, but the Private API is not enabled on this BlueBubbles Server');
    }
    await registerWebhook(device, ctx);
  },

  async send(device, message, ctx) {
    const parts = await partsOf(message, ctx);
    if (!parts.length) throw new DriverError('bb:empty', 'the message has neither text nor attachments');
    // The last part carries our message id as tempGuid (so its webhooks find the message) and its
    // guid is the provider id; earlier parts carry `<id>.<n>`.
    let guid = '';
    for (const [i, part] of parts.entries()) guid = await sendPart(device, message.to, part, i === parts.length - 1 ? message.id : `${message.id}.${i + 1}`, ctx);
    return { providerMessageId: guid, rawStatus: 'bb:sent' };
  },

  enforcesSessionWindow: () => false,

  async handleWebhook(device, request) {
    let event: { type?: unknown; data?: BlueBubblesMessage } | null = null;
    try {
      event = JSON.parse(request.body.toString('utf8'));
    } catch {
      return answer({ reply: { status: 400, body: 'expected a BlueBubbles webhook: JSON {type, data}' } });
    }
    const m = event?.data;
    if (!m || typeof m !== 'object') return answer();
    switch (event?.type) {
      case 'new-message': {
        if (m.isFromMe) return answer({ statuses: statusReports(m, false) });
        const inbound = inboundReport(m, SERVICE[device.channel]!);
        return answer({ inbound: inbound ? [inbound] : [] });
      }
      case 'updated-message':
        return answer({ statuses: m.isFromMe ? statusReports(m, false) : [] });
      case 'message-send-error':
        return answer({ statuses: statusReports(m, true) });
      default:
        return answer();
    }
  },

  async fetchMedia(device, media, ctx) {
    const got = await ctx.http.download(apiUrl(device.config, `attachment/${encodeURIComponent(media.ref)}/download`), { maxBytes: MAX_ATTACHMENT_BYTES });
    if (got.status === 200) return { contentType: got.contentType ?? media.contentType ?? null, body: got.body };
    // 500 "does not exist in disk": the Mac has not downloaded it from iCloud yet.
    if (got.status >= 500 || got.status === 401) throw new NotNowError(`bb:${got.status}`, `BlueBubbles answered HTTP ${got.status} for the attachment`);
    throw new DriverError(`bb:${got.status}`, got.status === 404 ? 'BlueBubbles no longer has this attachment' : `BlueBubbles answered HTTP ${got.status} for the attachment`);
  },
};
