import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { deliverEventJob, deliveryJobs } from '../delivery/deliver-job.ts';
import { MAX_REPLAY } from '../delivery/replay.ts';
import { inPrismaTransaction } from '../db/sql.ts';
import { enqueue } from '../jobs/enqueue.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { findWebhook } from './find-webhook.ts';

/** Sends again every FAILED or DEAD delivery of a webhook created since a time (Svix's "recover"). */
export async function replayWebhook(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id, since } = parseInput(z.object({ id: z.string(), since: z.date({ error: 'must be a date-time' }) }), input);
  const webhook = await findWebhook(rt, viewer, id);
  return inPrismaTransaction(rt.prisma, async (_tx, sql) => {
    const { rows } = await sql.query<{ id: string; attempt_count: number }>(
      `UPDATE deliveries SET status = 'PENDING', next_attempt_at = now(), updated_at = now()
        WHERE id IN (SELECT id FROM deliveries WHERE target_id = $1 AND status IN ('FAILED', 'DEAD') AND created_at >= $2
                     ORDER BY created_at LIMIT ${MAX_REPLAY})
        RETURNING id, attempt_count`,
      [webhook.targetId, since],
    );
    await enqueue(sql, rt.boss, deliverEventJob, deliveryJobs(rows.map((r) => [r.id, r.attempt_count]), { manual: true }));
    return { count: rows.length };
  });
}
