import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/** A message Twilio accepted, with the form Switchboard sent and the Basic auth user it sent with. */
export type TwilioMessage = { sid: string; form: Record<string, string | string[]>; at: number; user: string };

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

const E164 = /^(whatsapp:|rcs:)?\+[1-9]\d{6,14}$/;

/**
 * A local Twilio REST API (the parts Switchboard uses) that checks what it receives strictly —
 * paths, Basic auth, form fields — and answers with Twilio's documented bodies. Tests program
 * failures (5xx, 429 with Retry-After, slow answers) and send signed callbacks the way Twilio does,
 * signed with the official `twilio` package.
 */
export class FakeTwilio {
  readonly accountSid = `AC${randomBytes(16).toString('hex')}`;
  readonly authToken = randomBytes(16).toString('hex');
  readonly apiKeySid = `SK${randomBytes(16).toString('hex')}`;
  readonly apiKeySecret = randomBytes(16).toString('hex');
  /** Numbers Twilio refuses with 21211. */
  readonly invalidNumbers = new Set<string>();
  readonly messages: TwilioMessage[] = [];
  /** Every request, with the problem found in it (a test fails on any). */
  readonly problems: string[] = [];
  readonly numbers: { sid: string; phoneNumber: string; smsUrl: string | null }[] = [];
  readonly media = new Map<string, { contentType: string; body: Buffer }>();
  /** Every request received, as `METHOD /path`. */
  readonly requests: string[] = [];
  #next: ((form: Record<string, string | string[]>, attempt: number) => Reply | undefined)[] = [];
  /** Awaited after a message is accepted and before Twilio answers: a callback can overtake the answer. */
  beforeAnswer: ((message: TwilioMessage) => Promise<void>) | null = null;
  #sendAttempts = 0;
  #server: Server;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<FakeTwilio> {
    const t = new FakeTwilio();
    await new Promise<void>((resolve) => t.#server.listen(0, '127.0.0.1', resolve));
    t.url = `http://127.0.0.1:${(t.#server.address() as AddressInfo).port}`;
    return t;
  }

  /** The device config that talks to this fake. */
  config(extra: Record<string, unknown> = {}) {
    return { accountSid: this.accountSid, authToken: this.authToken, baseUrl: this.url, ...extra };
  }

  /** Answers Messages.json with what `reply` returns for a request's form (later rules win; undefined: the usual answer). */
  answerSends(reply: (form: Record<string, string | string[]>, attempt: number) => Reply | undefined): void {
    this.#next.unshift(reply);
  }

  get sendAttempts() {
    return this.#sendAttempts;
  }

  /** Posts a callback to `url` as Twilio does: form-encoded, `X-Twilio-Signature` from the official helper. */
  async callback(url: string, params: Record<string, string>, options: { token?: string; signature?: string | null } = {}) {
    const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(options.token ?? this.authToken, url, params) : options.signature;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'i-twilio-idempotency-token': randomBytes(8).toString('hex'),
        ...(signature === null ? {} : { 'x-twilio-signature': signature }),
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
  }

  /** A status callback for a message this fake accepted. */
  status(message: TwilioMessage, status: string, errorCode?: string) {
    const callbackUrl = String(message.form.StatusCallback);
    return this.callback(callbackUrl, {
      MessageSid: message.sid,
      SmsSid: message.sid,
      AccountSid: this.accountSid,
      From: String(message.form.From ?? ''),
      To: String(message.form.To),
      MessageStatus: status,
      SmsStatus: status,
      ApiVersion: '2010-04-01',
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    });
  }

  /** A contact's message to `to`, posted to `url` (the number's SmsUrl). */
  incoming(url: string, m: { from: string; to: string; body: string; media?: { contentType: string; body: Buffer }[] }) {
    const sid = `${m.media?.length ? 'MM' : 'SM'}${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      MessageSid: sid,
      SmsSid: sid,
      SmsMessageSid: sid,
      AccountSid: this.accountSid,
      From: m.from,
      To: m.to,
      Body: m.body,
      NumMedia: String(m.media?.length ?? 0),
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    };
    m.media?.forEach((media, i) => {
      const name = `ME${randomBytes(16).toString('hex')}`;
      this.media.set(name, media);
      params[`MediaUrl${i}`] = `${this.url}/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}/Media/${name}`;
      params[`MediaContentType${i}`] = media.contentType;
    });
    return { sid, response: this.callback(url, params) };
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The Basic auth user when its password is right (the Account SID or the API key SID), or null. */
  #authorized(req: IncomingMessage): string | null {
    const header = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
    return (user === this.accountSid && pass === this.authToken) || (user === this.apiKeySid && pass === this.apiKeySecret) ? user! : null;
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}`);
    const form: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
      const had = form[k];
      form[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    const error = (status: number, code: number, message: string) => send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    const account = `/2010-04-01/Accounts/${this.accountSid}`;

    const user = this.#authorized(req);
    if (!user) return error(401, 20003, 'Authenticate');
    if (url.pathname.startsWith(`${account}/Messages/`) && url.pathname.includes('/Media/')) {
      const media = this.media.get(url.pathname.split('/').pop()!);
      if (!media) return error(404, 20404, 'The requested resource was not found');
      res.writeHead(200, { 'content-type': media.contentType, 'content-length': media.body.length });
      return res.end(media.body);
    }
    if (req.method === 'GET' && url.pathname === `${account}.json`) {
      return send(200, { sid: this.accountSid, friendly_name: 'Test account', status: 'active', type: 'Full' });
    }
    if (req.method === 'GET' && url.pathname === `${account}/IncomingPhoneNumbers.json`) {
      const wanted = url.searchParams.get('PhoneNumber');
      return send(200, { incoming_phone_numbers: this.numbers.filter((n) => n.phoneNumber === wanted).map((n) => ({ sid: n.sid, phone_number: n.phoneNumber, sms_url: n.smsUrl })) });
    }
    const number = /^\/2010-04-01\/Accounts\/[^/]+\/IncomingPhoneNumbers\/(PN[0-9a-f]{32})\.json$/.exec(url.pathname);
    if (req.method === 'POST' && number) {
      const found = this.numbers.find((n) => n.sid === number[1]);
      if (!found) return error(404, 20404, 'The requested resource was not found');
      if (typeof form.SmsUrl !== 'string' || !URL.canParse(form.SmsUrl)) this.problems.push(`SmsUrl is not a URL: ${form.SmsUrl}`);
      found.smsUrl = String(form.SmsUrl);
      return send(200, { sid: found.sid, phone_number: found.phoneNumber, sms_url: found.smsUrl });
    }
    if (req.method === 'POST' && url.pathname === `${account}/Messages.json`) {
      const attempt = ++this.#sendAttempts;
      for (const rule of this.#next) {
        const reply = rule(form, attempt);
        if (!reply) continue;
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        return send(reply.status, reply.body ?? '', reply.headers);
      }
      const check = (ok: boolean, problem: string) => ok || (this.problems.push(problem), false);
      check(req.headers['content-type'] === 'application/x-www-form-urlencoded', `content-type ${req.headers['content-type']}`);
      check(typeof form.To === 'string' && E164.test(form.To), `To is not an address: ${form.To}`);
      check(Boolean(form.From) !== Boolean(form.MessagingServiceSid), 'exactly one of From and MessagingServiceSid');
      check(Boolean(form.Body) || Boolean(form.MediaUrl), 'Body or MediaUrl');
      check(typeof form.StatusCallback === 'string' && URL.canParse(form.StatusCallback), `StatusCallback is not a URL: ${form.StatusCallback}`);
      const known = new Set(['To', 'From', 'MessagingServiceSid', 'Body', 'MediaUrl', 'StatusCallback']);
      for (const k of Object.keys(form)) check(known.has(k), `unexpected parameter ${k}`);
      if (this.invalidNumbers.has(String(form.To).replace(/^[a-z]+:/, ''))) return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
      const sid = `${form.MediaUrl ? 'MM' : 'SM'}${randomBytes(16).toString('hex')}`;
      const message = { sid, form, at: Date.now(), user };
      this.messages.push(message);
      if (this.beforeAnswer) await this.beforeAnswer(message);
      return send(201, {
        sid,
        account_sid: this.accountSid,
        to: form.To,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        body: form.Body ?? '',
        status: form.MessagingServiceSid ? 'accepted' : 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        num_media: String([form.MediaUrl ?? []].flat().length),
        api_version: '2010-04-01',
        uri: `${account}/Messages/${sid}.json`,
      });
    }
    error(404, 20404, 'The requested resource was not found');
  }
}
