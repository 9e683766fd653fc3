import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A random credential `<kind>_<8-hex prefix>_<secret>`: the prefix is shown, only the hash is stored. */
export function newToken(kind: string): { token: string; prefix: string; hash: string } {
  const prefix = `${kind}_${randomBytes(4).toString('hex')}`;
  const token = `${prefix}_${randomBytes(24).toString('base64url')}`;
  return { token, prefix, hash: sha256(token) };
}
