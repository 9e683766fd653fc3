import os from 'node:os';
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { startApp } from '../app.ts';
import { createLogger, describeError } from '../log.ts';
import type { WorkerThreadData, WorkerThreadMessage } from './worker-thread.ts';

// The worker side of worker/worker-thread.ts: a `worker` role app on this thread.
const { config, forwardLogs, schedules } = workerData as WorkerThreadData;
const post = (m: WorkerThreadMessage) => parentPort!.postMessage(m);
const toParent = new Writable({
  write(chunk: Buffer, _encoding, done) {
    post({ log: chunk.toString('utf8') });
    done();
  },
});
const log = createLogger(config.logLevel, forwardLogs ? toParent : undefined);
// On Linux a nice value belongs to a thread: this lowers the workers' priority and not the API's
// (elsewhere it would renice the whole process). Relative to the process's own, so always allowed.
if (config.workerNice > 0 && process.platform === 'linux') {
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + config.workerNice));
  } catch (error) {
    log.warn({ err: describeError(error) }, "could not lower the worker thread's CPU priority");
  }
}
const app = await startApp(config, log, { databasePrepared: true, schedules });
parentPort!.on('message', (m: { stop?: number }) => {
  if (m.stop === undefined) return;
  void app.stop(m.stop).finally(() => process.exit(0));
});
post({ ready: true });
