import type { SecretBox } from '../crypto/secret-box.ts';
import { Prisma, type Target, type TargetKind } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';
import { newSigningSecret, type SigningSecret } from './signing-secrets.ts';
import type { HttpMethod, TargetAuth, TargetConfig, TargetField, TargetInput } from './target-config.ts';

export type { Target };

/** A target row with its secrets opened. */
export type OpenTarget = TargetConfig & {
  id: string;
  workspaceId: number;
  kind: TargetKind;
  enabled: boolean;
  signingSecrets: SigningSecret[];
};

export function openTarget(secrets: SecretBox, row: Target): OpenTarget {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    enabled: row.enabled,
    url: row.url,
    method: row.method as HttpMethod,
    queryParams: row.queryParams as TargetField[],
    headers: row.headers ? secrets.decryptJson<TargetField[]>(row.headers) : [],
    auth: row.auth ? secrets.decryptJson<TargetAuth>(row.auth) : { type: 'NONE' },
    bodyFields: (row.bodyFields as TargetField[] | null) ?? null,
    permanentStatusCodes: row.permanentStatusCodes,
    signingSecrets: secrets.decryptJson<SigningSecret[]>(row.signingSecrets),
  };
}

// One decryption per target row, however many GraphQL fields ask for it.
const opened = new WeakMap<Target, OpenTarget>();

/** openTarget, remembered for the row (rows of one request are reused by every field resolver). */
export function openTargetOnce(secrets: SecretBox, row: Target): OpenTarget {
  let open = opened.get(row);
  if (!open) opened.set(row, (open = openTarget(secrets, row)));
  return open;
}

/** Column values for the parts of a target input that were given (undefined keeps the current value). */
export function targetColumns(secrets: SecretBox, input: Partial<TargetInput>) {
  return {
    url: input.url ?? undefined,
    method: input.method ?? undefined,
    queryParams: input.queryParams ?? undefined,
    headers: input.headers === undefined ? undefined : input.headers === null ? null : secrets.encryptJson(input.headers),
    ...(input.auth === undefined
      ? {}
      : input.auth === null || input.auth.type === 'NONE'
        ? { authType: 'NONE' as const, auth: null }
        : { authType: input.auth.type, auth: secrets.encryptJson(input.auth) }),
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
      url: input.url,
      signingSecrets: secrets.encryptJson(signingSecrets),
    },
  });
}

/** The input that recreates a target elsewhere (cloning a workspace); secrets stay encrypted-equal. */
export function targetAsInput(open: OpenTarget): TargetInput {
  return {
    url: open.url,
    method: open.method,
    queryParams: open.queryParams,
    headers: open.headers,
    auth: open.auth,
    bodyFields: open.bodyFields,
    permanentStatusCodes: open.permanentStatusCodes,
  };
}
