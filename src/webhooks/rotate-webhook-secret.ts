import type { Viewer } from '../auth/viewer.ts';
import type { Runtime } from '../runtime.ts';
import { rotate, type SigningSecret } from '../targets/signing-secrets.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';
import { rotateSecretInput } from './webhook-input.ts';

/** A new signing secret; the old one keeps signing (both signatures are sent) for the grace period. */
export async function rotateWebhookSecret(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id, gracePeriodSeconds } = parseInput(rotateSecretInput, input);
  const webhook = await findWebhook(rt, viewer, id);
  const secrets = rt.secrets.decryptJson<SigningSecret[]>(webhook.target.signingSecrets);
  const rotated = rotate(secrets, gracePeriodSeconds ?? rt.config.secretGraceSeconds);
  await rt.prisma.target.update({ where: { id: webhook.targetId }, data: { signingSecrets: rt.secrets.encryptJson(rotated) } });
  return findWebhook(rt, viewer, id);
}
