import type { Runtime } from '../runtime.ts';

/** Registers every pg-boss worker this process runs (role `worker` or `all`). */
export async function registerWorkers(_rt: Runtime): Promise<void> {
  // Each domain adds its workers here as it gains jobs.
}
