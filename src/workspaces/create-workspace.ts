import { randomBytes } from 'node:crypto';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { newSigningSecret } from '../targets/signing-secrets.ts';
import { createTarget } from '../targets/target-writes.ts';
import { openTarget, targetAsInput } from '../targets/targets.ts';
import { assertPublicUrl } from '../targets/public-url.ts';
import { parseInput } from '../validation/parse.ts';
import { createWorkspaceInput } from './workspace-input.ts';

export const newLocationId = () => randomBytes(10).toString('hex');

/**
 * Creates a workspace, optionally cloning another's configuration: its webhook URL and headers and
 * its subscriptions (with fresh signing secrets), never its devices, keys or data.
 */
export async function createWorkspace(rt: Runtime, viewer: Viewer | null, input: unknown) {
  requireAdmin(viewer);
  const data = parseInput(createWorkspaceInput, input);
  if (data.webhookUrl) assertPublicUrl(data.webhookUrl, rt.config.allowPrivateTargets, 'webhookUrl');
  return rt.prisma.$transaction(async (tx) => {
    const source =
      data.cloneFromId == null
        ? null
        : await tx.workspace.findUnique({
            where: { id: data.cloneFromId },
            include: { webhookTarget: true, webhooks: { include: { target: true } } },
          });
    if (data.cloneFromId != null && !source) {
      throw new AppError('NOT_FOUND', `cloneFromId: no workspace ${data.cloneFromId}`, {
        details: [{ field: 'cloneFromId', message: 'no workspace with this id' }],
      });
    }
    const workspace = await tx.workspace.create({
      data: {
        locationId: newLocationId(),
        name: data.name,
        address: data.address ?? null,
        email: data.email ?? null,
        phone: data.phone ?? null,
        legacyAuth: data.legacyAuth ?? source?.legacyAuth ?? false,
      },
    });
    const sourceWebhook = source?.webhookTarget ? targetAsInput(openTarget(rt.secrets, source.webhookTarget)) : null;
    const url = data.webhookUrl === undefined ? sourceWebhook?.url : data.webhookUrl;
    if (url) {
      const headers = data.headers === undefined ? sourceWebhook?.headers : data.headers;
      const target = await createTarget(tx, rt.secrets, workspace.id, 'WORKSPACE', { url, headers });
      await tx.workspace.update({ where: { id: workspace.id }, data: { webhookTargetId: target.id } });
    }
    for (const webhook of source?.webhooks ?? []) {
      const target = await createTarget(tx, rt.secrets, workspace.id, 'WEBHOOK', targetAsInput(openTarget(rt.secrets, webhook.target)), [
        { secret: newSigningSecret(), expiresAt: null },
      ]);
      await tx.webhook.create({
        data: {
          id: newId(),
          workspaceId: workspace.id,
          label: webhook.label,
          event: webhook.event,
          channels: webhook.channels,
          directions: webhook.directions,
          statuses: webhook.statuses,
          targetId: target.id,
        },
      });
    }
    return tx.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
  });
}
