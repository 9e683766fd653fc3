import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { driverConfig, field, pacingFields } from '../config-fields.ts';
import { type ChannelDriver, type DriverContext, type DriverDevice, type InboundReport, type StatusReport } from '../driver.ts';
import { DriverError, NotNowError } from '../driver-errors.ts';
import { notNowFor, type ProviderResponse } from '../provider-http.ts';
import { checkSignature } from './payload-signature.ts';

/** The public cloud server's 3rd-party API (private servers have the same API under their own host). */
export const CLOUD_API = 'https://api.sms-gate.app/3rdparty/v1';

const config = driverConfig({
  baseUrl: field.url(
    "The gateway's API root: the public cloud server (default), a private server's https://<host>/3rdparty/v1, or the phone's local server http://<phone-ip>:8080.",
    { default: CLOUD_API },
  ),
  username: field.string('The API username the app shows (Home → Cloud server or Local server).', { required: true }),
  password: field.secret('The API password the app shows next to the username.', { required: true }),
  signingKey: field.secret("The app's webhook signing key (Settings → Webhooks → Signing Key): statuses and incoming messages are checked with it.", {
    required: true,
  }),
  simNumber: field.integer("Send from this SIM slot (1–3); unset, the phone's default SIM (or the app's SIM rotation).", 1, 3),
  deviceId: field.string('Cloud or private server with several phones on one account: send through this phone only, and take events from it only (its 21-character id).', {
    pattern: [/^[A-Za-z0-9_-]{1,21}$/, 'must be the device id the server lists: up to 21 letters, digits, _ or -'],
  }),
  // A SIM in a phone is not a bulk route: carriers block SIMs that send hundreds a minute, and
  // Android asks the phone's owner to confirm once an app sends 30 in a minute. 20 a minute, one a
  // second, stays clear of both; raise it only for a SIM plan that allows more.
  ...pacingFields({ maxPerMinute: 20, maxPerSecond: 1 }),
});

type GatewayConfig = ReturnType<typeof config.parse>;
type Device = DriverDevice<GatewayConfig>;

/** The events activation registers, each under an id stable per device so a new activation replaces it. */
const EVENTS = ['sms:received', 'sms:sent', 'sms:delivered', 'sms:failed'] as const;
const webhookId = (device: Device, event: (typeof EVENTS)[number]) => `${device.id}-${event.slice('sms:'.length)}`;

const basic = (c: GatewayConfig) => ({ username: c.username, password: c.password });
const isSuccess = (response: ProviderResponse) => response.status >= 200 && response.status < 300;

/** The gateway's error body: `{ message }` (the cloud server may add `code` and `data`). */
function gatewayError(response: ProviderResponse): { code: string; message: string } {
  const message = response.json<{ message?: unknown }>()?.message;
  return { code: `asg:${response.status}`, message: typeof message === 'string' && message ? message : `the gateway answered HTTP ${response.status}` };
}

/** Busy, down or locked out is "not now"; a request the gateway cannot take (400) fails the message. */
function refusal(response: ProviderResponse): Error {
  const { code, message } = gatewayError(response);
  const notNow = notNowFor(response, code, message);
  if (notNow) return notNow;
  // No such path: the device's baseUrl is wrong, every message would fail the same way.
  if (response.status === 404) return new NotNowError(code, `${message} (is the device's baseUrl the API root?)`, { credentials: true });
  return new DriverError(code, message);
}

/** The text of an SMS: the gateway sends no MMS through this API, so attachments go as links. */
const smsText = (content: string | null, attachments: string[]) => [content, ...attachments].filter(Boolean).join('\n');

/** A sender as E.164 when it is a phone number of the device's country written nationally; short codes and names as they came. */
function senderAddress(device: Device, sender: string): string {
  const country = parsePhoneNumberFromString(device.address)?.country;
  const number = parsePhoneNumberFromString(sender, country ? { defaultCountry: country } : undefined);
  return number?.isValid() ? number.number : sender;
}

const dateOf = (value: unknown) => {
  const at = typeof value === 'string' ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
};

/** What the app posts: `{ id, webhookId, event, deviceId, payload }`. */
type Envelope = { id?: string; event?: string; deviceId?: string; payload?: Record<string, unknown> };

const STATUS: Record<string, StatusReport['status'] | undefined> = { 'sms:sent': 'SENT', 'sms:delivered': 'DELIVERED', 'sms:failed': 'FAILED' };

function statusReport(envelope: Envelope, payload: Record<string, unknown>): StatusReport | null {
  const status = STATUS[envelope.event ?? ''];
  const messageId = payload.messageId;
  if (!status || typeof messageId !== 'string') return null;
  const state = envelope.event!.slice('sms:'.length);
  const reason = typeof payload.reason === 'string' && payload.reason ? payload.reason : 'the phone reported the message failed';
  return {
    providerMessageId: messageId,
    status,
    rawStatus: `asg:${state}`,
    errorCode: status === 'FAILED' ? 'asg:failed' : null,
    error: status === 'FAILED' ? reason : null,
    at: dateOf(payload[`${state}At`]),
    eventId: envelope.id ?? null,
  };
}

function inboundReport(device: Device, payload: Record<string, unknown>): InboundReport | null {
  const sender = typeof payload.sender === 'string' && payload.sender ? payload.sender : payload.phoneNumber;
  if (typeof sender !== 'string' || !sender) return null;
  const at = dateOf(payload.receivedAt);
  // The app's messageId is a 32-bit hash of the message: with the time it names one message.
  const providerMessageId = typeof payload.messageId === 'string' ? (at ? `${payload.messageId}@${at.getTime()}` : payload.messageId) : null;
  return { from: senderAddress(device, sender), content: typeof payload.message === 'string' && payload.message ? payload.message : null, attachments: [], providerMessageId, at };
}

async function registerWebhooks(device: Device, ctx: DriverContext) {
  const c = device.config;
  for (const event of EVENTS) {
    const registered = await ctx.http.request(`${c.baseUrl}/webhooks`, {
      basic: basic(c),
      json: { id: webhookId(device, event), url: ctx.callbackUrl, event, ...(c.deviceId ? { deviceId: c.deviceId } : {}) },
    });
    if (!isSuccess(registered)) {
      const { code, message } = gatewayError(registered);
      throw new DriverError(code, message);
    }
  }
}

/**
 * SMS Gateway for Android (capcom6/android-sms-gateway): SMS from the SIM of an Android phone,
 * through the phone's local server, the public cloud server or a private one. A send is
 * `POST {baseUrl}/message` with our message id as the gateway's, so a send retried after a lost
 * answer is refused 409 by the gateway instead of sent twice. Activation registers the webhooks
 * for statuses and incoming messages at the device's callback URL; each is signed with the app's
 * signing key.
 */
export const androidSmsGatewayDriver: ChannelDriver<GatewayConfig> = {
  name: 'android-sms-gateway',
  description: 'SMS Gateway for Android (sms-gate.app): SMS from a SIM in an Android phone, in local, cloud or private-server mode.',
  channels: ['SMS'],
  config,

  async activate(device, ctx) {
    try {
      await registerWebhooks(device, ctx);
    } catch (error) {
      if (error instanceof NotNowError) throw new DriverError('asg:unreachable', `the gateway could not be reached: ${error.message}`);
      throw error;
    }
  },

  async send(device, message, ctx) {
    const c = device.config;
    const response = await ctx.http.request(`${c.baseUrl}/message`, {
      basic: basic(c),
      json: {
        id: message.id,
        textMessage: { text: smsText(message.content, message.attachments) },
        phoneNumbers: [message.to],
        ...(c.simNumber ? { simNumber: c.simNumber } : {}),
        ...(c.deviceId ? { deviceId: c.deviceId } : {}),
        withDeliveryReport: true,
      },
    });
    // 409: a message with this id is already at the gateway, an earlier try whose answer was lost.
    if (response.status === 409) return { providerMessageId: message.id, rawStatus: 'asg:already-accepted' };
    if (!isSuccess(response)) throw refusal(response);
    const state = response.json<{ state?: unknown }>()?.state;
    return { providerMessageId: message.id, rawStatus: `asg:${typeof state === 'string' ? state.toLowerCase() : 'pending'}` };
  },

  enforcesSessionWindow: () => false,

  async handleWebhook(device, request) {
    checkSignature(device.config.signingKey, request.body, request.headers['x-timestamp'], request.headers['x-signature']);
    const ok = { reply: { status: 200 }, statuses: [] as StatusReport[], inbound: [] as InboundReport[] };
    let envelope: Envelope | null = null;
    try {
      envelope = JSON.parse(request.body.toString('utf8')) as Envelope;
    } catch {
      // Signed but unreadable: answered 200 all the same, or the app would retry it for two days.
    }
    const payload = envelope?.payload;
    if (!envelope || typeof payload !== 'object' || payload === null) return ok;
    // One account's phones share webhooks unless registered per device: another phone's events are not this device's.
    if (device.config.deviceId && envelope.deviceId && envelope.deviceId !== device.config.deviceId) return ok;
    if (envelope.event === 'sms:received') {
      const inbound = inboundReport(device, payload);
      return { ...ok, inbound: inbound ? [inbound] : [] };
    }
    const status = statusReport(envelope, payload);
    return { ...ok, statuses: status ? [status] : [] };
  },
};
