import type { Queue } from 'pg-boss';

/**
 * Every pg-boss queue Switchboard uses, declared in one place. Retries here only recover from a
 * worker that died or threw; a delivery's own retry schedule lives in delivery/retry-policy.ts.
 */
export const QUEUES = {
  sendMessage: 'message-send',
  deliverEvent: 'event-deliver',
  driverTask: 'driver-task',
  fetchMedia: 'media-fetch',
  endIdleConversations: 'conversation-end-idle',
  housekeeping: 'housekeeping',
  resumeStrandedDeliveries: 'delivery-resume-stranded',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export function queueDefinitions(jobExpireSeconds: number): Queue[] {
  // No NOTIFY of pg-boss' inside our transactions: jobs/enqueue.ts wakes the workers after the commit.
  const crashSafe = { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: jobExpireSeconds, notify: false };
  return [
    { name: QUEUES.sendMessage, ...crashSafe },
    { name: QUEUES.deliverEvent, ...crashSafe },
    { name: QUEUES.driverTask, ...crashSafe },
    { name: QUEUES.fetchMedia, ...crashSafe },
    { name: QUEUES.endIdleConversations, policy: 'singleton', retryLimit: 1, expireInSeconds: 300 },
    { name: QUEUES.housekeeping, policy: 'singleton', retryLimit: 1, expireInSeconds: 3600 },
    { name: QUEUES.resumeStrandedDeliveries, policy: 'singleton', retryLimit: 1, expireInSeconds: 300 },
  ];
}
