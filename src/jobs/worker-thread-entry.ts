import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { startApp } from '../app.ts';
import { createLogger } from '../log.ts';
import type { WorkerThreadData, WorkerThreadMessage } from './worker-thread.ts';

// The worker side of jobs/worker-thread.ts: a `worker` role app on this thread.
const { config, forwardLogs } = workerData as WorkerThreadData;
const post = (m: WorkerThreadMessage) => parentPort!.postMessage(m);
const toParent = new Writable({
  write(chunk: Buffer, _encoding, done) {
    post({ log: chunk.toString('utf8') });
    done();
  },
});
const log = createLogger(config.logLevel, forwardLogs ? toParent : undefined);
const app = await startApp(config, log, { databasePrepared: true });
parentPort!.on('message', (m: { stop?: number }) => {
  if (m.stop === undefined) return;
  void app.stop(m.stop).finally(() => process.exit(0));
});
post({ ready: true });
