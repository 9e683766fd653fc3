import type { Queue } from 'pg-boss';
import type { z } from 'zod';
import type { Stage } from '../db/statement-counts.ts';
import type { BatchHandler, LoadWithFetch } from './job-pump.ts';

/** Wakes this process's job pumps when work queued for later becomes due (pg-boss only polls for it). */
export type WakeAt = (at: Date) => void;

/**
 * A batch job's handler as its worker runs it; `drain` writes what it still holds before the
 * process stops; `load` is read with each fetch and handed to `handle`.
 */
export type RunningHandler<T> = { handle: BatchHandler<T>; drain?(): Promise<void>; load?: LoadWithFetch };

/**
 * A job that carries work: many rows per job, run by a JobPump that keeps `maxInFlight` jobs going
 * and lingers `lingerMs` after a short fetch so the next gathers more. Its handler is loaded only
 * where workers run (so the API process never loads senders and drivers' send paths).
 */
export type BatchJob<T, Ctx> = {
  readonly kind: 'batch';
  readonly name: string;
  /** Checked when a job is read: data that does not match fails the job instead of reaching the handler. */
  readonly schema: z.ZodType<T>;
  readonly pump: { batchSize: number; maxInFlight: number; lingerMs: number; idlePollMs?: number };
  /** The stage of the message pipeline its statements count in (db/statement-counts.ts). */
  readonly stage?: Stage;
  readonly handler: (ctx: Ctx, wakeAt: WakeAt) => Promise<RunningHandler<T>>;
};

/** A job that runs on a schedule, one at a time across every process. */
export type ScheduledJob<Ctx> = {
  readonly kind: 'scheduled';
  readonly name: string;
  /** pg-boss cron (minute resolution). */
  readonly cron: string;
  readonly expireInSeconds: number;
  readonly run: (ctx: Ctx) => Promise<void>;
};

export type JobDefinition<Ctx> = BatchJob<any, Ctx> | ScheduledJob<Ctx>;

export const batchJob = <T, Ctx>(definition: Omit<BatchJob<T, Ctx>, 'kind'>): BatchJob<T, Ctx> => ({ kind: 'batch', ...definition });
export const scheduledJob = <Ctx>(definition: Omit<ScheduledJob<Ctx>, 'kind'>): ScheduledJob<Ctx> => ({ kind: 'scheduled', ...definition });

/**
 * The pg-boss queue behind a job. pg-boss' retries only recover from a worker that died or threw
 * (a delivery's own schedule is the delivery policy's). No NOTIFY of pg-boss' inside our
 * transactions: jobs/enqueue.ts wakes the workers after the commit.
 */
export function queueOf(job: JobDefinition<never>, jobExpireSeconds: number): Queue {
  if (job.kind === 'scheduled') return { name: job.name, policy: 'singleton', retryLimit: 1, expireInSeconds: job.expireInSeconds };
  return { name: job.name, retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: jobExpireSeconds, notify: false };
}
