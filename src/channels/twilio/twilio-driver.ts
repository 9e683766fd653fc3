import type { Channel } from '../../generated/prisma/client.ts';
import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver, type DriverContext, type DriverDevice, type InboundReport, type StatusReport } from '../driver.ts';
import { DriverError, NotNowError, WebhookRefused } from '../driver-errors.ts';
import { notNowFor, type ProviderResponse } from '../provider-http.ts';
import { formParams, isValidTwilioSignature } from '../../crypto/twilio-signature.ts';

const config = driverConfig(
  {
    accountSid: field.string('Your Twilio Account SID (AC…).', { required: true, pattern: [/^AC[0-9a-fA-F]{32}$/, 'must be an Account SID: AC and 32 hex characters'] }),
    authToken: field.secret("The account's Auth Token. Needed to verify Twilio's callbacks (statuses and incoming messages), which Twilio signs with it."),
    apiKeySid: field.string('An API key SID (SK…), to send with an API key instead of the Auth Token.', { pattern: [/^SK[0-9a-fA-F]{32}$/, 'must be an API key SID: SK and 32 hex characters'] }),
    apiKeySecret: field.secret("The API key's secret."),
    messagingServiceSid: field.string('Send through this Messaging Service (MG…) instead of From = the device address.', {
      pattern: [/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID: MG and 32 hex characters'],
    }),
    configureNumber: field.boolean("On activation, point the number's incoming-message URL (SmsUrl) at this device's callback URL.", { default: false }),
    baseUrl: field.url("Twilio's API root (a regional edge, or a test server).", { default: 'https://api.twilio.com' }),
    // Twilio queues what a sender cannot send at once (a US long code: about one segment a second);
    // 10 per second keeps a burst in Switchboard's queue, where it stays visible.
    ...pacingFields({ maxPerSecond: 10 }),
  },
  (c, ctx) => {
    if (!c.authToken && !(c.apiKeySid && c.apiKeySecret)) ctx.addIssue({ code: 'custom', path: ['authToken'], message: 'is required (or apiKeySid and apiKeySecret)' });
    if (Boolean(c.apiKeySid) !== Boolean(c.apiKeySecret)) ctx.addIssue({ code: 'custom', path: [c.apiKeySid ? 'apiKeySecret' : 'apiKeySid'], message: 'is required with the other API key field' });
  },
);

type TwilioConfig = ReturnType<typeof config.parse>;
type Device = DriverDevice<TwilioConfig>;

const credentials = (c: TwilioConfig) => (c.apiKeySid && c.apiKeySecret ? { username: c.apiKeySid, password: c.apiKeySecret } : { username: c.accountSid, password: c.authToken! });
const accountUrl = (c: TwilioConfig) => `${c.baseUrl}/2010-04-01/Accounts/${c.accountSid}`;

/** Twilio addresses WhatsApp and RCS with a channel prefix. */
const PREFIX: Partial<Record<Channel, string>> = { WHATSAPP: 'whatsapp:', RCS: 'rcs:' };
const address = (channel: Channel, value: string) => `${PREFIX[channel] ?? ''}${value}`;
const unprefixed = (value: string) => value.replace(/^[a-z]+:/, '');

/** Twilio's error body: `{ code, message, more_info, status }`. */
function twilioError(response: ProviderResponse): { code: string; message: string } {
  const body = response.json<{ code?: number; message?: string }>();
  return { code: `twilio:${body?.code ?? response.status}`, message: body?.message ?? `Twilio answered HTTP ${response.status}` };
}

/** A refusal that retrying cannot change fails the message; busy, down or locked out is "not now". */
function refusal(response: ProviderResponse): Error {
  const { code, message } = twilioError(response);
  const notNow = notNowFor(response, code, message);
  if (notNow) return notNow;
  // 20404 on the account's own URL: the Account SID is wrong, the device must be fixed.
  if (response.status === 404) return new NotNowError(code, message, { credentials: true });
  return new DriverError(code, message);
}

const STATUS: Record<string, StatusReport['status'] | undefined> = {
  sending: 'SENT',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

async function configureIncomingUrl(device: Device, ctx: DriverContext) {
  const c = device.config;
  const found = await ctx.http.request(`${accountUrl(c)}/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(device.address)}`, { basic: credentials(c) });
  if (found.status !== 200) throw refusalAtActivation(found);
  const number = found.json<{ incoming_phone_numbers?: { sid: string }[] }>()?.incoming_phone_numbers?.[0];
  if (!number) throw new DriverError('twilio:21452', `${device.address} is not a phone number of this Twilio account`);
  const updated = await ctx.http.request(`${accountUrl(c)}/IncomingPhoneNumbers/${number.sid}.json`, { basic: credentials(c), form: { SmsUrl: ctx.callbackUrl, SmsMethod: 'POST' } });
  if (updated.status !== 200) throw refusalAtActivation(updated);
}

function refusalAtActivation(response: ProviderResponse): DriverError {
  const { code, message } = twilioError(response);
  return new DriverError(code, message);
}

/**
 * Twilio Programmable Messaging: SMS and MMS from Twilio numbers, WhatsApp (`whatsapp:`) and RCS
 * senders. Sends are `POST …/Messages.json` with the device's callback URL as StatusCallback;
 * statuses and incoming messages come back form-encoded, signed with `X-Twilio-Signature`.
 */
export const twilioDriver: ChannelDriver<TwilioConfig> = {
  name: 'twilio',
  description: 'Twilio Programmable Messaging: SMS/MMS numbers, WhatsApp and RCS senders of a Twilio account.',
  channels: ['SMS', 'WHATSAPP', 'RCS'],
  config,

  async activate(device, ctx) {
    const c = device.config;
    let account: ProviderResponse;
    try {
      account = await ctx.http.request(`${accountUrl(c)}.json`, { basic: credentials(c) });
    } catch (error) {
      throw new DriverError('twilio:unreachable', `Twilio could not be reached: ${(error as Error).message}`);
    }
    if (account.status !== 200) throw refusalAtActivation(account);
    if (c.configureNumber && device.channel === 'SMS') await configureIncomingUrl(device, ctx);
  },

  async send(device, message, ctx) {
    const c = device.config;
    const response = await ctx.http.request(`${accountUrl(c)}/Messages.json`, {
      basic: credentials(c),
      form: {
        To: address(device.channel, message.to),
        ...(c.messagingServiceSid ? { MessagingServiceSid: c.messagingServiceSid } : { From: address(device.channel, device.address) }),
        Body: message.content ?? undefined,
        MediaUrl: message.attachments,
        StatusCallback: ctx.callbackUrl,
      },
    });
    if (response.status !== 200 && response.status !== 201) throw refusal(response);
    const sent = response.json<{ sid?: string; status?: string }>();
    if (!sent?.sid) throw new NotNowError('twilio:bad-answer', 'Twilio answered without a message SID');
    return { providerMessageId: sent.sid, rawStatus: `twilio:${sent.status ?? 'queued'}` };
  },

  enforcesSessionWindow: (device) => device.channel === 'WHATSAPP',

  async handleWebhook(device, request) {
    const c = device.config;
    if (!c.authToken) throw new WebhookRefused(403, "set the device's authToken: Twilio signs its callbacks with it");
    const params = formParams(request.body.toString('utf8'));
    if (!isValidTwilioSignature(c.authToken, request.headers['x-twilio-signature'], request.url, params, request.headers['x-twilio-webhooks-signature-settings'])) {
      throw new WebhookRefused(403, 'the X-Twilio-Signature does not match');
    }
    const one = (key: string) => {
      const v = params[key];
      return Array.isArray(v) ? v[0] : v;
    };
    const sid = one('MessageSid') ?? one('SmsSid');
    const state = one('MessageStatus') ?? one('SmsStatus');
    if (!sid) return { reply: { status: 200 }, statuses: [], inbound: [] };
    if (state && state !== 'received' && state !== 'receiving') {
      const status = STATUS[state];
      const errorCode = one('ErrorCode');
      const statuses: StatusReport[] = status
        ? [
            {
              providerMessageId: sid,
              status,
              rawStatus: `twilio:${state}`,
              errorCode: errorCode ? `twilio:${errorCode}` : null,
              error: errorCode ? `Twilio reported error ${errorCode}` : null,
              eventId: request.headers['i-twilio-idempotency-token'] ?? `${sid}:${state}`,
            },
          ]
        : [];
      return { reply: { status: 200 }, statuses, inbound: [] };
    }
    const media = Array.from({ length: Number(one('NumMedia') ?? 0) }, (_, i) => ({ ref: one(`MediaUrl${i}`) ?? '', contentType: one(`MediaContentType${i}`) ?? null })).filter(
      (m) => m.ref,
    );
    const inbound: InboundReport = { from: unprefixed(one('From') ?? ''), content: one('Body') || null, attachments: [], media, providerMessageId: sid };
    return { reply: { status: 200, headers: { 'content-type': 'text/xml' }, body: EMPTY_TWIML }, statuses: [], inbound: [inbound] };
  },

  async fetchMedia(device, media, ctx) {
    const got = await ctx.http.download(media.ref, { basic: credentials(device.config), maxBytes: MAX_MEDIA_BYTES });
    if (got.status !== 200) throw got.status === 404 ? new DriverError('twilio:20404', 'Twilio no longer has this media') : new NotNowError(`twilio:${got.status}`, `Twilio answered HTTP ${got.status}`);
    return { contentType: got.contentType ?? media.contentType ?? null, body: got.body };
  },
};

/** Twilio's own limit for one media file of an incoming message. */
const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
