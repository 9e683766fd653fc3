import { randomBytes } from 'node:crypto';

/** A Standard Webhooks secret and, once rotated out, when it stops signing. */
export type SigningSecret = { secret: string; expiresAt: string | null };

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The secrets that sign now: the current one and any still in their grace period. */
export function activeSecrets(secrets: SigningSecret[], now = Date.now()): string[] {
  return secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now).map((s) => s.secret);
}

/** A new current secret; the old ones keep signing for `graceSeconds`. Expired ones are dropped. */
export function rotate(secrets: SigningSecret[], graceSeconds: number, now = Date.now()): SigningSecret[] {
  const until = new Date(now + graceSeconds * 1000).toISOString();
  const kept = secrets
    .filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now)
    .map((s) => ({ secret: s.secret, expiresAt: s.expiresAt === null || Date.parse(s.expiresAt) > Date.parse(until) ? until : s.expiresAt }))
    .slice(0, 9);
  return graceSeconds > 0 ? [{ secret: newSigningSecret(), expiresAt: null }, ...kept] : [{ secret: newSigningSecret(), expiresAt: null }];
}

export function currentSecret(secrets: SigningSecret[]): string {
  return secrets.find((s) => s.expiresAt === null)?.secret ?? secrets[0]!.secret;
}
