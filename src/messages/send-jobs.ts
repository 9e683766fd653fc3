/** One job sends a batch of accepted messages: pg-boss rows are the expensive part of a burst. */
export type SendJob = { messageIds: string[] };

export const MESSAGES_PER_JOB = 100;

export function sendJobs(messageIds: string[]): { data: SendJob }[] {
  const jobs: { data: SendJob }[] = [];
  for (let i = 0; i < messageIds.length; i += MESSAGES_PER_JOB) jobs.push({ data: { messageIds: messageIds.slice(i, i + MESSAGES_PER_JOB) } });
  return jobs;
}
