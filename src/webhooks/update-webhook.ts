import type { Viewer } from '../auth/viewer.ts';
import type { Runtime } from '../runtime.ts';
import { assertPublicUrl } from '../targets/public-url.ts';
import { targetColumns } from '../targets/target-writes.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';
import { updateWebhookInput } from './webhook-input.ts';

/** Changes what is given; omitted fields keep their value, `null` clears an optional one. */
export async function updateWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const data = parseInput(updateWebhookInput, input);
  const webhook = await findWebhook(rt, viewer, data.id);
  if (data.url) assertPublicUrl(data.url, rt.config.allowPrivateTargets);
  return rt.prisma.$transaction(async (tx) => {
    await tx.target.update({ where: { id: webhook.targetId }, data: targetColumns(rt.secrets, data) });
    return tx.webhook.update({
      where: { id: webhook.id },
      data: {
        label: data.label,
        event: data.event,
        channels: data.channels === undefined ? undefined : (data.channels ?? []),
        directions: data.directions === undefined ? undefined : (data.directions ?? []),
        statuses: data.statuses === undefined ? undefined : (data.statuses ?? []),
      },
      include: { target: true },
    });
  });
}
