import type { PgBoss } from 'pg-boss';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Sql } from '../db/sql.ts';
import { newId } from '../ids.ts';
import type { SigningSecret } from '../targets/signing-secrets.ts';
import type { TargetAuth } from '../targets/target-config.ts';
import { enableTarget } from './target-state.ts';
import { urlCredentials, withoutCredentials } from '../targets/url-credentials.ts';

/** The API key a Twilio-style target is signed with: Twilio signs with the auth token the app authenticates with. */
export type SigningKey = { workspaceId: number; keyId: string; secret: string };

type Row = { id: string; enabled: boolean; auth: string | null };

/**
 * The TWILIO target that posts to `url` signed with this key's secret, kept encrypted as the
 * target's signing secret (Switchboard keeps only hashes of keys, so the secret is taken from the
 * request that names the URL). One per key and URL; credentials in the URL become its Basic auth,
 * encrypted like every target's, the latest given winning. A disabled one is enabled again (its
 * parked deliveries resume), since naming the URL again says it is live. Run it in a transaction.
 */
export async function twilioTarget(sql: Sql, boss: PgBoss, secrets: SecretBox, key: SigningKey, url: string): Promise<string> {
  const bare = withoutCredentials(url);
  const credentials = urlCredentials(url);
  const auth: TargetAuth = credentials ? { type: 'BASIC', ...credentials } : { type: 'NONE' };
  const find = () => sql.query<Row>('SELECT id, enabled, auth FROM targets WHERE signing_key_id = $1 AND url = $2', [key.keyId, bare]);
  let [row] = (await find()).rows;
  if (!row) {
    const signingSecrets: SigningSecret[] = [{ secret: key.secret, expiresAt: null }];
    const { rows } = await sql.query<Row>(
      `INSERT INTO targets (id, workspace_id, kind, url, method, auth_type, auth, signing_secrets, signing_key_id, updated_at)
       VALUES ($1, $2, 'TWILIO', $3, 'POST', $4::"TargetAuthType", $5, $6, $7, now())
       ON CONFLICT (signing_key_id, url) DO NOTHING RETURNING id, enabled, auth`,
      [newId(), key.workspaceId, bare, auth.type, sealed(secrets, auth), secrets.encryptJson(signingSecrets), key.keyId],
    );
    row = rows[0] ?? (await find()).rows[0]!;
  }
  const current = row.auth ? secrets.decryptJson<TargetAuth>(row.auth) : { type: 'NONE' };
  if (JSON.stringify(current) !== JSON.stringify(auth)) {
    await sql.query(`UPDATE targets SET auth_type = $2::"TargetAuthType", auth = $3, updated_at = now() WHERE id = $1`, [row.id, auth.type, sealed(secrets, auth)]);
  }
  if (!row.enabled) await enableTarget(sql, boss, row.id);
  return row.id;
}

const sealed = (secrets: SecretBox, auth: TargetAuth) => (auth.type === 'NONE' ? null : secrets.encryptJson(auth));
