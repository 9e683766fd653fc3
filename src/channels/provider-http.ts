import type { Method } from 'got';
import { createOutboundClient, failureOf, type OutboundClient } from '../outbound/client.ts';
import { BlockedAddressError } from '../outbound/ssrf.ts';
import { parseRetryAfter } from '../outbound/retry-after.ts';
import { DriverError, NotNowError } from './driver-errors.ts';

export type ProviderResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string; json<T = any>(): T | null };

export type ProviderCall = {
  method?: Method;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent form-encoded; an array value repeats the key (Twilio's MediaUrl). */
  form?: Record<string, string | string[] | undefined>;
  /** Sent as multipart/form-data (files as Blobs): uploads such as BlueBubbles' attachments. */
  multipart?: FormData;
  /** Basic auth. */
  basic?: { username: string; password: string };
  bearer?: string;
};

/** Outbound HTTP to providers: timeouts, no redirects, no retries of its own, the SSRF rules of webhooks. */
export type ProviderHttp = {
  /** Answers whatever status the provider answered; a network failure or timeout is a NotNowError, a refused address a DriverError. */
  request(url: string, call?: ProviderCall): Promise<ProviderResponse>;
  /** Downloads a body up to `maxBytes`, following redirects (each hop checked): media behind a provider's credentials. */
  download(url: string, call: ProviderCall & { maxBytes: number }): Promise<{ status: number; contentType: string | null; body: Buffer }>;
};

type Options = { allowPrivate: boolean; connectTimeoutMs: number; totalTimeoutMs: number };

/** Provider requests time out sooner than webhook deliveries: a send is retried anyway. */
export const PROVIDER_TIMEOUTS = { connectMs: 5_000, totalMs: 15_000 } as const;

export function createProviderHttp(o: Options): ProviderHttp {
  const outbound = createOutboundClient({ ...o, maxSockets: 64, maxFreeSockets: 16 });
  const client = outbound.got;

  const optionsOf = (url: string, call: ProviderCall) => {
    const literal = outbound.literalProblem(new URL(url));
    if (literal) throw new DriverError('switchboard:blocked-address', `${literal}; set SWITCHBOARD_ALLOW_PRIVATE_TARGETS=true to allow it`);
    const headers: Record<string, string> = { ...call.headers };
    if (call.basic) headers.authorization = `Basic ${Buffer.from(`${call.basic.username}:${call.basic.password}`).toString('base64')}`;
    if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
    let body: string | FormData | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.form) {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(call.form)) for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) form.append(k, item);
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (call.multipart) {
      // got writes the boundary into content-type itself.
      body = call.multipart;
    }
    return { method: call.method ?? (body === undefined ? 'GET' : 'POST'), headers, body };
  };

  return {
    async request(url, call = {}) {
      const options = optionsOf(url, call);
      try {
        const response = await client(url, { ...options, responseType: 'text' });
        const text = response.body;
        return {
          status: response.statusCode,
          headers: response.headers,
          body: text,
          json: () => {
            try {
              return JSON.parse(text);
            } catch {
              return null;
            }
          },
        };
      } catch (error) {
        throw networkFailure(error, o.totalTimeoutMs);
      }
    },
    async download(url, call) {
      const options = optionsOf(url, call);
      // Streamed, so a file over the limit is cut off at the limit instead of being read whole first.
      const stream = client.stream(url, { ...options, followRedirect: true, maxRedirects: 5, hooks: { beforeRedirect: [(next) => checkRedirect(next.url as URL, outbound)] } });
      try {
        let status = 0;
        let contentType: string | null = null;
        stream.once('response', (response: { statusCode: number; headers: Record<string, unknown> }) => {
          status = response.statusCode;
          contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : null;
        });
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of stream) {
          size += (chunk as Buffer).length;
          if (size > call.maxBytes) throw new DriverError('switchboard:media-too-large', `the media is larger than ${call.maxBytes} bytes`);
          chunks.push(chunk as Buffer);
        }
        return { status, contentType, body: Buffer.concat(chunks) };
      } catch (error) {
        if (error instanceof DriverError) throw error;
        throw networkFailure(error, o.totalTimeoutMs);
      } finally {
        stream.destroy();
      }
    },
  };
}

function checkRedirect(url: URL, outbound: OutboundClient) {
  const problem = outbound.literalProblem(url);
  if (problem) throw new BlockedAddressError(url.hostname);
}

/** A request that got no answer: refused addresses are for good, everything else is "not now". */
function networkFailure(error: unknown, totalTimeoutMs: number): Error {
  const failure = failureOf(error);
  switch (failure.kind) {
    case 'BLOCKED':
      return new DriverError('switchboard:blocked-address', 'the provider address is private or reserved; set SWITCHBOARD_ALLOW_PRIVATE_TARGETS=true to allow it');
    case 'TIMEOUT':
      return new NotNowError('switchboard:timeout', `the provider did not answer within ${totalTimeoutMs} ms`);
    case 'REFUSED':
      return new NotNowError('switchboard:connection-refused', 'the provider refused the connection');
    case 'DNS':
      return new NotNowError('switchboard:dns', `the provider's host name did not resolve (${failure.code})`);
    default:
      return new NotNowError('switchboard:network', failure.code ? `the request to the provider failed (${failure.code})` : 'the request to the provider failed');
  }
}

/** Retry-After of a provider's answer, in milliseconds. */
export function retryAfterMs(response: ProviderResponse): number | undefined {
  const value = response.headers['retry-after'];
  const seconds = parseRetryAfter(typeof value === 'string' ? value : undefined);
  return seconds === null ? undefined : seconds * 1000;
}

/** The usual HTTP reading: 429 and 5xx are "not now" (with Retry-After); 401/403 "not now" with the device's credentials to blame. */
export function notNowFor(response: ProviderResponse, code: string, message: string): NotNowError | null {
  if (response.status === 429 || response.status >= 500) return new NotNowError(code, message, { retryAfterMs: retryAfterMs(response) });
  if (response.status === 401 || response.status === 403) return new NotNowError(code, message, { credentials: true });
  return null;
}
