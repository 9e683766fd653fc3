import { z } from 'zod';
import { requireViewer, resolveWorkspaceId, type Viewer } from '../auth/viewer.ts';
import { badInput, notFound } from '../errors.ts';
import type { Channel, Prisma } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { LIVE_CHAT_DEFAULT_BODY } from '../targets/live-chat-body.ts';
import { assertPublicUrl } from '../targets/public-url.ts';
import { createTarget, targetColumns } from '../targets/target-writes.ts';
import { parseInput } from '../validation/parse.ts';
import { createIntegrationInput, updateIntegrationInput } from './live-chat-input.ts';

export const withConnections = {
  target: true,
  connections: { include: { device: true }, orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
} satisfies Prisma.LiveChatIntegrationInclude;

export async function findIntegration(rt: Runtime, viewer: Viewer | null, id: string) {
  const v = requireViewer(viewer);
  const integration = await rt.prisma.liveChatIntegration.findUnique({ where: { id }, include: withConnections });
  if (!integration || (v.kind === 'workspace' && integration.workspaceId !== v.workspaceId)) throw notFound('Live-chat integration');
  return integration;
}

/** Connection rows in the order they were given (their creation times a millisecond apart keep it). */
function connectionData(integrationId: string, devices: { id: string; channel: Channel; address: string }[]) {
  const now = Date.now();
  return devices.map((d, i) => ({ id: newId(), integrationId, deviceId: d.id, channel: d.channel, address: d.address, createdAt: new Date(now + i) }));
}

/** The connections named, which must be devices of the workspace, in the order named. */
async function connectionRows(tx: Prisma.TransactionClient, workspaceId: number, deviceIds: string[]) {
  const unique = [...new Set(deviceIds)];
  const found = await tx.device.findMany({ where: { id: { in: unique }, workspaceId } });
  const devices = unique.flatMap((id) => found.filter((d) => d.id === id));
  const missing = unique.filter((id) => !devices.some((d) => d.id === id));
  if (missing.length) throw badInput('connectionIds', `${missing.join(', ')} ${missing.length === 1 ? 'is not a device' : 'are not devices'} of this workspace`);
  const unsupported = devices.filter((d) => d.channel !== 'SMS' && d.channel !== 'WHATSAPP');
  if (unsupported.length) throw badInput('connectionIds', 'connections carry SMS or WhatsApp (seed 002)');
  return devices;
}

/**
 * Creates a Custom Webhook integration (seed 002), INACTIVE until started. Its body defaults to
 * seed 002's predefined parameters; connections may name devices already used elsewhere (conflicts
 * are found when starting, as seed 002 says).
 */
export async function createIntegration(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(createIntegrationInput, input);
  const workspaceId = resolveWorkspaceId(v, data.workspaceId);
  assertPublicUrl(data.url, rt.config.allowPrivateTargets);
  const id = await rt.prisma.$transaction(async (tx) => {
    if (!(await tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } }))) throw notFound('Workspace');
    const devices = await connectionRows(tx, workspaceId, data.connectionIds ?? []);
    const target = await createTarget(tx, rt.secrets, workspaceId, 'LIVE_CHAT', { ...data, bodyFields: data.bodyFields ?? LIVE_CHAT_DEFAULT_BODY });
    const integration = await tx.liveChatIntegration.create({ data: { id: newId(), workspaceId, alias: data.alias, targetId: target.id } });
    if (devices.length) {
      await tx.liveChatConnection.createMany({ data: connectionData(integration.id, devices) });
    }
    return integration.id;
  });
  return findIntegration(rt, viewer, id);
}

/** Changes what is given. New connections join INACTIVE (start again to activate them); removed ones stop. */
export async function updateIntegration(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const data = parseInput(updateIntegrationInput, input);
  const integration = await findIntegration(rt, viewer, data.id);
  if (data.url) assertPublicUrl(data.url, rt.config.allowPrivateTargets);
  await rt.prisma.$transaction(async (tx) => {
    await tx.target.update({ where: { id: integration.targetId }, data: targetColumns(rt.secrets, { ...data, bodyFields: data.bodyFields === null ? LIVE_CHAT_DEFAULT_BODY : data.bodyFields }) });
    if (data.alias) await tx.liveChatIntegration.update({ where: { id: integration.id }, data: { alias: data.alias } });
    if (data.connectionIds !== undefined) {
      const devices = await connectionRows(tx, integration.workspaceId, data.connectionIds ?? []);
      const keep = new Set(devices.map((d) => d.id));
      await tx.liveChatConnection.deleteMany({ where: { integrationId: integration.id, deviceId: { notIn: [...keep] } } });
      const existing = new Set(integration.connections.map((c) => c.deviceId));
      const added = devices.filter((d) => !existing.has(d.id));
      if (added.length) {
        await tx.liveChatConnection.createMany({ data: connectionData(integration.id, added) });
      }
    }
  });
  return findIntegration(rt, viewer, integration.id);
}

export async function deleteIntegration(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(z.object({ id: z.string() }), input);
  const integration = await findIntegration(rt, viewer, id);
  await rt.prisma.target.delete({ where: { id: integration.targetId } });
  return { id };
}
