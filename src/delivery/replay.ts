import { z } from 'zod';
import { requireViewer, type Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { deliverEventJob, deliveryJobs } from './deliver-job.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';

/** Svix's recovery cap: one replay reaches at most this many deliveries. */
export const MAX_REPLAY = 10_000;

/** Sends a delivery again now, whatever its state; the attempt is recorded as MANUAL. */
export async function replayDelivery(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const { id } = parseInput(z.object({ id: z.uuid({ error: 'must be a delivery id' }) }), input);
  const delivery = await rt.prisma.delivery.findUnique({ where: { id } });
  if (!delivery || (v.kind === 'workspace' && delivery.workspaceId !== v.workspaceId)) throw notFound('Delivery');
  return inPrismaTransaction(rt.prisma, async (tx, sql) => {
    const updated = await tx.delivery.update({ where: { id }, data: { status: 'PENDING', nextAttemptAt: new Date(), updatedAt: new Date() } });
    await enqueue(sql, rt.boss, deliverEventJob, deliveryJobs([[id, updated.attemptCount]], { manual: true }));
    return updated;
  });
}
