import { LinkSupervisor } from '../links/link-supervisor.ts';
import { bossDb, pgSql } from '../db/sql.ts';
import { inStage } from '../db/statement-counts.ts';
import { keepYoungTableStatistics } from '../db/young-table-statistics.ts';
import { BOSS_SCHEMA } from '../jobs/boss.ts';
import type { BatchJob, RunningHandler, ScheduledJob } from '../jobs/job-definition.ts';
import { JobPump } from '../jobs/job-pump.ts';
import { QueueListener, wakeUpsLeft } from '../jobs/queue-listener.ts';
import { handleHere } from '../db/pool.ts';
import { describeError } from '../log.ts';
import { sendMessageJob } from '../messages/send-job.ts';
import type { Runtime } from '../runtime.ts';
import { JOBS } from './jobs.ts';

export type Workers = { stop(deadline: number): Promise<void> };

/** Runs scheduled jobs every `everyMs` instead of on their cron (tests: pg-boss' cron has minute resolution). */
export type ScheduleOverrides = Record<string, { everyMs: number }>;

/** How long a pump sleeps when its queue is empty and no notification came: the floor if LISTEN is lost. */
const IDLE_POLL_MS = 2000;

/**
 * Starts every worker this process runs (role `worker` or `all`): a job pump per batch job, the
 * scheduled jobs, the link supervisor for long-lived provider links, and the young-table keeper.
 */
export async function startWorkers(rt: Runtime, databaseUrl: string, schedules: ScheduleOverrides = {}): Promise<Workers> {
  const listener = new QueueListener(databaseUrl, rt.log);
  await listener.start();
  const jobsDb = bossDb(pgSql(rt.pool));

  // Work queued for later wakes every pump when it is due: waking one that has nothing is a cheap fetch.
  const pumps: JobPump<any>[] = [];
  const wakeAt = (at: Date) => {
    for (const pump of pumps) pump.wakeAt(at);
  };
  const handlers: RunningHandler<any>[] = [];
  const starts: (() => void)[] = [];
  for (const job of JOBS.filter((j): j is BatchJob<any, Runtime> => j.kind === 'batch')) {
    const running = await job.handler(rt, wakeAt);
    handlers.push(running);
    const pump = new JobPump(rt.boss, jobsDb, listener, { queue: job.name, schema: job.schema, idlePollMs: IDLE_POLL_MS, ...job.pump, load: running.load }, running.handle, rt.log);
    pumps.push(pump);
    // A pump's fetches, handlers and completions count in its job's stage.
    starts.push(() => inStage(job.stage, () => pump.start()));
  }
  for (const start of starts) start();
  // Jobs this process queues are taken by its own pumps while they have room, without a NOTIFY.
  // Not send jobs: they also wake the holders of long-lived links, which may be other processes.
  const byQueue = new Map(pumps.filter((pump) => pump.queue !== sendMessageJob.name).map((pump) => [pump.queue, pump]));
  const handled = handleHere(rt.pool, (statement) => wakeUpsLeft(statement, (queue) => byQueue.get(queue)?.takeWakeUp() ?? false));

  // Devices reached over long-lived links (SMPP) are held, and sent through, by one worker process each.
  const links = LinkSupervisor.start(rt, databaseUrl);
  listener.onJob(sendMessageJob.name, () => links.wake());
  const statistics = keepYoungTableStatistics(rt.pool, rt.log, [BOSS_SCHEMA]);

  const timers: NodeJS.Timeout[] = [];
  for (const job of JOBS.filter((j): j is ScheduledJob<Runtime> => j.kind === 'scheduled')) {
    await rt.boss.work(job.name, async () => job.run(rt));
    const every = schedules[job.name];
    if (every) timers.push(setInterval(() => void rt.boss.send(job.name, {}).catch((error: unknown) => rt.log.error({ err: describeError(error), job: job.name }, 'could not start a scheduled job')), every.everyMs));
    else await rt.boss.schedule(job.name, job.cron);
  }

  return {
    async stop(deadline) {
      for (const timer of timers) clearInterval(timer);
      handled();
      await Promise.all([...pumps.map((p) => p.stop(deadline)), links.stop(deadline)]);
      await statistics.stop();
      await Promise.all(handlers.map((h) => h.drain?.()));
      await listener.close();
    },
  };
}
