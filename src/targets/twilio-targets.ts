import type { PgBoss } from 'pg-boss';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Sql } from '../db/sql.ts';
import { newId } from '../ids.ts';
import type { SigningSecret } from './signing-secrets.ts';
import { enableTarget } from './target-state.ts';

/** The API key a Twilio-style target is signed with: Twilio signs with the auth token the app authenticates with. */
export type SigningKey = { workspaceId: number; keyId: string; secret: string };

/**
 * The TWILIO target that posts to `url` signed with this key's secret, kept encrypted as the
 * target's signing secret (Switchboard keeps only hashes of keys, so the secret is taken from the
 * request that names the URL). One per key and URL; a disabled one is enabled again (its parked
 * deliveries resume), since naming the URL again says it is live. Run it in a transaction.
 */
export async function twilioTarget(sql: Sql, boss: PgBoss, secrets: SecretBox, key: SigningKey, url: string): Promise<string> {
  const find = () => sql.query<{ id: string; enabled: boolean }>('SELECT id, enabled FROM targets WHERE signing_key_id = $1 AND url = $2', [key.keyId, url]);
  let [row] = (await find()).rows;
  if (!row) {
    const signingSecrets: SigningSecret[] = [{ secret: key.secret, expiresAt: null }];
    const { rows } = await sql.query<{ id: string; enabled: boolean }>(
      `INSERT INTO targets (id, workspace_id, kind, url, method, signing_secrets, signing_key_id, updated_at)
       VALUES ($1, $2, 'TWILIO', $3, 'POST', $4, $5, now())
       ON CONFLICT (signing_key_id, url) DO NOTHING RETURNING id, enabled`,
      [newId(), key.workspaceId, url, secrets.encryptJson(signingSecrets), key.keyId],
    );
    row = rows[0] ?? (await find()).rows[0]!;
  }
  if (!row.enabled) await enableTarget(sql, boss, row.id);
  return row.id;
}
