import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  json: any;
  at: number;
};

/** `until`: the answer waits until it settles (a receiver that holds its answers). */
type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number; until?: Promise<unknown> };
type Responder = (req: ReceivedRequest, countOnPath: number) => Reply | undefined;

/**
 * A local HTTP server that records every request and answers as a test programs it: by default
 * 200 `ok`; `respond` can fail the first N calls on a path, add Retry-After, answer slowly, …
 */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  #server: Server;
  #responders: Responder[] = [];
  #waiters: (() => void)[] = [];
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.keepAliveTimeout = 5_000;
  }

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    await new Promise<void>((resolve) => r.#server.listen(0, '127.0.0.1', resolve));
    r.url = `http://127.0.0.1:${(r.#server.address() as AddressInfo).port}`;
    return r;
  }

  /** Answers requests the responder returns a reply for; later responders win. */
  respond(responder: Responder): void {
    this.#responders.unshift(responder);
  }

  /** The first `n` requests to `path` get `reply`, later ones 200. */
  failFirst(path: string, n: number, reply: Reply = { status: 500 }): void {
    this.respond((req, count) => (req.path === path && count <= n ? reply : undefined));
  }

  on(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Waits until `predicate` holds for the recorded requests. */
  async waitFor(predicate: (requests: ReceivedRequest[]) => boolean, timeoutMs = 20_000, what = 'requests'): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${this.requests.length}: ${this.requests.map((r) => `${r.method} ${r.url}`).slice(-10).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.requests;
  }

  async waitForCount(path: string, n: number, timeoutMs?: number) {
    await this.waitFor((rs) => rs.filter((r) => r.path === path).length >= n, timeoutMs, `${n} requests on ${path}`);
    return this.on(path);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://receiver');
    let json: unknown = undefined;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const recorded: ReceivedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      body,
      json,
      at: Date.now(),
    };
    const count = this.requests.filter((r) => r.path === recorded.path).length + 1;
    let reply: Reply = { status: 200, body: 'ok' };
    for (const responder of this.#responders) {
      const r = responder(recorded, count);
      if (r) {
        reply = r;
        break;
      }
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.until) await reply.until;
    this.requests.push(recorded);
    for (const wake of this.#waiters.splice(0)) wake();
    if (res.destroyed) return;
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body ?? '');
  }
}
