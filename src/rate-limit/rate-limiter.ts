import type pg from 'pg';
import { AppError } from '../errors.ts';

export const WINDOW_MS = 60_000;

export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

type Local = { window: number; granted: number; used: number; exhausted: boolean };

/**
 * Fixed one-minute windows per key, counted in PostgreSQL so every Switchboard process shares
 * the limit. To keep the database out of the hot path, a process reserves tokens in blocks
 * (a fiftieth of the limit) and spends them locally: the sum never exceeds the limit; a block
 * reserved by a process that goes quiet is lost for the rest of that minute.
 */
export class RateLimiter {
  readonly #pool: pg.Pool;
  readonly #local = new Map<string, Local>();
  readonly #reserving = new Map<string, Promise<void>>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async take(key: string, limit: number, now = Date.now()): Promise<RateDecision> {
    const window = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const resetSeconds = Math.max(1, Math.ceil((window + WINDOW_MS - now) / 1000));
    let local = this.#local.get(key);
    if (!local || local.window !== window) {
      local = { window, granted: 0, used: 0, exhausted: false };
      this.#local.set(key, local);
      if (this.#local.size > 50_000) this.#prune(window);
    }
    while (local.used >= local.granted && !local.exhausted) await this.#reserve(key, local, limit);
    if (local.used >= local.granted) return { allowed: false, limit, remaining: 0, resetSeconds };
    local.used++;
    return { allowed: true, limit, remaining: Math.max(0, limit - local.used), resetSeconds };
  }

  /** Throws RATE_LIMITED when the key is over its limit. */
  async enforce(key: string, limit: number): Promise<RateDecision> {
    const d = await this.take(key, limit);
    if (!d.allowed) throw new AppError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded; retry in ${d.resetSeconds} s`, { retryAfterSeconds: d.resetSeconds });
    return d;
  }

  #reserve(key: string, local: Local, limit: number): Promise<void> {
    const pending = this.#reserving.get(key);
    if (pending) return pending;
    const block = Math.max(1, Math.ceil(limit / 50));
    const p = this.#pool
      .query<{ granted: number }>(RESERVE, [key, new Date(local.window), block, limit])
      .then(({ rows }) => {
        const granted = rows[0]?.granted ?? 0;
        local.granted += granted;
        if (granted === 0) local.exhausted = true;
      })
      .finally(() => this.#reserving.delete(key));
    this.#reserving.set(key, p);
    return p;
  }

  #prune(window: number) {
    for (const [k, v] of this.#local) if (v.window !== window) this.#local.delete(k);
  }
}

/**
 * Reserves a block: `used` counts every token handed out or asked for, so the tokens of this block
 * that fall under the limit are `limit - (used - block)`, between 0 and block.
 */
const RESERVE = `
INSERT INTO rate_limit_windows AS w (key, window_start, used) VALUES ($1, $2, $3)
ON CONFLICT (key, window_start) DO UPDATE SET used = w.used + $3
RETURNING LEAST($3::int, GREATEST($4::int - (w.used - $3::int), 0)) AS granted`;
