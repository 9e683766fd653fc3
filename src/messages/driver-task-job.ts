import { z } from 'zod';
import { batchJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';

const schema = z.object({ deviceId: z.string().length(24), items: z.array(z.record(z.string(), z.unknown())).min(1) });
/** Work a driver scheduled for later; tasks of one device due at the same moment share a job. */
export type DriverTask = z.output<typeof schema>;

/** Runs drivers' scheduled work, like the simulator's delayed statuses (channels/run-driver-tasks.ts). */
export const driverTaskJob = batchJob<DriverTask, Runtime>({
  name: 'driver-task',
  schema,
  pump: { batchSize: 10, maxInFlight: 20, lingerMs: 20 },
  stage: 'status',
  handler: async (rt, wakeAt) => ({ handle: (await import('./run-driver-tasks.ts')).runDriverTasks(rt, wakeAt) }),
});
