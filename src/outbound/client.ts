import http from 'node:http';
import https from 'node:https';
import got, { Options, type Got, type Method, type Request } from 'got';
import { BlockedAddressError, literalHostProblem, safeLookup } from './ssrf.ts';

export type OutboundClientOptions = {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Sockets per host: webhook targets take many requests at once, a provider few. */
  maxSockets: number;
  maxFreeSockets: number;
};

/** Outbound HTTP with one set of rules: connect and whole-request timeouts, keep-alive, no redirects, no retries of got's own, the SSRF check at connect. */
export type OutboundClient = {
  /** A got stream from options normalised once per client: per request only url, method, headers and body are set (got's fastest documented path). Throws on a header name HTTP forbids. */
  stream(url: URL, method: Method, headers: Record<string, string>, body?: string): Request;
  /** got itself with the same options, for calls that need its promise API, form or multipart bodies, or redirects. */
  got: Got;
  /** For a URL whose host is an IP literal (DNS is never asked): why it is refused, or null. */
  literalProblem(url: URL): string | null;
};

export function createOutboundClient(o: OutboundClientOptions): OutboundClient {
  const agentOptions = { keepAlive: true, maxSockets: o.maxSockets, maxFreeSockets: o.maxFreeSockets, timeout: 60_000 };
  const shared = {
    agent: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
    ...(o.allowPrivate ? {} : { dnsLookup: safeLookup }),
    timeout: { lookup: o.connectTimeoutMs, connect: o.connectTimeoutMs, secureConnect: o.connectTimeoutMs, request: o.totalTimeoutMs },
    followRedirect: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    headers: { 'user-agent': 'Switchboard/1.0' },
  };
  // Normalising options is much of got's cost per request, so it is done once here. got copies
  // its defaults when a request is made (synchronously), so one Options can carry each request's
  // url, method, headers and body into that copy: one copy per request and no merging.
  const prepared = new Options(undefined, shared);
  prepared.isStream = true;
  return {
    stream(url, method, headers, body) {
      prepared.url = url;
      prepared.method = method;
      prepared.headers = headers;
      prepared.body = body;
      return got(undefined, undefined, prepared) as unknown as Request;
    },
    got: got.extend(shared),
    literalProblem: (url) => (o.allowPrivate ? null : literalHostProblem(url)),
  };
}

export type Failure =
  | { kind: 'BLOCKED'; message: string }
  | { kind: 'TIMEOUT'; event: string }
  | { kind: 'DNS' | 'REFUSED' | 'RESET' | 'UNREACHABLE' | 'TLS' | 'NETWORK'; code: string };

/** What went wrong with a request that got no answer, whichever layer (got, the socket, the SSRF lookup) reported it. */
export function failureOf(error: unknown): Failure {
  const e = error as Error & { code?: string; event?: string; cause?: unknown };
  const cause = e.cause as { code?: string } | undefined;
  if (e instanceof BlockedAddressError) return { kind: 'BLOCKED', message: e.message };
  if (cause instanceof BlockedAddressError) return { kind: 'BLOCKED', message: cause.message };
  if (e.code === 'EBLOCKED') return { kind: 'BLOCKED', message: e.message };
  const code = e.code ?? cause?.code ?? '';
  if (e.name === 'TimeoutError' || code === 'ETIMEDOUT') return { kind: 'TIMEOUT', event: e.event ?? 'request' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'DNS', code };
  if (code === 'ECONNREFUSED') return { kind: 'REFUSED', code };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { kind: 'RESET', code };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { kind: 'UNREACHABLE', code };
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('SSL')) return { kind: 'TLS', code };
  return { kind: 'NETWORK', code };
}
