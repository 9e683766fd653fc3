import type { JobInsert } from 'pg-boss';
import { z } from 'zod';
import { batchJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';
import { DELIVERIES_PER_JOB, DELIVERY_JOBS_IN_FLIGHT } from './delivery-policy.ts';

/**
 * A delivery job carries many deliveries: pg-boss rows are the expensive part of a burst, so one
 * job per batch of deliveries, not per delivery. Each entry is [deliveryId, attempts made when the
 * job was queued]; a delivery whose count moved on since (a newer job, a replay) is skipped.
 */
const schema = z.object({ deliveries: z.array(z.tuple([z.uuid(), z.number().int().min(0)])).min(1).max(DELIVERIES_PER_JOB), manual: z.boolean().optional() });
export type DeliveryJob = z.output<typeof schema>;

/**
 * Renders, signs and sends events to their targets and records each attempt (delivery/deliver-events.ts).
 * A job stays in flight until its slowest request ends, so the pump admits many; requests
 * themselves are capped per process and per target (flow-control.ts).
 */
export const deliverEventJob = batchJob<DeliveryJob, Runtime>({
  name: 'event-deliver',
  schema,
  pump: { batchSize: 20, maxInFlight: DELIVERY_JOBS_IN_FLIGHT, lingerMs: 10 },
  stage: 'delivery',
  handler: async (rt, wakeAt) => (await import('./delivery-worker.ts')).deliveryWorker(rt, wakeAt),
});

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
