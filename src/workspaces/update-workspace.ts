import { assertWorkspaceAccess, requireViewer, type Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { badInput, notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { createTarget, targetColumns } from '../targets/target-writes.ts';
import { assertPublicUrl } from '../targets/public-url.ts';
import { twilioTarget } from '../delivery/twilio-targets.ts';
import { parseInput } from '../validation/parse.ts';
import { updateWorkspaceInput } from './workspace-input.ts';

/**
 * Updates the fields given; `webhookUrl: null` removes the workspace webhook, `twilioSmsUrl: null`
 * stops incoming messages going there. `key` is the caller's own: twilioSmsUrl is signed with it.
 */
export async function updateWorkspace(rt: Runtime, viewer: Viewer | null, input: unknown, key: string | null = null) {
  const v = requireViewer(viewer);
  const data = parseInput(updateWorkspaceInput, input);
  assertWorkspaceAccess(v, data.id);
  if (data.webhookUrl) assertPublicUrl(data.webhookUrl, rt.config.allowPrivateTargets, 'webhookUrl');
  // Twilio signs with the auth token the app holds; here that is a key of the workspace, so only one can set it.
  const signer = data.twilioSmsUrl && v.kind === 'workspace' && key ? { workspaceId: v.workspaceId, keyId: v.keyId, secret: key } : null;
  if (data.twilioSmsUrl) {
    if (!signer) throw badInput('twilioSmsUrl', "must be set with an API key of the workspace: that key's secret signs the requests (X-Twilio-Signature)");
    assertPublicUrl(data.twilioSmsUrl, rt.config.allowPrivateTargets, 'twilioSmsUrl');
  }
  return inPrismaTransaction(rt.prisma, async (tx, sql) => {
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
    const twilioSmsTargetId = signer && data.twilioSmsUrl ? await twilioTarget(sql, rt.boss, rt.secrets, signer, data.twilioSmsUrl) : data.twilioSmsUrl;
    return tx.workspace.update({
      where: { id: data.id },
      data: {
        name: data.name,
        address: data.address,
        email: data.email,
        phone: data.phone,
        legacyAuth: data.legacyAuth ?? undefined,
        webhookTargetId,
        twilioSmsTargetId,
      },
    });
  });
}
