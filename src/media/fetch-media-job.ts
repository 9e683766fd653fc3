import { z } from 'zod';
import { batchJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';

const schema = z.object({ mediaIds: z.array(z.uuid()).min(1) });
export type MediaJob = z.output<typeof schema>;

/** Fetches inbound media from providers right after their message arrived (media/fetch-media.ts). */
export const fetchMediaJob = batchJob<MediaJob, Runtime>({
  name: 'media-fetch',
  schema,
  pump: { batchSize: 5, maxInFlight: 10, lingerMs: 10 },
  handler: async (rt) => ({ handle: (await import('./fetch-media.ts')).fetchMediaJobs(rt) }),
});
