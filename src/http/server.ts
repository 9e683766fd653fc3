import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppError, badInput } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { createGraphQLHandler } from '../graphql/yoga.ts';
import { sendJson, STATUS_OF } from './respond.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: string[], requestId: string) => Promise<void>;
/** A REST route; its path names each parameter as a named group, so an error can name it. */
export type Route = { method: string; path: RegExp; handler: RouteHandler };

type ServerOptions = {
  rt: Runtime;
  routes: Route[];
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
      if (matching.length) {
        const route = matching.find((r) => r.method === req.method);
        if (!route) {
          const allow = [...new Set(matching.map((r) => r.method))].join(', ');
          return sendJson(res, 405, { error: `Method not allowed: use ${allow}` }, { allow });
        }
        await route.handler(req, res, pathParams(route.path.exec(path)!), requestId);
        return;
      }
      sendJson(res, 404, { error: 'Not found' });
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof AppError) {
        const headers: Record<string, string> = error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {};
        return sendJson(res, STATUS_OF[error.code], { error: error.message, code: error.code, details: error.details }, headers);
      }
      rt.log.error({ err: error, requestId, path }, 'unexpected error in HTTP handler');
      sendJson(res, 500, { error: 'Internal error', requestId });
    }
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** The path's parameters, decoded; broken percent-encoding or a NUL (which PostgreSQL cannot store) is the caller's error. */
function pathParams(match: RegExpExecArray): string[] {
  return Object.entries(match.groups ?? {}).map(([field, raw]) => {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw badInput(field, 'is not valid percent-encoding');
    }
    if (value.includes('\u0000')) throw badInput(field, 'must not contain NUL characters');
    return value;
  });
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
