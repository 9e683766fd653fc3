import http from 'node:http';
import https from 'node:https';
import got, { type Got } from 'got';
import { RESPONSE_CAPTURE_BYTES } from './delivery-policy.ts';
import { parseRetryAfter } from '../outbound/retry-after.ts';
import type { RenderedRequest } from './render.ts';
import { BlockedAddressError, literalHostProblem, safeLookup } from '../outbound/ssrf.ts';

export type SendResult = {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  retryAfterSeconds: number | null;
  /** NETWORK, DNS, TIMEOUT, TLS, BLOCKED, INVALID_URL; null when an HTTP answer arrived. */
  errorKind: string | null;
  error: string | null;
  /** The first 4 KiB of the response body. */
  responseBody: string | null;
};

type SenderOptions = { allowPrivate: boolean; connectTimeoutMs: number; totalTimeoutMs: number };

/**
 * Sends rendered requests with got: connect and whole-request timeouts, keep-alive, no redirects
 * followed (a 3xx is a failed attempt), no retries of its own, and the SSRF guard.
 */
export function createSender(o: SenderOptions) {
  const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: 60_000 };
  const client: Got = got.extend({
    agent: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
    ...(o.allowPrivate ? {} : { dnsLookup: safeLookup }),
    timeout: { lookup: o.connectTimeoutMs, connect: o.connectTimeoutMs, secureConnect: o.connectTimeoutMs, request: o.totalTimeoutMs },
    followRedirect: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    decompress: true,
  });

  return async function send(request: RenderedRequest): Promise<SendResult> {
    const startedAt = new Date();
    const started = performance.now();
    const done = (r: Omit<SendResult, 'startedAt' | 'durationMs'>): SendResult => ({ startedAt, durationMs: Math.round(performance.now() - started), ...r });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return done({ statusCode: null, retryAfterSeconds: null, errorKind: 'INVALID_URL', error: 'the URL cannot be parsed', responseBody: null });
    }
    const literal = o.allowPrivate ? null : literalHostProblem(url);
    if (literal) return done({ statusCode: null, retryAfterSeconds: null, errorKind: 'BLOCKED', error: literal, responseBody: null });

    return new Promise<SendResult>((resolve) => {
      let statusCode: number | null = null;
      let retryAfterSeconds: number | null = null;
      const chunks: Buffer[] = [];
      let captured = 0;
      let settled = false;
      const finish = (errorKind: string | null, error: string | null) => {
        if (settled) return;
        settled = true;
        // PostgreSQL text cannot hold U+0000, which a receiver may well send.
        const responseBody = statusCode === null ? null : Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '');
        resolve(done({ statusCode, retryAfterSeconds, errorKind, error, responseBody }));
      };
      const stream = client.stream(url, { method: request.method, headers: request.headers, body: request.body || undefined });
      stream.on('response', (response: http.IncomingMessage) => {
        statusCode = response.statusCode ?? null;
        retryAfterSeconds = parseRetryAfter(response.headers['retry-after'] as string | undefined);
      });
      stream.on('data', (chunk: Buffer) => {
        if (captured >= RESPONSE_CAPTURE_BYTES) return;
        const part = chunk.subarray(0, RESPONSE_CAPTURE_BYTES - captured);
        chunks.push(part);
        captured += part.length;
        if (captured >= RESPONSE_CAPTURE_BYTES) {
          stream.destroy();
          finish(null, null);
        }
      });
      stream.on('end', () => finish(null, null));
      stream.on('error', (error: Error & { code?: string; event?: string; cause?: unknown }) => {
        if (statusCode !== null && error.name !== 'TimeoutError') return finish(null, null);
        finish(...classify(error, o.totalTimeoutMs));
      });
    });
  };
}

function classify(error: Error & { code?: string; event?: string; cause?: unknown }, totalTimeoutMs: number): [string, string] {
  const cause = error.cause as { code?: string } | undefined;
  if (error instanceof BlockedAddressError || cause instanceof BlockedAddressError || error.code === 'EBLOCKED') {
    const blocked = error instanceof BlockedAddressError ? error : (cause as BlockedAddressError | undefined);
    return ['BLOCKED', blocked?.message ?? error.message];
  }
  const code = error.code ?? cause?.code ?? '';
  if (error.name === 'TimeoutError' || code === 'ETIMEDOUT') return ['TIMEOUT', `no answer within the ${error.event ?? 'request'} timeout (${error.event === 'request' ? `${totalTimeoutMs} ms` : 'connect'})`];
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ['DNS', `the host name did not resolve (${code})`];
  if (code === 'ECONNREFUSED') return ['NETWORK', 'connection refused'];
  if (code === 'ECONNRESET' || code === 'EPIPE') return ['NETWORK', 'connection reset'];
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return ['NETWORK', 'host unreachable'];
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('SSL')) return ['TLS', `TLS failed (${code})`];
  return ['NETWORK', code ? `request failed (${code})` : 'request failed'];
}
