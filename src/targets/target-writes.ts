import type { SecretBox } from '../crypto/secret-box.ts';
import { Prisma, type Target, type TargetKind } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';
import { newSigningSecret, type SigningSecret } from './signing-secrets.ts';
import type { TargetInput } from './target-config.ts';
import { moveUrlCredentials } from './url-credentials.ts';

// Writes go through Prisma, which only the API loads (targets.ts is read by the workers too).

/**
 * Column values for the parts of a target input that were given (undefined keeps the current
 * value). Credentials in the URL are moved into the encrypted auth.
 */
export function targetColumns(secrets: SecretBox, input: Partial<TargetInput>) {
  const { url, auth } = input.url ? moveUrlCredentials(input.url, input.auth) : { url: undefined, auth: input.auth };
  return {
    url,
    method: input.method ?? undefined,
    queryParams: input.queryParams ?? undefined,
    headers: input.headers === undefined ? undefined : input.headers === null ? null : secrets.encryptJson(input.headers),
    ...(auth === undefined
      ? {}
      : auth === null || auth.type === 'NONE'
        ? { authType: 'NONE' as const, auth: null }
        : { authType: auth.type, auth: secrets.encryptJson(auth) }),
    bodyFields: input.bodyFields === undefined ? undefined : (input.bodyFields ?? Prisma.DbNull),
    permanentStatusCodes: input.permanentStatusCodes ?? undefined,
  };
}

export async function createTarget(
  tx: Prisma.TransactionClient,
  secrets: SecretBox,
  workspaceId: number,
  kind: TargetKind,
  input: TargetInput,
  signingSecrets: SigningSecret[] = [{ secret: newSigningSecret(), expiresAt: null }],
): Promise<Target> {
  const columns = targetColumns(secrets, input);
  return tx.target.create({
    data: {
      ...columns,
      id: newId(),
      workspaceId,
      kind,
      url: columns.url!,
      signingSecrets: secrets.encryptJson(signingSecrets),
    },
  });
}
