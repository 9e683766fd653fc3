import type { PgBoss } from 'pg-boss';
import type { Sql } from '../db/sql.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { deliverEventJob, deliveryJobs } from './deliver-job.ts';

/**
 * Enables a target and resumes its parked deliveries: those created or reached while it was
 * disabled get a job now. Returns how many resumed.
 */
export async function enableTarget(sql: Sql, boss: PgBoss, targetId: string): Promise<number> {
  await sql.query('UPDATE targets SET enabled = true, disabled_reason = NULL, disabled_at = NULL, failing_since = NULL, updated_at = now() WHERE id = $1', [targetId]);
  const { rows } = await sql.query<{ id: string; attempt_count: number }>(
    `UPDATE deliveries SET next_attempt_at = now(), updated_at = now()
      WHERE target_id = $1 AND status = 'PENDING' AND next_attempt_at IS NULL
      RETURNING id, attempt_count`,
    [targetId],
  );
  await enqueue(sql, boss, deliverEventJob, deliveryJobs(rows.map((r) => [r.id, r.attempt_count])));
  return rows.length;
}

export async function disableTarget(sql: Sql, targetId: string, reason: string): Promise<void> {
  await sql.query('UPDATE targets SET enabled = false, disabled_reason = $2, disabled_at = now(), updated_at = now() WHERE id = $1', [targetId, reason]);
}
