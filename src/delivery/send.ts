import type http from 'node:http';
import type { Request } from 'got';
import { RESPONSE_CAPTURE_BYTES } from './delivery-policy.ts';
import { parseRetryAfter } from '../outbound/retry-after.ts';
import type { RenderedRequest } from './render.ts';
import { createOutboundClient, failureOf, type Failure } from '../outbound/client.ts';

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
 * Sends rendered requests through the outbound client: its timeouts, keep-alive, no redirects
 * followed (a 3xx is a failed attempt), no retries of its own and the SSRF check at connect.
 */
export function createSender(o: SenderOptions) {
  const client = createOutboundClient({ ...o, maxSockets: 256, maxFreeSockets: 64 });

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
    const literal = client.literalProblem(url);
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
      let stream: Request;
      try {
        stream = client.stream(url, request.method, request.headers, request.body || undefined);
      } catch (error) {
        return finish(...describe(failureOf(error), o.totalTimeoutMs));
      }
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
      stream.on('error', (error: Error & { name: string }) => {
        if (statusCode !== null && error.name !== 'TimeoutError') return finish(null, null);
        finish(...describe(failureOf(error), o.totalTimeoutMs));
      });
    });
  };
}

/** The attempt's error kind and the words shown for it. */
function describe(failure: Failure, totalTimeoutMs: number): [string, string] {
  switch (failure.kind) {
    case 'BLOCKED':
      return ['BLOCKED', failure.message];
    case 'TIMEOUT':
      return ['TIMEOUT', `no answer within the ${failure.event} timeout (${failure.event === 'request' ? `${totalTimeoutMs} ms` : 'connect'})`];
    case 'DNS':
      return ['DNS', `the host name did not resolve (${failure.code})`];
    case 'REFUSED':
      return ['NETWORK', 'connection refused'];
    case 'RESET':
      return ['NETWORK', 'connection reset'];
    case 'UNREACHABLE':
      return ['NETWORK', 'host unreachable'];
    case 'TLS':
      return ['TLS', `TLS failed (${failure.code})`];
    case 'NETWORK':
      return ['NETWORK', failure.code ? `request failed (${failure.code})` : 'request failed'];
  }
}
