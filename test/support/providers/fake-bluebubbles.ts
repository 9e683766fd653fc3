import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the Mac sent, with what Switchboard asked for. */
export type SentMessage = {
  guid: string;
  tempGuid: string;
  chatGuid: string;
  method: string;
  text: string | null;
  attachment: { name: string; contentType: string; body: Buffer } | null;
  error: number;
  dateCreated: number;
  dateDelivered: number | null;
  dateRead: number | null;
};

/** A send request as the fake read it: the JSON of /message/text or the fields of /message/attachment. */
export type SendRequest = { path: string; fields: Record<string, unknown>; file: { name: string; type: string; body: Buffer } | null };

/**
 * How the fake answers a send: an answer of its own (after a pause), a dropped connection, or a
 * *lost* answer: the Mac goes on sending (the tempGuid stays "already queued") until `finish`.
 */
type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | { drop: true } | { lost: true };

type Webhook = { id: number; url: string; events: string[]; created: number };
type Attachment = { guid: string; mimeType: string; transferName: string; body: Buffer };

const EVENTS = new Set(['*', 'new-message', 'updated-message', 'message-send-error', 'group-name-change', 'participant-added', 'participant-removed', 'typing-indicator']);
const CHAT = /^(iMessage|SMS);-;\S+$/;

/**
 * A local BlueBubbles Server (the REST API v1 parts Switchboard uses) that checks what it receives
 * strictly — paths, the `password` query parameter, JSON and multipart fields — and answers with
 * BlueBubbles' envelope `{status, message, data}`. It keeps webhook registrations and posts events
 * to them as the server does: `{type, data}` as JSON, unsigned, fire-and-forget. Tests program
 * failures (errors, dropped or lost answers) and take it down and up again.
 */
export class FakeBlueBubbles {
  readonly password = randomBytes(12).toString('hex');
  /** Every problem found in a request (a test fails on any). */
  readonly problems: string[] = [];
  readonly sent: SentMessage[] = [];
  /** The tempGuid of every send request, in order. */
  readonly sendAttempts: string[] = [];
  readonly webhooks: Webhook[] = [];
  readonly attachments = new Map<string, Attachment>();
  privateApi = false;
  #sendCache = new Map<string, SendRequest>();
  #rules: ((req: SendRequest, attempt: number) => Reply | undefined)[] = [];
  #dispatches = new Set<Promise<unknown>>();
  #nextId = 1;
  #server: Server;
  #port = 0;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<FakeBlueBubbles> {
    const f = new FakeBlueBubbles();
    await f.up();
    f.url = `http://127.0.0.1:${f.#port}`;
    return f;
  }

  /** The device config that talks to this fake. */
  config(extra: Record<string, unknown> = {}) {
    return { serverUrl: this.url, password: this.password, ...extra };
  }

  /** Answers sends with what `reply` returns for a request (later rules win; undefined: the usual answer). */
  answerSends(reply: (req: SendRequest, attempt: number) => Reply | undefined): void {
    this.#rules.unshift(reply);
  }

  /** The Mac is off: connections are refused until `up`. */
  async down(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async up(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(this.#port, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  /** Completes a send whose answer was lost: the message goes out and its webhooks are posted (awaited). */
  async finish(tempGuid: string): Promise<SentMessage> {
    const req = this.#sendCache.get(tempGuid);
    if (!req) throw new Error(`no send of ${tempGuid} is in flight`);
    this.#sendCache.delete(tempGuid);
    const message = this.#accept(req);
    await this.#announce(message);
    return message;
  }

  delivered(m: SentMessage) {
    m.dateDelivered = Date.now();
    return this.#dispatch('updated-message', this.#serialize(m, { chats: false }));
  }

  read(m: SentMessage) {
    m.dateDelivered ??= Date.now();
    m.dateRead = Date.now();
    return this.#dispatch('updated-message', this.#serialize(m, { chats: false }));
  }

  /** iMessage gave up on a sent message: `message-send-error` with its error code, as the server's database listener reports it. */
  sendError(m: SentMessage, error: number) {
    m.error = error;
    return this.#dispatch('message-send-error', this.#serialize(m, { chats: false }));
  }

  /** A contact's message arriving on the Mac. */
  incoming(m: { from: string; text: string; service?: 'iMessage' | 'SMS'; attachments?: { mimeType: string; name: string; body: Buffer }[]; associatedMessageGuid?: string }) {
    const service = m.service ?? 'iMessage';
    const attachments = (m.attachments ?? []).map((a) => {
      const attachment = { guid: `at_${randomUUID().toUpperCase()}`, mimeType: a.mimeType, transferName: a.name, body: a.body };
      this.attachments.set(attachment.guid, attachment);
      return attachment;
    });
    const message: SentMessage = {
      guid: randomUUID().toUpperCase(),
      tempGuid: '',
      chatGuid: `${service};-;${m.from}`,
      method: '',
      text: attachments.length ? `${'\uFFFC'.repeat(attachments.length)}${m.text}` : m.text,
      attachment: null,
      error: 0,
      dateCreated: Date.now(),
      dateDelivered: null,
      dateRead: null,
    };
    const data = {
      ...this.#serialize(message, { fromMe: false, service }),
      attachments: attachments.map((a, i) => ({ originalROWID: 100 + i, guid: a.guid, uti: 'public.data', mimeType: a.mimeType, transferName: a.transferName, totalBytes: a.body.length })),
      ...(m.associatedMessageGuid ? { associatedMessageGuid: m.associatedMessageGuid, associatedMessageType: 'love' } : {}),
    };
    return { guid: message.guid, responses: this.#dispatch('new-message', data) };
  }

  /** A message someone typed on the Mac itself: `new-message` with isFromMe and no tempGuid. */
  typedOnTheMac(to: string, text: string) {
    const message: SentMessage = { guid: randomUUID().toUpperCase(), tempGuid: '', chatGuid: `iMessage;-;${to}`, method: '', text, attachment: null, error: 0, dateCreated: Date.now(), dateDelivered: null, dateRead: null };
    return { guid: message.guid, responses: this.#dispatch('new-message', this.#serialize(message)) };
  }

  /** Posts an event to one URL, as the server posts its webhooks. */
  async post(url: string, type: string, data: unknown): Promise<{ url: string; status: number }> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type, data }) });
    await res.arrayBuffer();
    return { url, status: res.status };
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.#dispatches]);
    if (this.#server.listening) await this.down();
  }

  /** Posts `{type, data}` to every webhook registered for the event (the server does not retry). */
  #dispatch(type: string, data: unknown): Promise<{ url: string; status: number }[]> {
    const targets = this.webhooks.filter((w) => w.events.includes('*') || w.events.includes(type));
    const posted = Promise.all(targets.map((w) => this.post(w.url, type, data).catch(() => ({ url: w.url, status: 0 }))));
    this.#dispatches.add(posted);
    void posted.finally(() => this.#dispatches.delete(posted));
    return posted;
  }

  #accept(req: SendRequest): SentMessage {
    const f = req.fields;
    const message: SentMessage = {
      guid: randomUUID().toUpperCase(),
      tempGuid: String(f.tempGuid),
      chatGuid: String(f.chatGuid),
      method: String(f.method ?? 'apple-script'),
      text: req.file ? null : String(f.message),
      attachment: req.file ? { name: String(f.name), contentType: req.file.type, body: req.file.body } : null,
      error: 0,
      dateCreated: Date.now(),
      dateDelivered: null,
      dateRead: null,
    };
    this.sent.push(message);
    return message;
  }

  /** What the server posts once a sent message shows up in the Messages database: the listener's new-message, then the match with the tempGuid. */
  #announce(m: SentMessage) {
    return Promise.all([this.#dispatch('new-message', this.#serialize(m)), this.#dispatch('new-message', { ...this.#serialize(m), tempGuid: m.tempGuid })]);
  }

  /** A message as BlueBubbles' MessageSerializer writes it for notifications. */
  #serialize(m: SentMessage, o: { fromMe?: boolean; service?: string; chats?: boolean } = {}) {
    const [service, , address] = m.chatGuid.split(';');
    return {
      originalROWID: this.#nextId++,
      guid: m.guid,
      text: m.text,
      attributedBody: null,
      handle: { originalROWID: 7, address, service: o.service ?? service, country: 'us', uncanonicalizedId: null },
      handleId: 7,
      otherHandle: 0,
      attachments: m.attachment ? [{ originalROWID: 1, guid: `at_${m.guid}`, uti: 'public.data', mimeType: m.attachment.contentType, transferName: m.attachment.name, totalBytes: m.attachment.body.length }] : [],
      subject: null,
      error: m.error,
      dateCreated: m.dateCreated,
      dateRead: m.dateRead,
      dateDelivered: m.dateDelivered,
      isFromMe: o.fromMe ?? true,
      hasDdResults: false,
      isArchived: false,
      itemType: 0,
      groupTitle: null,
      groupActionType: 0,
      balloonBundleId: null,
      associatedMessageGuid: null,
      associatedMessageType: null,
      expressiveSendStyleId: null,
      threadOriginatorGuid: null,
      hasPayloadData: false,
      ...(o.chats === false ? {} : { chats: [{ originalROWID: 3, guid: m.chatGuid, style: 45, chatIdentifier: address, isArchived: false, displayName: '' }] }),
      messageSummaryInfo: null,
      payloadData: null,
      dateEdited: null,
      dateRetracted: null,
      partCount: 1,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url || 'http://127.0.0.1');
    const send = (status: number, message: string, extra: { data?: unknown; error?: string } = {}) => {
      if (res.destroyed) return;
      const body = { status, message, ...(extra.data === undefined ? {} : { data: extra.data }), ...(extra.error ? { error: { type: status === 401 ? 'Authentication Error' : status >= 500 ? 'Server Error' : 'Validation Error', message: extra.error } } : {}) };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const problem = (text: string) => void this.problems.push(`${req.method} ${url.pathname}: ${text}`);

    // BlueBubbles reads the password from the query (guid, password or token); Switchboard uses `password`.
    const token = url.searchParams.get('guid') ?? url.searchParams.get('password') ?? url.searchParams.get('token');
    if (!token) return send(401, 'You are not authorized to access this resource', { error: 'Missing server password!' });
    if (token !== this.password) return send(401, 'You are not authorized to access this resource', { error: 'Unauthorized' });
    if (!url.searchParams.has('password')) problem('the password is not in the `password` query parameter');
    if (req.headers.authorization) problem('an Authorization header was sent');

    const path = url.pathname;
    if (req.method === 'GET' && path === '/api/v1/ping') return send(200, 'Ping received!', { data: 'pong' });
    if (req.method === 'GET' && path === '/api/v1/server/info') {
      return send(200, 'Success', {
        data: {
          computer_id: 'fake-mac',
          os_version: '14.5.0',
          server_version: '1.9.9',
          private_api: this.privateApi,
          proxy_service: 'Cloudflare',
          helper_connected: this.privateApi,
          detected_icloud: 'someone@icloud.com',
          detected_imessage: 'someone@icloud.com',
          macos_time_sync: null,
          local_ipv4s: ['192.168.1.20'],
          local_ipv6s: [],
        },
      });
    }
    if (path === '/api/v1/webhook') return this.#webhooks(req, url, raw, send, problem);
    const removal = /^\/api\/v1\/webhook\/(\d+)$/.exec(path);
    if (req.method === 'DELETE' && removal) {
      const index = this.webhooks.findIndex((w) => w.id === Number(removal[1]));
      if (index < 0) return send(404, 'The requested resource was not found', { error: 'Webhook does not exist!' });
      this.webhooks.splice(index, 1);
      return send(200, 'Successfully deleted webhook!');
    }
    const download = /^\/api\/v1\/attachment\/([^/]+)\/download$/.exec(path);
    if (req.method === 'GET' && download) {
      const attachment = this.attachments.get(decodeURIComponent(download[1]!));
      if (!attachment) return send(404, 'The requested resource was not found', { error: 'Attachment does not exist!' });
      res.writeHead(200, { 'content-type': attachment.mimeType, 'content-length': attachment.body.length, 'content-disposition': `attachment; filename="${attachment.transferName}"` });
      return res.end(attachment.body);
    }
    if (req.method === 'POST' && (path === '/api/v1/message/text' || path === '/api/v1/message/attachment')) {
      const request = await this.#readSend(req, path, raw, problem);
      if (!request) return send(400, "You've made a bad request! Please check your request params & body", { error: 'the request could not be read' });
      return this.#send(request, req, res, send, problem);
    }
    problem('no such route');
    send(404, 'The requested resource was not found', { error: 'Not Found' });
  }

  #webhooks(req: IncomingMessage, url: URL, raw: Buffer, send: (status: number, message: string, extra?: { data?: unknown; error?: string }) => void, problem: (text: string) => void) {
    if (req.method === 'GET') {
      const wanted = url.searchParams.get('url');
      return send(200, 'Successfully fetched webhooks!', { data: this.webhooks.filter((w) => !wanted || w.url === wanted) });
    }
    if (req.method !== 'POST') return send(404, 'The requested resource was not found', { error: 'Not Found' });
    const body = parseJson(raw);
    if (req.headers['content-type'] !== 'application/json') problem(`content-type ${req.headers['content-type']}`);
    if (typeof body?.url !== 'string' || !body.url.startsWith('http')) return send(400, "You've made a bad request! Please check your request params & body", { error: 'Webhook URL must include an HTTP scheme!' });
    if (!Array.isArray(body.events) || !body.events.length) return send(400, "You've made a bad request! Please check your request params & body", { error: 'The events field is required.' });
    for (const event of body.events) if (!EVENTS.has(event)) return send(400, "You've made a bad request! Please check your request params & body", { error: `Invalid webhook event: ${event}!` });
    // As BlueBubbles does: one registration per URL; registering it again answers the existing one unchanged.
    const existing = this.webhooks.find((w) => w.url === body.url);
    if (existing) return send(200, 'Successfully created webhook!', { data: existing });
    const webhook = { id: this.#nextId++, url: body.url, events: body.events as string[], created: Date.now() };
    this.webhooks.push(webhook);
    return send(200, 'Successfully created webhook!', { data: webhook });
  }

  async #readSend(req: IncomingMessage, path: string, raw: Buffer, problem: (text: string) => void): Promise<SendRequest | null> {
    const type = req.headers['content-type'] ?? '';
    if (path.endsWith('/text')) {
      if (type !== 'application/json') problem(`content-type ${type}`);
      const fields = parseJson(raw);
      if (!fields || typeof fields !== 'object') return null;
      for (const key of Object.keys(fields)) if (!['chatGuid', 'tempGuid', 'message', 'method'].includes(key)) problem(`unexpected field ${key}`);
      if (typeof fields.message !== 'string' || !fields.message) problem(`message is not text: ${fields.message}`);
      return { path, fields, file: null };
    }
    if (!type.startsWith('multipart/form-data; boundary=')) problem(`content-type ${type}`);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    } catch {
      return null;
    }
    const fields: Record<string, unknown> = {};
    let file: SendRequest['file'] = null;
    for (const [key, value] of form) {
      if (typeof value === 'string') fields[key] = value;
      else if (key === 'attachment') file = { name: value.name, type: value.type, body: Buffer.from(await value.arrayBuffer()) };
      else problem(`unexpected file ${key}`);
    }
    for (const key of Object.keys(fields)) if (!['chatGuid', 'tempGuid', 'name', 'method'].includes(key)) problem(`unexpected field ${key}`);
    if (typeof fields.name !== 'string' || !fields.name) problem('name is missing');
    if (!file || !file.body.length) problem('the attachment file is missing or empty');
    return { path, fields, file };
  }

  async #send(request: SendRequest, req: IncomingMessage, res: ServerResponse, send: (status: number, message: string, extra?: { data?: unknown; error?: string }) => void, problem: (text: string) => void) {
    const f = request.fields;
    const tempGuid = typeof f.tempGuid === 'string' ? f.tempGuid : '';
    this.sendAttempts.push(tempGuid);
    if (typeof f.chatGuid !== 'string' || !CHAT.test(f.chatGuid)) problem(`chatGuid is not a direct chat: ${f.chatGuid}`);
    if (!['apple-script', 'private-api'].includes(String(f.method))) problem(`method ${f.method}`);
    // AppleScript sends need a tempGuid; it is the send cache's key while the Mac is sending.
    if (!tempGuid) return send(400, "You've made a bad request! Please check your request params & body", { error: "A 'tempGuid' is required when sending via AppleScript" });
    if (f.method === 'private-api' && !this.privateApi) return send(500, 'The server has encountered an error', { error: 'Private API is not enabled!' });
    if (this.#sendCache.has(tempGuid)) {
      return send(400, "You've made a bad request! Please check your request params & body", {
        error: request.file ? 'Attachment is already queued to be sent!' : `Message is already queued to be sent! (Temp GUID: ${tempGuid})`,
      });
    }
    const attempt = this.sendAttempts.length;
    for (const rule of this.#rules) {
      const reply = rule(request, attempt);
      if (!reply) continue;
      if ('drop' in reply) return req.socket.destroy();
      if ('lost' in reply) {
        this.#sendCache.set(tempGuid, request);
        return req.socket.destroy();
      }
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      return res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
    }
    const message = this.#accept(request);
    void this.#announce(message);
    send(200, request.file ? 'Attachment sent!' : 'Message sent!', { data: { ...this.#serialize(message), tempGuid } });
  }
}

function parseJson(raw: Buffer): any {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
