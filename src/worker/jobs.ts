import { driverTaskJob } from '../messages/driver-task-job.ts';
import { endIdleConversationsJob } from '../conversations/end-conversations.ts';
import { deliverEventJob } from '../delivery/deliver-job.ts';
import { resumeStrandedDeliveriesJob } from '../delivery/resume-stranded.ts';
import { housekeepingJob } from '../delivery/retention.ts';
import type { JobDefinition } from '../jobs/job-definition.ts';
import { fetchMediaJob } from '../media/fetch-media-job.ts';
import { sendMessageJob } from '../messages/send-job.ts';
import type { Runtime } from '../runtime.ts';

/** Every job Switchboard runs. Each is defined in the domain that owns it: its name, payload schema and handler. */
export const JOBS: readonly JobDefinition<Runtime>[] = [
  sendMessageJob,
  deliverEventJob,
  driverTaskJob,
  fetchMediaJob,
  endIdleConversationsJob,
  resumeStrandedDeliveriesJob,
  housekeepingJob,
];
