import { pgSql } from '../db/sql.ts';
import { inTransaction } from '../db/pool.ts';
import { enqueue } from '../jobs/enqueue.ts';
import type { Runtime } from '../runtime.ts';
import { deliverEventJob, deliveryJobs } from './deliver-job.ts';

import { scheduledJob } from '../jobs/job-definition.ts';
import { STRANDED_AFTER, STRANDED_SWEEP_CRON } from './delivery-policy.ts';

/**
 * The safety net of at-least-once: pending deliveries whose job is gone get a new one. That is a
 * delivery long past its attempt time, or one parked for a target that has been enabled since
 * (enabled while the delivery was being parked). Runs every few minutes; returns how many resumed.
 */
export async function resumeStrandedDeliveries(rt: Runtime): Promise<number> {
  return inTransaction(rt.pool, async (client) => {
    const sql = pgSql(client);
    const { rows } = await sql.query<{ id: string; attempt_count: number }>(
      `UPDATE deliveries d SET next_attempt_at = now(), updated_at = now()
         FROM targets t
        WHERE t.id = d.target_id
          AND d.id IN (
            SELECT d2.id FROM deliveries d2 JOIN targets t2 ON t2.id = d2.target_id
             WHERE d2.status = 'PENDING'
               AND ((d2.next_attempt_at < now() - interval '${STRANDED_AFTER}')
                    OR (d2.next_attempt_at IS NULL AND t2.enabled AND d2.updated_at < now() - interval '1 minute'))
             LIMIT 5000
             FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.attempt_count`,
    );
    await enqueue(sql, rt.boss, deliverEventJob, deliveryJobs(rows.map((r) => [r.id, r.attempt_count])));
    return rows.length;
  });
}

export const resumeStrandedDeliveriesJob = scheduledJob<Runtime>({
  name: 'delivery-resume-stranded',
  cron: STRANDED_SWEEP_CRON,
  expireInSeconds: 300,
  run: async (rt) => {
    const resumed = await resumeStrandedDeliveries(rt);
    if (resumed) rt.log.warn({ resumed }, 'resumed deliveries whose job was lost');
  },
});
