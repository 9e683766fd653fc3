import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the Graph API accepted, with the JSON Switchboard sent. */
export type WaSent = { id: string; phoneNumberId: string; body: Record<string, any>; at: number };

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

/** Meta's documented errors (WhatsApp error codes page): HTTP status, title and details. */
const META_ERRORS: Record<number, { status: number; title: string; details: string }> = {
  2: { status: 503, title: 'API Service', details: 'Temporary due to downtime or due to being overloaded.' },
  4: { status: 429, title: 'API Too Many Calls', details: 'The app has reached its API call rate limit.' },
  100: { status: 400, title: 'Invalid parameter', details: 'The parameter is invalid.' },
  190: { status: 401, title: 'Access token has expired', details: 'Your access token has expired.' },
  80007: { status: 400, title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: { status: 400, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131000: { status: 500, title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
  131026: {
    status: 400,
    title: 'Message undeliverable',
    details: "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number, or the recipient has not accepted WhatsApp's new Terms of Service.",
  },
  131047: {
    status: 400,
    title: 'Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
};

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);
/** A Graph API object id: 15 digits. */
const graphId = () => `${randomInt(1e5, 1e6)}${randomInt(1e9, 1e10)}`;
const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A local WhatsApp Cloud API (the Graph API parts Switchboard uses) that checks what it receives
 * strictly — version and phone number ID in the path, the Bearer token, each message type's JSON —
 * and answers with Meta's documented bodies. Tests program failures (each error class, 429 with
 * Retry-After, slow answers), serve media behind the token, and send webhooks to a callback URL as
 * Meta does: the `whatsapp_business_account` envelope signed with `X-Hub-Signature-256`.
 */
export class FakeWhatsAppCloud {
  readonly version = 'v26.0';
  readonly wabaId = graphId();
  readonly accessToken = `EAAG${randomBytes(24).toString('hex')}`;
  readonly appSecret = randomBytes(16).toString('hex');
  readonly verifyToken = randomBytes(12).toString('hex');
  /** Tokens Meta takes; an expired one answers 190, "Session has expired". */
  readonly tokens = new Set([this.accessToken]);
  readonly expiredTokens = new Set<string>();
  /** Contacts Meta cannot deliver to (131026). */
  readonly undeliverable = new Set<string>();
  readonly sent: WaSent[] = [];
  /** Every problem found in a request (a test fails on any). */
  readonly problems: string[] = [];
  /** Phone number ID → its display number. */
  readonly numbers = new Map<string, string>();
  /** Phone number ID → the webhook URL set for the number (an override of the app's URL). */
  readonly webhookOverrides = new Map<string, string>();
  readonly media = new Map<string, { mimeType: string; body: Buffer }>();
  #rules: ((body: Record<string, any>) => Reply | undefined)[] = [];
  #server: Server;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<FakeWhatsAppCloud> {
    const f = new FakeWhatsAppCloud();
    await new Promise<void>((resolve) => f.#server.listen(0, '127.0.0.1', resolve));
    f.url = `http://127.0.0.1:${(f.#server.address() as AddressInfo).port}`;
    return f;
  }

  /** A new business phone number for `address`, and the device config that talks to this fake about it. */
  config(address: string, extra: Record<string, unknown> = {}) {
    const phoneNumberId = graphId();
    const d = address.replace(/\D/g, '');
    this.numbers.set(phoneNumberId, `+${d.slice(0, 1)} ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`);
    return { phoneNumberId, accessToken: this.accessToken, appSecret: this.appSecret, verifyToken: this.verifyToken, baseUrl: this.url, ...extra };
  }

  /** Another valid access token (a device whose token alone can be expired). */
  newToken(): string {
    const token = `EAAG${randomBytes(24).toString('hex')}`;
    this.tokens.add(token);
    return token;
  }

  /** Answers sends with what `reply` returns for a request's JSON (later rules win; undefined: the usual answer). */
  answerSends(reply: (body: Record<string, any>) => Reply | undefined): void {
    this.#rules.unshift(reply);
  }

  /** Answers only the first send to `to` with `reply`; `at` tells when that send came. */
  answerFirstSendTo(to: string, reply: Reply): { at: number } {
    const first = { at: 0 };
    this.answerSends((body) => {
      if (first.at || body.to !== to.replace(/^\+/, '')) return undefined;
      first.at = Date.now();
      return reply;
    });
    return first;
  }

  /** Meta's error body for a documented code, with its HTTP status (or another) and headers. */
  error(code: keyof typeof META_ERRORS, o: { status?: number; headers?: Record<string, string>; message?: string } = {}): Reply {
    const e = META_ERRORS[code]!;
    return {
      status: o.status ?? e.status,
      headers: o.headers,
      body: {
        error: {
          message: o.message ?? `(#${code}) ${e.title}`,
          type: 'OAuthException',
          code,
          error_data: { messaging_product: 'whatsapp', details: e.details },
          fbtrace_id: randomBytes(9).toString('base64url'),
        },
      },
    };
  }

  /** Keeps bytes as Meta keeps a contact's media; answers its media ID. */
  addMedia(mimeType: string, body: Buffer): string {
    const id = graphId();
    this.media.set(id, { mimeType, body });
    return id;
  }

  /** Meta's check of a callback URL: GET with hub.mode, hub.verify_token and hub.challenge. */
  async verify(callbackUrl: string, token: string) {
    const url = new URL(callbackUrl);
    const challenge = String(randomInt(1e9, 2e9));
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', token);
    const res = await fetch(url);
    return { status: res.status, body: await res.text(), challenge };
  }

  /** POSTs a `messages` notification for a phone number to `callbackUrl` as Meta does; a wrong `secret` or a `signature` forges it. */
  async notify(callbackUrl: string, phoneNumberId: string, value: Record<string, unknown>, o: { secret?: string; signature?: string | null } = {}) {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: this.wabaId,
          changes: [
            {
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: this.numbers.get(phoneNumberId)?.replace(/\D/g, '') ?? '', phone_number_id: phoneNumberId }, ...value },
              field: 'messages',
            },
          ],
        },
      ],
    });
    const signature = o.signature === undefined ? `sha256=${createHmac('sha256', o.secret ?? this.appSecret).update(body).digest('hex')}` : o.signature;
    const res = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  /** A status notification for a message this fake accepted; `errorCode` adds Meta's errors[] (for "failed"). */
  status(callbackUrl: string, message: WaSent, status: 'sent' | 'delivered' | 'read' | 'played' | 'failed', errorCode?: keyof typeof META_ERRORS) {
    const e = errorCode === undefined ? undefined : META_ERRORS[errorCode]!;
    return this.notify(callbackUrl, message.phoneNumberId, {
      statuses: [
        {
          id: message.id,
          status,
          timestamp: String(Math.floor(Date.now() / 1000)),
          recipient_id: message.body.to,
          ...(status === 'failed' || status === 'sent' ? {} : { pricing: { billable: true, pricing_model: 'PMP', category: 'service' } }),
          ...(e ? { errors: [{ code: errorCode, title: e.title, message: e.title, error_data: { details: e.details } }] } : {}),
        },
      ],
    });
  }

  /** A contact's message to a phone number: `message` is its type and that type's object, like { type: 'text', text: { body } }. */
  incoming(callbackUrl: string, phoneNumberId: string, from: string, message: Record<string, unknown>) {
    const wa = from.replace(/^\+/, '');
    const id = `wamid.${Buffer.from(`${wa}${randomBytes(12).toString('hex')}`).toString('base64').replace(/=+$/, '')}`;
    const response = this.notify(callbackUrl, phoneNumberId, {
      contacts: [{ profile: { name: 'Test Contact' }, wa_id: wa }],
      messages: [{ from: wa, id, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
    });
    return { id, response };
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const send = (reply: Reply) => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
    };
    const oauth = (message: string) => send({ status: 401, body: { error: { message, type: 'OAuthException', code: 190, fbtrace_id: randomBytes(9).toString('base64url') } } });
    const noObject = (id: string) =>
      send({
        status: 400,
        body: {
          error: {
            message: `Unsupported ${req.method?.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            type: 'GraphMethodException',
            code: 100,
            error_subcode: 33,
            fbtrace_id: randomBytes(9).toString('base64url'),
          },
        },
      });

    // Media bytes, at the URL the media node names (Meta's lookaside host): the token is needed here too.
    if (req.method === 'GET' && url.pathname === '/whatsapp_business/attachments/') {
      const media = this.media.get(url.searchParams.get('mid') ?? '');
      if (!this.tokens.has(req.headers.authorization?.replace(/^Bearer /, '') ?? '')) return send({ status: 401, body: '' });
      if (!media) return send({ status: 404, body: '' });
      res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.body.length });
      return res.end(media.body);
    }

    const path = /^\/(v\d+\.0)\/(\d+)(\/messages)?$/.exec(url.pathname);
    if (!path) return noObject(url.pathname);
    const [, version, id, messages] = path as unknown as [string, string, string, string | undefined];
    if (version !== this.version) this.problems.push(`Graph API version ${version}, expected ${this.version}`);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return oauth('An active access token must be used to query information about the current user.');
    if (this.expiredTokens.has(token)) return oauth('Error validating access token: Session has expired on Friday, 31-Jul-26 09:00:00 PDT.');
    if (!this.tokens.has(token)) return oauth('Invalid OAuth access token - Cannot parse access token');

    const media = this.media.get(id);
    if (req.method === 'GET' && media && !messages) {
      return send({
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          url: `${this.url}/whatsapp_business/attachments/?mid=${id}&ext=${Date.now()}&hash=${randomBytes(8).toString('hex')}`,
          mime_type: media.mimeType,
          sha256: createHash('sha256').update(media.body).digest('hex'),
          file_size: media.body.length,
          id,
        },
      });
    }
    const display = this.numbers.get(id);
    if (!display) return noObject(id);
    if (req.method === 'GET' && !messages) {
      if (url.searchParams.get('fields') !== 'display_phone_number,verified_name') this.problems.push(`fields=${url.searchParams.get('fields')}`);
      return send({ status: 200, body: { display_phone_number: display, verified_name: 'Switchboard Test', id } });
    }
    if (req.method !== 'POST') return noObject(id);
    const check = (ok: boolean, problem: string) => ok || (this.problems.push(problem), false);
    check(req.headers['content-type'] === 'application/json', `content-type ${req.headers['content-type']}`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    if (!check(isObject(body), `the body is not a JSON object: ${raw}`)) return send(this.error(100));
    const json = body as Record<string, any>;
    if (!messages) return this.#configureWebhook(id, json, send);

    for (const rule of this.#rules) {
      const reply = rule(json);
      if (!reply) continue;
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs).unref());
      return send(reply);
    }
    this.#checkMessage(json, check);
    if (this.undeliverable.has(String(json.to))) return send(this.error(131026));
    const wamid = `wamid.${Buffer.from(`${json.to}${randomBytes(12).toString('hex')}`).toString('base64').replace(/=+$/, '')}`;
    this.sent.push({ id: wamid, phoneNumberId: id, body: json, at: Date.now() });
    send({ status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: json.to, wa_id: json.to }], messages: [{ id: wamid, message_status: 'accepted' }] } });
  }

  /** `POST /{phone-number-id}` with `webhook_configuration`: Meta checks the URL (GET with the verify token) before it keeps it. */
  async #configureWebhook(id: string, json: Record<string, any>, send: (reply: Reply) => void) {
    const conf = json.webhook_configuration;
    if (!isObject(conf) || typeof conf.override_callback_uri !== 'string' || typeof conf.verify_token !== 'string') {
      this.problems.push(`not a webhook_configuration: ${JSON.stringify(json)}`);
      return send(this.error(100));
    }
    const answer = await this.verify(conf.override_callback_uri, conf.verify_token).catch(() => null);
    if (answer?.status !== 200 || answer.body !== answer.challenge) {
      const detail = answer ? `HTTP Status Code = ${answer.status}` : 'the URL could not be reached';
      return send({ status: 400, body: { error: { message: `(#2200) Callback verification failed with the following errors: ${detail}`, type: 'OAuthException', code: 2200, fbtrace_id: 'x' } } });
    }
    this.webhookOverrides.set(id, conf.override_callback_uri);
    send({ status: 200, body: { success: true } });
  }

  /** The message JSON of Meta's reference, per type; anything else is a problem. */
  #checkMessage(json: Record<string, any>, check: (ok: boolean, problem: string) => boolean) {
    const type = String(json.type);
    const allowed = new Set(['messaging_product', 'recipient_type', 'to', 'type', 'context', 'biz_opaque_callback_data', type]);
    for (const k of Object.keys(json)) check(allowed.has(k), `unexpected field ${k}`);
    check(json.messaging_product === 'whatsapp', `messaging_product ${json.messaging_product}`);
    check(json.recipient_type === undefined || json.recipient_type === 'individual', `recipient_type ${json.recipient_type}`);
    check(typeof json.to === 'string' && /^\+?[1-9]\d{6,14}$/.test(json.to), `to is not a phone number: ${json.to}`);
    const object = json[type];
    if (!check(isObject(object), `no ${type} object`)) return;
    const only = (keys: string[]) => Object.keys(object).forEach((k) => check(keys.includes(k), `unexpected ${type}.${k}`));
    if (type === 'text') {
      only(['body', 'preview_url']);
      check(typeof object.body === 'string' && object.body.length >= 1 && object.body.length <= 4096, `text.body ${object.body}`);
    } else if (MEDIA_TYPES.has(type)) {
      only(['link', 'id', ...(type === 'audio' || type === 'sticker' ? [] : ['caption']), ...(type === 'document' ? ['filename'] : [])]);
      check((object.link === undefined) !== (object.id === undefined), `${type} needs exactly one of link and id`);
      if (object.link !== undefined) check(typeof object.link === 'string' && /^https?:\/\//.test(object.link) && URL.canParse(object.link), `${type}.link ${object.link}`);
    } else if (type === 'template') {
      only(['name', 'language', 'components']);
      check(typeof object.name === 'string' && object.name.length > 0, `template.name ${object.name}`);
      check(isObject(object.language) && typeof object.language.code === 'string', `template.language ${JSON.stringify(object.language)}`);
      if (object.components !== undefined) {
        check(Array.isArray(object.components) && object.components.every((c: unknown) => isObject(c) && ['header', 'body', 'button', 'footer'].includes(String(c.type))), 'template.components');
      }
    } else {
      check(false, `type ${type} is not one Switchboard sends`);
    }
  }
}
