import { z } from 'zod';
import { batchJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';

/** One job sends a batch of accepted messages: pg-boss rows are the expensive part of a burst. */
export const MESSAGES_PER_JOB = 100;

const schema = z.object({ messageIds: z.array(z.uuid()).min(1).max(MESSAGES_PER_JOB) });
export type SendJob = z.output<typeof schema>;

/** Hands QUEUED messages to their devices' drivers (messages/send-messages.ts). */
export const sendMessageJob = batchJob<SendJob, Runtime>({
  name: 'message-send',
  schema,
  pump: { batchSize: 10, maxInFlight: 20, lingerMs: 10 },
  stage: 'send',
  handler: async (rt, wakeAt) => {
    const { loadSends, sendMessages } = await import('./send-messages.ts');
    return { handle: sendMessages(rt, rt.providers, wakeAt), load: loadSends };
  },
});

/** The jobs that send these messages. */
export function sendJobs(messageIds: string[], startAfter?: Date): { data: SendJob; startAfter?: Date }[] {
  const jobs: { data: SendJob; startAfter?: Date }[] = [];
  for (let i = 0; i < messageIds.length; i += MESSAGES_PER_JOB) {
    jobs.push({ data: { messageIds: messageIds.slice(i, i + MESSAGES_PER_JOB) }, ...(startAfter ? { startAfter } : {}) });
  }
  return jobs;
}
