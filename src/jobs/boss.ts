import { PgBoss, type Queue, type UpdateQueueOptions } from 'pg-boss';
import type { Logger } from '../log.ts';

export type { PgBoss };

/** The schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = 'pgboss';

type BossOptions = { url: string; queues: Queue[]; superviseSeconds: number; runsWorkers: boolean; log: Logger };

/** Starts pg-boss (installing or migrating its schema) and declares every queue. */
export async function startBoss(o: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: o.url,
    schema: BOSS_SCHEMA,
    max: 6,
    application_name: 'switchboard-jobs',
    // Our job pumps hold their own LISTEN connection (jobs/queue-listener.ts).
    useListenNotify: false,
    // Only workers supervise: they expire jobs of a process that died and schedule cron jobs.
    supervise: o.runsWorkers,
    schedule: o.runsWorkers,
    superviseIntervalSeconds: o.superviseSeconds,
    monitorIntervalSeconds: Math.max(o.superviseSeconds, 10),
    openTelemetry: { enabled: false },
  });
  boss.on('error', (error) => o.log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning: { message?: string }) => o.log.warn({ warning: warning.message }, 'job queue warning'));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const queue of o.queues) {
    const { name, ...options } = queue;
    if (existing.has(name)) await boss.updateQueue(name, updatable(options));
    else await boss.createQueue(name, options).catch(async (error) => {
      // Another process created it in the meantime.
      if (!(await boss.getQueue(name))) throw error;
    });
  }
  return boss;
}

/** createQueue ignores an existing queue; updateQueue takes only some of the options. */
function updatable(options: Omit<Queue, 'name'>): UpdateQueueOptions {
  const { policy: _p, partition: _pa, deadLetter: _d, retryDelayMax: _r, heartbeatSeconds: _h, ...rest } = options;
  return rest;
}
