import type { JobInsert } from 'pg-boss';

/**
 * A delivery job carries many deliveries: pg-boss rows are the expensive part of a burst, so one
 * job per batch of deliveries, not per delivery. Each entry is [deliveryId, attempts made when the
 * job was queued]; a delivery whose count moved on since (a newer job, a replay) is skipped.
 */
export type DeliveryJob = { deliveries: [string, number][]; manual?: boolean };

export const DELIVERIES_PER_JOB = 100;

export function deliveryJobs(items: [string, number][], options: { manual?: boolean; startAfter?: Date } = {}): JobInsert<DeliveryJob>[] {
  const jobs: JobInsert<DeliveryJob>[] = [];
  for (let i = 0; i < items.length; i += DELIVERIES_PER_JOB) {
    jobs.push({
      data: { deliveries: items.slice(i, i + DELIVERIES_PER_JOB), ...(options.manual ? { manual: true } : {}) },
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }
  return jobs;
}
