import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, badInput } from '../errors.ts';
import { jsonTextProblem } from '../validation/json-text.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Reads a JSON body; malformed or oversized bodies are the caller's error, answered 400 or 413.
 * Its structure is read first: nesting past the limit, or a key given twice (JSON.parse would keep
 * the last one silently), is refused naming the field.
 */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8');
  const shape = jsonTextProblem(text);
  if (shape) throw badInput(shape.field, shape.message);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badInput('body', 'is not valid JSON');
  }
}

/** Reads a body as bytes (a signature is over them exactly); an oversized body is the caller's error. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('BAD_USER_INPUT', `body: must be at most ${limit} bytes`, { details: [{ field: 'body', message: `must be at most ${limit} bytes` }] });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** HTTP status for each error code, used by the REST doors. */
export const STATUS_OF: Record<AppError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNPROCESSABLE: 422,
};
