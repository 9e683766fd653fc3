import { assertWorkspaceAccess, requireViewer, type Viewer } from '../auth/viewer.ts';
import { notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { createTarget, targetColumns } from '../targets/target-writes.ts';
import { assertPublicUrl } from '../targets/target-state.ts';
import { parseInput } from '../validation/parse.ts';
import { updateWorkspaceInput } from './workspace-input.ts';

/** Updates the fields given; `webhookUrl: null` removes the workspace webhook. */
export async function updateWorkspace(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(updateWorkspaceInput, input);
  assertWorkspaceAccess(v, data.id);
  if (data.webhookUrl) assertPublicUrl(data.webhookUrl, rt.config.allowPrivateTargets, 'webhookUrl');
  return rt.prisma.$transaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: data.id }, include: { webhookTarget: true } });
    if (!current) throw notFound('Workspace');
    let webhookTargetId = current.webhookTargetId;
    if (data.webhookUrl === null && current.webhookTarget) {
      await tx.target.delete({ where: { id: current.webhookTarget.id } });
      webhookTargetId = null;
    } else if (current.webhookTarget) {
      await tx.target.update({
        where: { id: current.webhookTarget.id },
        data: targetColumns(rt.secrets, { url: data.webhookUrl ?? undefined, headers: data.headers }),
      });
    } else if (data.webhookUrl) {
      webhookTargetId = (await createTarget(tx, rt.secrets, current.id, 'WORKSPACE', { url: data.webhookUrl, headers: data.headers })).id;
    }
    return tx.workspace.update({
      where: { id: data.id },
      data: {
        name: data.name,
        address: data.address,
        email: data.email,
        phone: data.phone,
        legacyAuth: data.legacyAuth ?? undefined,
        webhookTargetId,
      },
    });
  });
}
