import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box.ts';

/**
 * Links to media Switchboard keeps for contacts' messages: `/media/{id}?expires=…&signature=…`,
 * usable without an API key until they expire (the retention period), unguessable without the
 * secret key. A CRM fetches them as it would a provider's public URL.
 */
export class MediaLinks {
  readonly #key: Buffer;
  readonly #publicUrl: () => string;
  readonly lifetimeMs: number;

  constructor(secrets: SecretBox, publicUrl: () => string, lifetimeMs: number) {
    this.#key = secrets.derive('media links');
    this.#publicUrl = publicUrl;
    this.lifetimeMs = lifetimeMs;
  }

  #signature(id: string, expires: number): string {
    return createHmac('sha256', this.#key).update(`${id}.${expires}`).digest('base64url');
  }

  url(id: string, createdAt: Date = new Date()): string {
    const expires = Math.floor((createdAt.getTime() + this.lifetimeMs) / 1000);
    return `${this.#publicUrl()}/media/${id}?expires=${expires}&signature=${this.#signature(id, expires)}`;
  }

  /** True when the link was made by this Switchboard and has not expired. */
  verify(id: string, expires: string | null, signature: string | null, now = Date.now()): boolean {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < now) return false;
    const expected = Buffer.from(this.#signature(id, Number(expires)));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const LINK = /\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\?expires=/i;

/** The media id a link made by MediaLinks names, or null for any other URL. */
export const mediaIdOfLink = (url: string): string | null => LINK.exec(url)?.[1]?.toLowerCase() ?? null;
