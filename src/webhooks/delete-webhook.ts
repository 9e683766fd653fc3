import type { Viewer } from '../auth/viewer.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';
import { idInput } from './webhook-input.ts';

/** Deletes the subscription with its target and delivery log; jobs still queued for it find nothing to send. */
export async function deleteWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(idInput, input);
  const webhook = await findWebhook(rt, viewer, id);
  await rt.prisma.target.delete({ where: { id: webhook.targetId } });
  return { id };
}
