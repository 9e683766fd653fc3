import type pg from 'pg';
import { sha256 } from '../crypto/tokens.ts';
import type { Viewer } from './viewer.ts';

type CachedKey = { viewer: Viewer | null; expiresAt: number };

const CACHE_TTL_MS = 5_000;
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves API keys to viewers. Lookups are cached for a few seconds, so a hot path does not hit
 * the database per request; revoking in this process takes effect at once, in others within the TTL.
 */
export class KeyCache {
  readonly #pool: pg.Pool;
  readonly #entries = new Map<string, CachedKey>();
  readonly #lastUsedWritten = new Map<string, number>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async resolve(rawKey: string): Promise<Viewer | null> {
    const hash = sha256(rawKey);
    const now = Date.now();
    const cached = this.#entries.get(hash);
    const viewer = cached && cached.expiresAt > now ? cached.viewer : await this.#load(hash, now);
    if (viewer) this.#touch(viewer.keyId, now);
    return viewer;
  }

  forget(keyId: string): void {
    for (const [hash, entry] of this.#entries) if (entry.viewer?.keyId === keyId) this.#entries.delete(hash);
  }

  async #load(hash: string, now: number): Promise<Viewer | null> {
    const { rows } = await this.#pool.query<{ id: string; workspace_id: number | null; rate_limit_per_minute: number | null; sid: string; account_sid: string | null }>(
      `SELECT k.id, k.workspace_id, k.rate_limit_per_minute, k.sid, w.account_sid
         FROM api_keys k LEFT JOIN workspaces w ON w.id = k.workspace_id
        WHERE k.hash = $1 AND k.revoked_at IS NULL`,
      [hash],
    );
    const row = rows[0];
    const viewer: Viewer | null = !row
      ? null
      : row.workspace_id === null
        ? { kind: 'admin', keyId: row.id, rateLimitPerMinute: row.rate_limit_per_minute }
        : {
            kind: 'workspace',
            workspaceId: row.workspace_id,
            keyId: row.id,
            rateLimitPerMinute: row.rate_limit_per_minute,
            keySid: row.sid,
            accountSid: row.account_sid!,
          };
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(hash, { viewer, expiresAt: now + CACHE_TTL_MS });
    return viewer;
  }

  /** lastUsedAt is kept to the minute: one write per key per minute, not one per request. */
  #touch(keyId: string, now: number): void {
    const last = this.#lastUsedWritten.get(keyId) ?? 0;
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    this.#lastUsedWritten.set(keyId, now);
    this.#pool.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]).catch(() => undefined);
  }
}

/** The key from `authorization: <key>`, `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function keyFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const apiKey = get('x-api-key')?.trim();
  if (apiKey) return apiKey;
  const authorization = get('authorization')?.trim();
  if (!authorization) return null;
  const bearer = /^bearer\s+(.+)$/i.exec(authorization);
  return (bearer ? bearer[1]! : authorization).trim() || null;
}

/** Who sent a request: the API key in `authorization`, `Authorization: Bearer` or `x-api-key`, and what it resolves to (null: unknown or revoked). */
export async function callerOf(keys: KeyCache, get: (name: string) => string | null | undefined): Promise<{ key: string | null; viewer: Viewer | null }> {
  const key = keyFromHeaders(get);
  return { key, viewer: key ? await keys.resolve(key) : null };
}
