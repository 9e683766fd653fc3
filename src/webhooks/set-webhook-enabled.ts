import type { Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction, prismaSql } from '../db/sql.ts';
import type { Runtime } from '../runtime.ts';
import { disableTarget, enableTarget } from '../delivery/target-state.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';
import { disableInput, idInput } from './webhook-input.ts';

/** Enables the webhook; deliveries parked while it was disabled are sent now. */
export async function enableWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(idInput, input);
  const webhook = await findWebhook(rt, viewer, id);
  await inPrismaTransaction(rt.prisma, (_tx, sql) => enableTarget(sql, rt.boss, webhook.targetId));
  return findWebhook(rt, viewer, id);
}

/** Disables the webhook: new events wait (parked) until it is enabled again. */
export async function disableWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id, reason } = parseInput(disableInput, input);
  const webhook = await findWebhook(rt, viewer, id);
  await disableTarget(prismaSql(rt.prisma), webhook.targetId, reason ?? 'disabled through the API');
  return findWebhook(rt, viewer, id);
}
