import { z } from 'zod';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';

/** Deletes a workspace and everything in it: devices, keys, clients, messages, webhooks, deliveries. */
export async function deleteWorkspace(rt: Runtime, viewer: Viewer | null, input: unknown) {
  requireAdmin(viewer);
  const { id } = parseInput(z.object({ id: z.number().int() }), input);
  const deleted = await rt.prisma.workspace.deleteMany({ where: { id } });
  if (deleted.count === 0) throw notFound('Workspace');
  return { id };
}
