import { z } from 'zod';
import { requireViewer, resolveWorkspaceId, type Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { conflict, isUniqueViolation, notFound } from '../errors.ts';
import { newEvent, recordEvents } from '../delivery/record-events.ts';
import { clientSnapshot } from '../events/snapshots.ts';
import type { Client } from '../generated/prisma/client.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { createClientInput, updateClientInput } from './client-input.ts';

const duplicatePhone = (phone: string) => conflict(`phone: a client with ${phone} already exists in this workspace`);

/** Creates a contact and emits NEW_CLIENT. */
export async function createClient(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(createClientInput, input);
  const workspaceId = resolveWorkspaceId(v, data.workspaceId);
  try {
    return await inPrismaTransaction(rt.prisma, async (tx, sql) => {
      const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, locationId: true } });
      if (!workspace) throw notFound('Workspace');
      const client = await tx.client.create({ data: { ...data, workspaceId, id: newId(), tags: data.tags ?? [] } });
      await recordEvents(sql, rt.boss, [newEvent(workspaceId, 'NEW_CLIENT', { workspace, client: clientSnapshot(client) })]);
      return client;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePhone(data.phone);
    throw error;
  }
}

export async function findClient(rt: Runtime, viewer: Viewer | null, id: string): Promise<Client> {
  const v = requireViewer(viewer);
  const client = await rt.prisma.client.findUnique({ where: { id } });
  if (!client || (v.kind === 'workspace' && client.workspaceId !== v.workspaceId)) throw notFound('Client');
  return client;
}

/** Updates what is given and emits CLIENT_UPDATED with the new state. */
export async function updateClient(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const data = parseInput(updateClientInput, input);
  const current = await findClient(rt, viewer, data.id);
  const { id, ...changes } = data;
  try {
    return await inPrismaTransaction(rt.prisma, async (tx, sql) => {
      const client = await tx.client.update({ where: { id }, data: { ...changes, tags: changes.tags === null ? [] : changes.tags, patchedAt: new Date() } });
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: current.workspaceId }, select: { id: true, locationId: true } });
      await recordEvents(sql, rt.boss, [newEvent(current.workspaceId, 'CLIENT_UPDATED', { workspace, client: clientSnapshot(client) })]);
      return client;
    });
  } catch (error) {
    if (isUniqueViolation(error) && data.phone) throw duplicatePhone(data.phone);
    throw error;
  }
}

/** Deletes a contact with its conversations and messages. */
export async function deleteClient(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(z.object({ id: z.string() }), input);
  await findClient(rt, viewer, id);
  await rt.prisma.client.delete({ where: { id } });
  return { id };
}
