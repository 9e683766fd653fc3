import { scheduledJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Deletes finished deliveries (with their attempts) older than SWITCHBOARD_DELIVERY_RETENTION_DAYS,
 * then events no delivery refers to any more, in bounded batches; deliveries still pending (parked
 * for a disabled target included) are kept. Returns how many deliveries went.
 */
export async function removeOldDeliveries(rt: Runtime, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - rt.config.deliveryRetentionDays * 86_400_000);
  let removed = 0;
  for (;;) {
    const { rowCount } = await rt.pool.query(
      `DELETE FROM deliveries WHERE id IN (
         SELECT id FROM deliveries WHERE created_at < $1 AND status <> 'PENDING' LIMIT 5000)`,
      [cutoff],
    );
    removed += rowCount ?? 0;
    if (!rowCount || rowCount < 5000) break;
  }
  await rt.pool.query(
    `DELETE FROM events e WHERE e.created_at < $1 AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)`,
    [cutoff],
  );
  await rt.pool.query('DELETE FROM rate_limit_windows WHERE window_start < $1', [new Date(now.getTime() - 3600_000)]);
  await rt.pool.query('DELETE FROM provider_events WHERE received_at < $1', [cutoff]);
  await rt.pool.query('DELETE FROM media WHERE created_at < $1', [cutoff]);
  await rt.pool.query("DELETE FROM early_status_reports WHERE received_at < now() - interval '1 day'");
  // SMPP: receipts come within a message's validity (days at most); a long SMS missing a part after a day never completes.
  await rt.pool.query("DELETE FROM smpp_parts WHERE created_at < now() - interval '7 days'");
  await rt.pool.query("DELETE FROM smpp_inbound_parts WHERE received_at < now() - interval '1 day'");
  return removed;
}

/** Once an hour: what the retention period has let go of. */
export const housekeepingJob = scheduledJob<Runtime>({
  name: 'housekeeping',
  cron: '17 * * * *',
  expireInSeconds: 3600,
  run: async (rt) => void (await removeOldDeliveries(rt)),
});
