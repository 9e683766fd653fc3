import type { IncomingMessage, ServerResponse } from 'node:http';
import { callerOf } from '../auth/authenticate.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { readBody, readJson, STATUS_OF } from './respond.ts';

/**
 * The edge every REST door shares: who is calling, the rate limit, the body, and the error answer
 * in the door's own shape. A door is then a route and a handler that returns its answer.
 */

export type DoorCall = {
  rt: Runtime;
  req: IncomingMessage;
  res: ServerResponse;
  /** The path's named parameters, percent-decoded and checked (no NUL). */
  params: Record<string, string>;
  requestId: string;
};

/** What a door answers: JSON, text or bytes. */
export type Answer = { status: number; json?: unknown; text?: string; bytes?: Buffer; headers?: Record<string, string> };

/** How a door shows an error: an AppError (or the door's own kind) in its API's shape; anything else is answered 500 without detail (and logged). */
export type ErrorAnswer = (error: unknown, call: Pick<DoorCall, 'requestId'>) => Answer;

export type Door = {
  method: string;
  /** Named groups are the parameters, so an error about one can name it. */
  path: RegExp;
  handle: (call: DoorCall) => Promise<Answer>;
  /** Default: `{ error, code, details }` with the status of the error's code. */
  errors?: ErrorAnswer;
};

export const retryAfter = (error: AppError): Record<string, string> =>
  error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {};

/** Switchboard's own error shape, for doors that do not speak another product's. */
export const standardErrors: ErrorAnswer = (error, { requestId }) =>
  error instanceof AppError
    ? { status: STATUS_OF[error.code], json: { error: error.message, code: error.code, details: error.details }, headers: retryAfter(error) }
    : { status: 500, json: { error: 'Internal error', requestId } };

/** 422: well formed, but against a rule of what it acts on (the live-chat door's answer, seed 002). */
export const unprocessable = (field: string, message: string) => new AppError('UNPROCESSABLE', `${field}: ${message}`, { details: [{ field, message }] });

/** Who sent a request: its API key and what the key resolves to (auth/authenticate.ts, shared with GraphQL). */
export const apiCaller = (rt: Runtime, get: (name: string) => string | null | undefined) => callerOf(rt.keys, get);

export const headerOf = (req: IncomingMessage) => (name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Counts one request against a bucket's limit per minute, sets the RateLimit headers, and throws RATE_LIMITED (429 + Retry-After) when over. */
export async function rateLimit(call: Pick<DoorCall, 'rt' | 'res'>, bucket: string, perMinute: number | null): Promise<void> {
  const limit = perMinute ?? call.rt.config.rateLimitPerMinute;
  const d = await call.rt.limiter.take(bucket, limit);
  call.res.setHeader('ratelimit-limit', String(d.limit));
  call.res.setHeader('ratelimit-remaining', String(d.remaining));
  call.res.setHeader('ratelimit-reset', String(d.resetSeconds));
  if (!d.allowed) {
    throw new AppError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded; retry in ${d.resetSeconds} s`, { retryAfterSeconds: d.resetSeconds });
  }
}

/** A JSON body: malformed, oversized, too deep or with a repeated key is the caller's mistake, naming the field. */
export const jsonBody = (call: Pick<DoorCall, 'req'>) => readJson(call.req);

/** A form-encoded body (and the query string), as Twilio-style APIs take parameters: a repeated name is a list. */
export async function formBody(call: Pick<DoorCall, 'req'>): Promise<Record<string, string | string[]>> {
  const params: Record<string, string | string[]> = {};
  const add = (text: string) => {
    for (const [k, v] of new URLSearchParams(text)) {
      const had = params[k];
      params[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
  };
  add((call.req.url ?? '').split('?')[1] ?? '');
  if (call.req.method === 'POST') add((await readBody(call.req)).toString('utf8'));
  return params;
}

export const details = (error: AppError): FieldProblem[] => (error.details.length ? error.details : [{ field: 'payload', message: error.message }]);
