import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerThread } from '../../src/worker/worker-thread.ts';
import { startTestApp, SECRET_KEY, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { eventsOn } from '../support/messaging.ts';
import { Receiver } from '../support/receiver.ts';
import { eventually } from '../support/wait.ts';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await Receiver.start();
});
afterAll(async () => {
  await receiver?.stop();
});

/** Sends a message and waits for its seed 000 STATUS-UPDATE (SENT) at the receiver. */
async function sendsAndReports(app: TestApp, path: string) {
  const ws = await workspace(app, { webhookUrl: `${receiver.url}${path}` });
  await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } });
  const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: `m-${path}`, channel: 'sms' }, ws.key);
  expect(sent.status).toBe(200);
  const [status] = await eventsOn(receiver, path, 1);
  expect(status!.json).toMatchObject({ type: 'STATUS-UPDATE', message_id: `m-${path}`, status: 'SENT' });
}

/** This process's threads, by name, with their nice values (Linux keeps one per thread). */
function threadPriorities(): { tid: number; name: string; nice: number }[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      return []; // ended meanwhile
    }
    // The name is in parentheses and may hold spaces; nice is the 17th field after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [{ tid: Number(tid), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(fields[16]) }];
  });
}

describe('the all role', () => {
  it.runIf(process.platform === 'linux')('runs the workers SWITCHBOARD_WORKER_NICE nice steps below the API, at its priority by default', async () => {
    const apiNice = () => threadPriorities().find((t) => t.tid === process.pid)!.nice;
    const before = apiNice();
    for (const [env, lower] of [[{ SWITCHBOARD_WORKER_NICE: '5' }, 5], [{ SWITCHBOARD_WORKER_NICE: '19' }, 19], [{}, 0]] as const) {
      const app = await startTestApp(env);
      try {
        const workerThreads = threadPriorities().filter((t) => t.name === 'WorkerThread');
        expect(workerThreads, JSON.stringify(env)).toHaveLength(1);
        expect(workerThreads[0]!.nice, JSON.stringify(env)).toBe(Math.min(19, before + lower));
        // That the workers run is the next test's: a niced thread on a busy machine sends when it gets a core.
        expect(apiNice(), 'the API thread keeps its priority').toBe(before);
      } finally {
        await app.stop();
        await app.dropDatabase();
      }
    }
  }, 180_000);

  it('runs the workers on a thread of its own by default, or on the API event loop when told', async () => {
    for (const [env, path] of [[{}, '/thread'], [{ SWITCHBOARD_WORKER_THREAD: 'false' }, '/same-loop']] as const) {
      const app = await startTestApp(env);
      try {
        expect(app.rt.config.workerThread).toBe(path === '/thread');
        await sendsAndReports(app, path);
      } finally {
        await app.stop();
        await app.dropDatabase();
      }
    }
  });

  it('starts a worker thread that died again, and the work goes on', async () => {
    // An API-only app plus a worker thread beside it: what the all role runs, with the thread in reach.
    const app = await startTestApp({ SWITCHBOARD_ROLE: 'api' });
    const workers = await startWorkerThread({ config: app.rt.config, databaseUrl: app.databaseUrl, secretKey: SECRET_KEY, log: app.rt.log, logTo: app.logs });
    try {
      const first = workers.thread;
      await first.terminate();
      await eventually(
        async () => workers.thread,
        (thread) => thread !== first && thread.threadId > 0,
        'a new worker thread',
      );
      expect(app.logs.text).toContain('the worker thread stopped unexpectedly; starting it again');
      await sendsAndReports(app, '/after-restart');
    } finally {
      await workers.stop(Date.now() + 5000);
      await app.stop();
      await app.dropDatabase();
    }
  });
});
