import type { PgBoss } from 'pg-boss';
import type { Sql } from '../db/sql.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { badInput } from '../errors.ts';
import { literalHostProblem } from '../outbound/ssrf.ts';
import { deliverEventJob, deliveryJobs } from '../delivery/deliver-job.ts';

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

/** Refuses, at configuration time, a URL whose host is a private or reserved IP literal. */
export function assertPublicUrl(url: string, allowPrivate: boolean, field = 'url'): void {
  if (allowPrivate) return;
  const problem = literalHostProblem(new URL(url));
  if (problem) throw badInput(field, `${problem}; set SWITCHBOARD_ALLOW_PRIVATE_TARGETS=true to allow it`);
}
