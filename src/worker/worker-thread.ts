import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { describeError, type Logger } from '../log.ts';
import type { ScheduleOverrides, Workers } from './start-workers.ts';

type Options = {
  config: Config;
  databaseUrl: string;
  secretKey: string;
  log: Logger;
  /** Where the thread's log lines go; unset, it writes to stdout itself. */
  logTo?: NodeJS.WritableStream;
  schedules?: ScheduleOverrides | undefined;
};

/** What the thread is started with (structured-clone data only). */
export type WorkerThreadData = { config: Config; forwardLogs: boolean; schedules: ScheduleOverrides };
export type WorkerThreadMessage = { log: string } | { ready: true };

// The thread's heap is bounded like the main one's (`npm start` sets --max-old-space-size).
// Without an explicit young generation V8 picks a tiny one under resourceLimits, and scavenges all the time.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 12 };
const RESTART_DELAY_MS = 1000;
// Run from src/ or from the build in dist/: the entry beside this file has this file's extension.
const ENTRY = new URL(`./worker-thread-entry${path.extname(import.meta.filename)}`, import.meta.url);

/**
 * In the `all` role the workers run on a thread of their own, exactly as a `worker` process
 * would: the API's event loop then answers requests while batches of sends and deliveries run
 * beside it, on the second core. A thread that dies is started again.
 */
export async function startWorkerThread(o: Options): Promise<Workers & { readonly thread: Worker }> {
  const data: WorkerThreadData = {
    config: { ...o.config, role: 'worker', runsApi: false, runsWorkers: true, workerThread: false, embedded: false, databaseUrl: o.databaseUrl, secretKey: o.secretKey },
    forwardLogs: Boolean(o.logTo),
    schedules: o.schedules ?? {},
  };
  let stopping = false;
  let current: { worker: Worker; exited: Promise<unknown> };

  const start = async (): Promise<void> => {
    const worker = new Worker(ENTRY, { workerData: data, resourceLimits: RESOURCE_LIMITS });
    current = { worker, exited: once(worker, 'exit') };
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: WorkerThreadMessage) => {
        if ('log' in m) o.logTo?.write(m.log);
        else if ('ready' in m) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker thread exited with code ${code} while starting`)));
    });
    await ready;
    worker.on('error', (error) => o.log.error({ err: describeError(error) }, 'worker thread failed'));
    worker.once('exit', (code) => {
      if (stopping) return;
      o.log.error({ code }, 'the worker thread stopped unexpectedly; starting it again');
      setTimeout(() => {
        if (!stopping) start().catch((error: unknown) => o.log.fatal({ err: describeError(error) }, 'the worker thread could not start again'));
      }, RESTART_DELAY_MS).unref();
    });
  };

  await start();
  return {
    get thread() {
      return current.worker;
    },
    async stop(deadline) {
      stopping = true;
      const { worker, exited } = current;
      worker.postMessage({ stop: deadline });
      // Past the deadline (and a moment for its own shutdown to give up), the thread is ended.
      const kill = setTimeout(() => void worker.terminate(), Math.max(0, deadline - Date.now()) + 2000);
      await exited;
      clearTimeout(kill);
    },
  };
}
