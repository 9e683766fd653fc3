import type { ServerResponse } from 'node:http';
import type { Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';

/** Counts one request against the key's limit, sets RateLimit headers, and throws RATE_LIMITED (429 + Retry-After) when over. */
export async function limitRequest(rt: Runtime, res: ServerResponse, key: string, perMinute: number | null): Promise<void> {
  const limit = perMinute ?? rt.config.rateLimitPerMinute;
  const d = await rt.limiter.take(key, limit);
  res.setHeader('ratelimit-limit', String(d.limit));
  res.setHeader('ratelimit-remaining', String(d.remaining));
  res.setHeader('ratelimit-reset', String(d.resetSeconds));
  if (!d.allowed) {
    throw new AppError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded; retry in ${d.resetSeconds} s`, { retryAfterSeconds: d.resetSeconds });
  }
}

export const limitViewer = (rt: Runtime, res: ServerResponse, viewer: Viewer) => limitRequest(rt, res, viewer.keyId, viewer.rateLimitPerMinute);
