import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

// Turning a secret into a key is a good part of signing's cost: each secret is turned once.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 10_000) keys.clear();
    keys.set(secret, (key = createSecretKey(Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64'))));
  }
  return key;
}

/**
 * Standard Webhooks signature: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per active
 * secret, space separated, so receivers verify during a rotation's grace period.
 */
export function signatureHeader(id: string, timestampSeconds: number, body: string, secrets: string[]): string {
  const content = `${id}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(content).digest('base64')}`)
    .join(' ');
}
