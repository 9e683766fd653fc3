import type { Prisma } from '../generated/prisma/client.ts';
import { requireViewer, type Viewer } from '../auth/viewer.ts';
import { notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';

/** The webhook with its target, if the viewer may see it; NOT_FOUND otherwise. */
export async function findWebhook(rt: Runtime | { prisma: Prisma.TransactionClient }, viewer: Viewer | null, id: string) {
  const v = requireViewer(viewer);
  const webhook = await ('prisma' in rt ? rt.prisma : rt).webhook.findUnique({ where: { id }, include: { target: true } });
  if (!webhook || (v.kind === 'workspace' && webhook.workspaceId !== v.workspaceId)) throw notFound('Webhook');
  return webhook;
}
