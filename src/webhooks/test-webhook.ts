import type { Viewer } from '../auth/viewer.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { newEvent, recordEvents } from '../delivery/record-events.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';
import { idInput } from './webhook-input.ts';

/** Sends a PING event to this webhook alone; the answer is its delivery, to follow like any other. */
export async function testWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(idInput, input);
  const webhook = await findWebhook(rt, viewer, id);
  return inPrismaTransaction(rt.prisma, async (tx, sql) => {
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: webhook.workspaceId }, select: { id: true, locationId: true } });
    const [event] = await recordEvents(sql, rt.boss, [newEvent(webhook.workspaceId, 'PING', { workspace, targetId: webhook.targetId }, webhook.targetId)]);
    return tx.delivery.findFirstOrThrow({ where: { eventId: event!.id } });
  });
}
