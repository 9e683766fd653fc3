import { requireViewer, resolveWorkspaceId, type Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { newEvent, recordEvents } from '../delivery/record-events.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { assertPublicUrl } from '../targets/public-url.ts';
import { createTarget } from '../targets/target-writes.ts';
import { parseInput } from '../validation/parse.ts';
import { createWebhookInput } from './webhook-input.ts';

/**
 * Creates a subscription (seed 001's createWebhook, with seed 004's filters and seed 002's target
 * options). Unless `sendTestPing: false`, a PING event goes to this webhook alone, recorded like
 * any delivery.
 */
export async function createWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(createWebhookInput, input);
  const workspaceId = resolveWorkspaceId(v, data.workspaceId);
  assertPublicUrl(data.url, rt.config.allowPrivateTargets);
  return inPrismaTransaction(rt.prisma, async (tx, sql) => {
    const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, locationId: true } });
    if (!workspace) throw notFound('Workspace');
    const target = await createTarget(tx, rt.secrets, workspaceId, 'WEBHOOK', data);
    const webhook = await tx.webhook.create({
      data: {
        id: newId(),
        workspaceId,
        label: data.label,
        event: data.event,
        channels: data.channels ?? [],
        directions: data.directions ?? [],
        statuses: data.statuses ?? [],
        targetId: target.id,
      },
      include: { target: true },
    });
    if (data.sendTestPing !== false) {
      await recordEvents(sql, rt.boss, [newEvent(workspaceId, 'PING', { workspace, targetId: target.id }, target.id)]);
    }
    return webhook;
  });
}
