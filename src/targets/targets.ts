import type { SecretBox } from '../crypto/secret-box.ts';
import type { Target, TargetKind } from '../generated/prisma/client.ts';
import type { SigningSecret } from './signing-secrets.ts';
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
