import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver, type DriverContext } from '../driver.ts';
import { DriverError, NotNowError } from '../driver-errors.ts';
import type { ProviderResponse } from '../provider-http.ts';
import { graphError, refusal } from './graph-errors.ts';
import { messageBody } from './outbound.ts';
import { checkSignature, readNotification, verificationReply } from './webhook.ts';

/** The Graph API version in request paths: v26.0 is Meta's latest (29 July 2026); each version is kept about two years. */
const DEFAULT_GRAPH_VERSION = 'v26.0';

const config = driverConfig({
  phoneNumberId: field.string('The business phone number ID (App Dashboard → WhatsApp → API Setup), a number like 106540352242922 — not the phone number.', {
    required: true,
    pattern: [/^\d{1,30}$/, 'must be the numeric phone number ID'],
  }),
  accessToken: field.secret('A system user access token with the whatsapp_business_messaging and whatsapp_business_management permissions.', { required: true }),
  appSecret: field.secret("The Meta app's App Secret (App Dashboard → App settings → Basic): Meta signs every webhook with it.", { required: true }),
  verifyToken: field.secret('Any secret string, entered as the Verify token next to the callback URL at Meta: Meta sends it back to confirm the URL.', { required: true }),
  graphVersion: field.string('The Graph API version in request paths.', { default: DEFAULT_GRAPH_VERSION, pattern: [/^v\d{1,3}\.0$/, 'must be a Graph API version like v26.0'] }),
  baseUrl: field.url("The Graph API's root (a test server, or a proxy).", { default: 'https://graph.facebook.com' }),
  configureWebhook: field.boolean(
    "On activation, make this device's callback URL the number's own webhook URL at Meta (an override of the app's URL), so several numbers of one Meta app each reach their device.",
    { default: false },
  ),
  // Cloud API takes 80 messages a second per business phone number by default (1,000 after Meta's
  // automatic upgrade; 20 for numbers also used in the WhatsApp Business app); more is refused with 130429.
  ...pacingFields({ maxPerSecond: 80 }),
});

type WhatsAppConfig = ReturnType<typeof config.parse>;

const graphUrl = (c: WhatsAppConfig, path: string) => `${c.baseUrl}/${c.graphVersion}/${path}`;

/** Meta's own media limit is 100 MB for documents; 16 MB (its limit for audio and video) keeps a contact's file in PostgreSQL reasonable. */
const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

const digits = (phone: string) => phone.replace(/\D/g, '');

async function atActivation(request: Promise<ProviderResponse>): Promise<ProviderResponse> {
  let response: ProviderResponse;
  try {
    response = await request;
  } catch (error) {
    throw new DriverError('wa:unreachable', `the Graph API could not be reached: ${(error as Error).message}`);
  }
  if (response.status !== 200) {
    const { code, message } = graphError(response);
    throw new DriverError(code, message);
  }
  return response;
}

/** Points the number's webhooks at this device; Meta checks the URL with the verify token before it answers. */
async function configureWebhook(c: WhatsAppConfig, ctx: DriverContext) {
  await atActivation(
    ctx.http.request(graphUrl(c, c.phoneNumberId), {
      bearer: c.accessToken,
      json: { webhook_configuration: { override_callback_uri: ctx.callbackUrl, verify_token: c.verifyToken } },
    }),
  );
}

/**
 * WhatsApp Business Platform Cloud API, one business phone number per device. Sends are
 * `POST /{version}/{phone-number-id}/messages` with the access token; Meta's webhooks (statuses
 * and contacts' messages, signed with the app secret) come to the device's callback URL.
 */
export const whatsAppCloudDriver: ChannelDriver<WhatsAppConfig> = {
  name: 'whatsapp-cloud',
  description: "WhatsApp Business Platform Cloud API (Meta): a business phone number's text, media and template messages, statuses and replies.",
  channels: ['WHATSAPP'],
  config,

  async activate(device, ctx) {
    const c = device.config;
    const number = await atActivation(ctx.http.request(`${graphUrl(c, c.phoneNumberId)}?fields=display_phone_number,verified_name`, { bearer: c.accessToken }));
    const shown = number.json<{ display_phone_number?: string }>()?.display_phone_number;
    if (shown && digits(shown) !== digits(device.address)) {
      throw new DriverError('wa:number-mismatch', `phone number ID ${c.phoneNumberId} is ${shown} at Meta, not the device's address ${device.address}`);
    }
    if (c.configureWebhook) await configureWebhook(c, ctx);
  },

  async send(device, message, ctx) {
    const c = device.config;
    const response = await ctx.http.request(graphUrl(c, `${c.phoneNumberId}/messages`), { bearer: c.accessToken, json: messageBody(message) });
    if (response.status !== 200) throw refusal(response);
    const sent = response.json<{ messages?: { id?: string; message_status?: string }[] }>()?.messages?.[0];
    if (!sent?.id) throw new NotNowError('wa:bad-answer', 'the Graph API answered without a message id');
    return { providerMessageId: sent.id, rawStatus: `wa:${sent.message_status ?? 'accepted'}` };
  },

  // Meta refuses free-form messages more than 24 hours after the contact's last one (131047).
  enforcesSessionWindow: () => true,

  async handleWebhook(device, request) {
    const c = device.config;
    if (request.method === 'GET') return { reply: verificationReply(c.verifyToken, request.query), statuses: [], inbound: [] };
    if (request.method !== 'POST') return { reply: { status: 405, headers: { allow: 'GET, POST' } }, statuses: [], inbound: [] };
    checkSignature(c.appSecret, request.headers['x-hub-signature-256'], request.body);
    let payload: unknown;
    try {
      payload = JSON.parse(request.body.toString('utf8'));
    } catch {
      return { reply: { status: 400, body: 'the body is not JSON' }, statuses: [], inbound: [] };
    }
    return { reply: { status: 200 }, ...readNotification(payload, c.phoneNumberId) };
  },

  async fetchMedia(device, media, ctx) {
    const c = device.config;
    const info = await ctx.http.request(graphUrl(c, encodeURIComponent(media.ref)), { bearer: c.accessToken });
    if (info.status !== 200) throw refusal(info);
    const found = info.json<{ url?: string; mime_type?: string; file_size?: number }>();
    if (!found?.url) throw new NotNowError('wa:bad-answer', 'the Graph API answered without the media URL');
    if ((found.file_size ?? 0) > MAX_MEDIA_BYTES) throw new DriverError('wa:media-too-large', `the media is larger than ${MAX_MEDIA_BYTES} bytes`);
    const got = await ctx.http.download(found.url, { bearer: c.accessToken, maxBytes: MAX_MEDIA_BYTES });
    if (got.status === 404) throw new DriverError('wa:media-gone', 'WhatsApp no longer has this media');
    if (got.status !== 200) throw new NotNowError(`wa:${got.status}`, `WhatsApp's media server answered HTTP ${got.status}`);
    return { contentType: found.mime_type ?? got.contentType ?? media.contentType ?? null, body: got.body };
  },
};
