import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { badInput } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { createGraphQLHandler } from '../graphql/yoga.ts';
import { standardErrors, type Answer, type Door } from './door.ts';
import { sendJson } from './respond.ts';


type ServerOptions = {
  rt: Runtime;
  routes: Door[];
  ready: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
  /** False when the process cannot recover by itself (GET /healthz answers 503). */
  live?: () => boolean;
};

/** The process's one HTTP server: GraphQL, the REST doors, health. Doors parse, authenticate and call services. */
export function createHttpServer({ rt, routes, ready, live = () => true }: ServerOptions): Server {
  const yoga = createGraphQLHandler(rt);
  const server = createServer(async (req, res) => {
    const requestId = headerValue(req, 'x-request-id')?.slice(0, 100) || randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
      rt.log[level]({ requestId, method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    const path = (req.url ?? '/').split('?')[0]!;
    let door: Door | null = null;
    try {
      if (path === '/graphql' || path.startsWith('/graphql/')) {
        await yoga.handle(req, res, { requestId });
        return;
      }
      if (req.method === 'GET' && path === '/healthz') return live() ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'failing' });
      if (req.method === 'GET' && path === '/readyz') {
        const r = await ready();
        return sendJson(res, r.ok ? 200 : 503, { status: r.ok ? 'ready' : 'unavailable', checks: r.checks });
      }
      const matching = routes.filter((r) => r.path.test(path));
      if (!matching.length) return sendJson(res, 404, { error: 'Not found' });
      door = matching.find((r) => r.method === req.method) ?? null;
      if (!door) {
        const allow = [...new Set(matching.map((r) => r.method))].join(', ');
        return sendJson(res, 405, { error: `Method not allowed: use ${allow}` }, { allow });
      }
      send(res, await door.handle({ rt, req, res, params: pathParams(door.path.exec(path)!), requestId }));
    } catch (error) {
      if (res.headersSent) return void res.end();
      const answer = (door?.errors ?? standardErrors)(error, { requestId });
      if (answer.status >= 500) rt.log.error({ err: error, requestId, path }, 'unexpected error in HTTP handler');
      send(res, answer);
    }
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

function send(res: ServerResponse, answer: Answer): void {
  if (answer.json !== undefined) return sendJson(res, answer.status, answer.json, answer.headers);
  const body = answer.bytes ?? Buffer.from(answer.text ?? '', 'utf8');
  res.writeHead(answer.status, { ...(answer.text ? { 'content-type': 'text/plain; charset=utf-8' } : {}), 'content-length': String(body.length), ...answer.headers });
  res.end(body);
}

/** The path's parameters, decoded; broken percent-encoding or a NUL (which PostgreSQL cannot store) is the caller's error. */
function pathParams(match: RegExpExecArray): Record<string, string> {
  return Object.fromEntries(Object.entries(match.groups ?? {}).map(([field, raw]) => {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw badInput(field, 'is not valid percent-encoding');
    }
    if (value.includes('\u0000')) throw badInput(field, 'must not contain NUL characters');
    return [field, value];
  }));
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
