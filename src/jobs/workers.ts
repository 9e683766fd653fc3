import { AttemptRecorder } from '../delivery/attempt-recorder.ts';
import type { DeliveryJob } from '../delivery/delivery-jobs.ts';
import { deliverEvents, MAX_REQUESTS_IN_FLIGHT, Semaphore, TargetLimiter } from '../delivery/deliver-events.ts';
import { removeOldDeliveries } from '../delivery/retention.ts';
import { resumeStrandedDeliveries } from '../delivery/resume-stranded.ts';
import { createSender } from '../delivery/send.ts';
import type { Runtime } from '../runtime.ts';
import { JobPump } from './job-pump.ts';
import { sendMessages } from '../messages/send-messages.ts';
import type { SendJob } from '../messages/send-jobs.ts';
import { fetchMediaJobs, type MediaJob } from '../media/fetch-media.ts';
import { runDriverTasks } from '../channels/run-driver-tasks.ts';
import type { DriverTask } from '../channels/driver-host.ts';
import { endIdleConversations } from '../conversations/end-conversations.ts';
import { QueueListener } from './queue-listener.ts';
import { QUEUES } from './queues.ts';
import { bossDb, pgSql } from '../db/sql.ts';
import { keepYoungTableStatistics } from '../db/young-table-statistics.ts';
import { LinkSupervisor } from '../channels/link-supervisor.ts';

export type Workers = { stop(deadline: number): Promise<void> };

/** Delivery jobs held at once: up to 6,400 deliveries loaded, far more than the request slots. */
const DELIVERY_JOBS_IN_FLIGHT = 64;

/** Starts every worker this process runs (role `worker` or `all`). */
export async function startWorkers(rt: Runtime, databaseUrl: string): Promise<Workers> {
  const listener = new QueueListener(databaseUrl, rt.log);
  await listener.start();

  const jobsDb = bossDb(pgSql(rt.pool));
  const recorder = new AttemptRecorder(rt.pool, rt.boss, rt.log, rt.config.disableFailingTargetAfterMs);
  const send = createSender({ allowPrivate: rt.config.allowPrivateTargets, connectTimeoutMs: rt.config.connectTimeoutMs, totalTimeoutMs: rt.config.deliveryTimeoutMs });
  // Jobs carry batches (up to 100 deliveries or messages). A delivery job stays in flight until its
  // slowest request ends, so the pump admits many; requests themselves are capped by the semaphore
  // and per target, and a target at its cap defers instead of waiting. Loaded deliveries wait in
  // memory, which bounds how many jobs are worth holding.
  const deliveries = new JobPump<DeliveryJob>(
    rt.boss,
    jobsDb,
    listener,
    { queue: QUEUES.deliverEvent, batchSize: 20, maxInFlight: DELIVERY_JOBS_IN_FLIGHT, idlePollMs: 2000, lingerMs: 10 },
    deliverEvents(rt, { send, recorder, limiter: new TargetLimiter(rt.config.targetConcurrency), slots: new Semaphore(MAX_REQUESTS_IN_FLIGHT) }),
    rt.log,
  );
  recorder.onScheduled = (at) => deliveries.wakeAt(at);
  const driverTasks: JobPump<DriverTask> = new JobPump<DriverTask>(
    rt.boss,
    jobsDb,
    listener,
    { queue: QUEUES.driverTask, batchSize: 10, maxInFlight: 20, idlePollMs: 2000, lingerMs: 20 },
    runDriverTasks(rt, (at) => driverTasks.wakeAt(at)),
    rt.log,
  );
  const sends: JobPump<SendJob> = new JobPump<SendJob>(
    rt.boss,
    jobsDb,
    listener,
    { queue: QUEUES.sendMessage, batchSize: 10, maxInFlight: 20, idlePollMs: 2000, lingerMs: 10 },
    sendMessages(rt, rt.providers, (at) => {
      driverTasks.wakeAt(at);
      sends.wakeAt(at);
    }),
    rt.log,
  );
  const media = new JobPump<MediaJob>(
    rt.boss,
    jobsDb,
    listener,
    { queue: QUEUES.fetchMedia, batchSize: 5, maxInFlight: 10, idlePollMs: 2000, lingerMs: 10 },
    fetchMediaJobs(rt),
    rt.log,
  );
  const pumps = [deliveries, sends, driverTasks, media];
  for (const pump of pumps) pump.start();
  // Devices reached over long-lived links (SMPP) are held and sent through by one worker process each.
  const links = LinkSupervisor.start(rt, databaseUrl);
  listener.onJob(QUEUES.sendMessage, () => links.wake());
  const statistics = keepYoungTableStatistics(rt.pool, rt.log);

  await rt.boss.work(QUEUES.endIdleConversations, async () => {
    await endIdleConversations(rt);
  });
  await rt.boss.schedule(QUEUES.endIdleConversations, '* * * * *');

  await rt.boss.work(QUEUES.resumeStrandedDeliveries, async () => {
    const resumed = await resumeStrandedDeliveries(rt);
    if (resumed) rt.log.warn({ resumed }, 'resumed deliveries whose job was lost');
  });
  await rt.boss.schedule(QUEUES.resumeStrandedDeliveries, '*/5 * * * *');

  await rt.boss.work(QUEUES.housekeeping, async () => {
    await removeOldDeliveries(rt);
  });
  await rt.boss.schedule(QUEUES.housekeeping, '17 * * * *');

  return {
    async stop(deadline) {
      await Promise.all([...pumps.map((p) => p.stop(deadline)), links.stop(deadline)]);
      await statistics.stop();
      await recorder.drain();
      await listener.close();
    },
  };
}
