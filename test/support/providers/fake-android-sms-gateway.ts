import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body of `POST /message` as Switchboard sent it. */
export type GatewaySend = { id: string; textMessage: { text: string }; phoneNumbers: string[]; simNumber?: number; deviceId?: string; withDeliveryReport?: boolean };
/** A message the gateway accepted, and when. */
export type GatewayMessage = { body: GatewaySend; at: number };
export type GatewayWebhook = { id: string; url: string; event: string; deviceId: string | null };

/** How an event is sent other than as the phone sends it once: another key or time, no signature, another phone, again (a retry). */
type EmitAs = { key?: string; timestamp?: number; unsigned?: boolean; deviceId?: string; times?: number };

/** A programmed answer to `POST /message`; without `status` the message is accepted as usual, answered after `delayMs`. */
type Reply = { status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

const EVENTS = new Set(['sms:received', 'sms:data-received', 'sms:sent', 'sms:delivered', 'sms:failed', 'sms:cancelled', 'system:ping', 'mms:received', 'mms:downloaded', 'app:started']);
const SEND_FIELDS = new Set(['id', 'textMessage', 'phoneNumbers', 'simNumber', 'deviceId', 'withDeliveryReport']);
const E164 = /^\+[1-9]\d{6,14}$/;
/** Where the cloud server serves the API; a device's baseUrl ends here. */
const ROOT = '/3rdparty/v1';
/** The gateway's error body. */
const error = (status: number, message: string) => ({ status, body: { message } });
/** The app's ids are NanoIds: 21 characters of A-Za-z0-9_-. */
const nanoId = () => randomBytes(16).toString('base64url').slice(0, 21);

/** The app's timestamps: ISO 8601 with the phone's offset, like 2024-06-22T15:46:11.000+07:00. */
function phoneTime(at: Date, offsetMinutes = 180): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * SMS Gateway for Android's 3rd-party API as the cloud server serves it (under `/3rdparty/v1`),
 * checking what it receives strictly — paths, Basic auth, JSON fields — and answering with the
 * documented bodies: 202 with the message state, 409 for an id it already has, 400 and 401 with
 * `{ message }`. Tests program failures (5xx, 429 with Retry-After, slow answers). It records the
 * registered webhooks and posts events to them as the phone does, signed with `X-Signature` and
 * `X-Timestamp` as the app's PayloadSigningPlugin signs them.
 */
export class FakeAndroidSmsGateway {
  readonly username = nanoId().slice(0, 6).toUpperCase();
  readonly password = nanoId().slice(0, 14);
  readonly signingKey = nanoId().slice(0, 10);
  /** The phone's id on the server. */
  readonly deviceId = nanoId();
  /** Numbers the gateway refuses with 400. */
  readonly invalidNumbers = new Set<string>();
  readonly messages: GatewayMessage[] = [];
  readonly webhooks = new Map<string, GatewayWebhook>();
  /** Every problem found in a request (a test fails on any). */
  readonly problems: string[] = [];
  #rules: ((body: GatewaySend, attempt: number) => Reply | undefined)[] = [];
  #sendAttempts = 0;
  #server: Server;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<FakeAndroidSmsGateway> {
    const g = new FakeAndroidSmsGateway();
    await new Promise<void>((resolve) => g.#server.listen(0, '127.0.0.1', resolve));
    g.url = `http://127.0.0.1:${(g.#server.address() as AddressInfo).port}`;
    return g;
  }

  /** The API root a device is configured with. */
  get apiUrl() {
    return `${this.url}${ROOT}`;
  }

  /** The device config that talks to this fake. */
  config(extra: Record<string, unknown> = {}) {
    return { baseUrl: this.apiUrl, username: this.username, password: this.password, signingKey: this.signingKey, ...extra };
  }

  /** Answers `POST /message` with what `reply` returns for a request (later rules win; undefined: the usual answer). */
  answerSends(reply: (body: GatewaySend, attempt: number) => Reply | undefined): void {
    this.#rules.unshift(reply);
  }

  /**
   * Posts an event to the webhooks registered for it at `url` (a device's callback URL), as the
   * phone does: the envelope as JSON, signed with the signing key at each attempt. Answers each
   * attempt's status and body.
   */
  async #emit(url: string, event: string, payload: Record<string, unknown>, as: EmitAs) {
    const targets = [...this.webhooks.values()].filter((w) => w.event === event && w.url === url);
    if (!targets.length) throw new Error(`no webhook is registered for ${event} at ${url}`);
    const answers: { status: number; body: string }[] = [];
    for (const w of targets) {
      const body = JSON.stringify({ deviceId: as.deviceId ?? this.deviceId, event, id: nanoId(), payload, webhookId: w.id });
      for (let i = 0; i < (as.times ?? 1); i++) {
        const timestamp = String(as.timestamp ?? Math.floor(Date.now() / 1000));
        const signature = createHmac('sha256', as.key ?? this.signingKey).update(body + timestamp).digest('hex');
        const res = await fetch(w.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=UTF-8', ...(as.unsigned ? {} : { 'x-signature': signature, 'x-timestamp': timestamp }) },
          body,
        });
        answers.push({ status: res.status, body: await res.text() });
      }
    }
    return answers;
  }

  /** What the phone reports about a message it was given: `sms:sent`, `sms:delivered` or `sms:failed` (with its reason). */
  status(url: string, message: GatewayMessage, event: 'sms:sent' | 'sms:delivered' | 'sms:failed', reason = 'Send result: RESULT_ERROR_GENERIC_FAILURE') {
    const at = phoneTime(new Date());
    const recipient = message.body.phoneNumbers[0]!;
    const common = { messageId: message.body.id, phoneNumber: recipient, sender: '', recipient, simNumber: message.body.simNumber ?? 1 };
    const extra = event === 'sms:sent' ? { partsCount: 1, sentAt: at } : event === 'sms:delivered' ? { deliveredAt: at } : { failedAt: at, reason };
    return this.#emit(url, event, { ...common, ...extra }, {});
  }

  /** A contact's SMS arriving at the phone (`sms:received`); the messageId is the app's hash of the message. */
  incoming(url: string, m: { from: string; text: string; at?: Date }, as: EmitAs = {}) {
    const messageId = (Math.floor(Math.random() * 2 ** 32) >>> 0).toString(16);
    const payload = { messageId, message: m.text, phoneNumber: m.from, sender: m.from, recipient: null, simNumber: 1, receivedAt: phoneTime(m.at ?? new Date()) };
    return this.#emit(url, 'sms:received', payload, as);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    return decoded === `${this.username}:${this.password}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    if (raw) this.#check(req.headers['content-type'] === 'application/json', `content-type ${req.headers['content-type']} on ${url.pathname}`);
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = undefined;
    }
    let reply: Reply & { status: number };
    if (!this.#authorized(req)) reply = error(401, 'Unauthorized');
    else if (body === undefined) reply = error(400, 'Invalid JSON');
    else if (req.method === 'POST' && url.pathname === `${ROOT}/webhooks`) reply = this.#register(body);
    else if (req.method === 'POST' && url.pathname === `${ROOT}/message`) reply = await this.#send(body);
    else reply = error(404, `Cannot ${req.method} ${url.pathname}`);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  #check(ok: boolean, problem: string) {
    if (!ok) this.problems.push(problem);
  }

  /** `POST /webhooks`: registers (or, with a known id, replaces) a webhook, as the server validates it. */
  #register(body: any): Reply & { status: number } {
    for (const k of Object.keys(body ?? {})) this.#check(['id', 'url', 'event', 'deviceId'].includes(k), `unexpected webhook field ${k}`);
    this.#check(typeof body?.id === 'string' && body.id.length <= 36, `webhook id missing or longer than 36: ${body?.id}`);
    if (typeof body?.url !== 'string' || !URL.canParse(body.url)) return error(400, 'url: must be a URL');
    const target = new URL(body.url);
    // The app calls https:// URLs only, and http://127.0.0.1 for receivers on the phone itself.
    if (target.protocol !== 'https:' && !(target.protocol === 'http:' && target.hostname === '127.0.0.1')) return error(400, 'url must start with https:// or http://127.0.0.1');
    if (!EVENTS.has(body.event)) return error(400, 'invalid event type');
    if (body.deviceId != null && body.deviceId !== this.deviceId) return error(400, 'device not found');
    const webhook = { id: body.id ?? nanoId(), url: body.url, event: body.event, deviceId: body.deviceId ?? null };
    this.webhooks.set(webhook.id, webhook);
    return { status: 201, body: webhook };
  }

  /** `POST /message`: a programmed answer, or the gateway's: 202 with the message state, 409 for an id it has, 400. */
  async #send(body: GatewaySend): Promise<Reply & { status: number }> {
    const attempt = ++this.#sendAttempts;
    let programmed: Reply | undefined;
    for (const rule of this.#rules) if ((programmed = rule(body, attempt))) break;
    if (programmed?.status !== undefined) return { ...programmed, status: programmed.status };
    for (const k of Object.keys(body ?? {})) this.#check(SEND_FIELDS.has(k), `unexpected message field ${k}`);
    this.#check(typeof body?.id === 'string' && body.id.length > 0 && body.id.length <= 36, `id missing or longer than 36: ${body?.id}`);
    this.#check(typeof body?.textMessage?.text === 'string' && body.textMessage.text.length > 0, 'textMessage.text is empty');
    this.#check(Array.isArray(body?.phoneNumbers) && body.phoneNumbers.length === 1 && E164.test(body.phoneNumbers[0]!), `phoneNumbers: ${JSON.stringify(body?.phoneNumbers)}`);
    this.#check(body?.withDeliveryReport === true, 'withDeliveryReport is not true');
    if (body?.simNumber !== undefined && !(Number.isInteger(body.simNumber) && body.simNumber >= 1 && body.simNumber <= 3)) return error(400, 'simNumber must be between 1 and 3');
    if (body?.deviceId !== undefined && body.deviceId !== this.deviceId) return error(400, 'failed to select device: device not found');
    if (this.invalidNumbers.has(body.phoneNumbers[0]!)) return error(400, `failed to enqueue message: invalid phone number: ${body.phoneNumbers[0]}`);
    if (this.messages.some((m) => m.body.id === body.id)) return error(409, 'message with the same ID already exists');
    this.messages.push({ body, at: Date.now() });
    const state = {
      id: body.id,
      deviceId: this.deviceId,
      state: 'Pending',
      isHashed: false,
      isEncrypted: false,
      recipients: body.phoneNumbers.map((phoneNumber) => ({ phoneNumber, state: 'Pending' })),
      states: { Pending: new Date().toISOString() },
    };
    return { status: 202, body: state, headers: { location: `${ROOT}/messages/${body.id}` }, delayMs: programmed?.delayMs };
  }
}
