import { test as base } from 'vitest';
import type { ScheduleOverrides } from '../../src/worker/start-workers.ts';
import { startTestApp } from './app.ts';
import { device, workspace } from './fixtures.ts';
import { Receiver } from './receiver.ts';

/**
 * The test API with Switchboard's fixtures: `app` (the real app on its own database, with `env`)
 * and `receiver` once per file, since starting them dominates a file's setup; `ws` (a workspace
 * with a key of its own) and `dev` (an active simulator SMS device in it) fresh for each test.
 * Each is set up only when a test or hook asks for it, and stopped after the file.
 *
 * The app runs its workers on its own event loop unless `env` says otherwise: a worker thread loads
 * its own copy of every module, seconds per file on this machine. Tests that measure time or the
 * thread itself (pacing, worker-thread, the process tests) keep the product's default, the thread.
 */
export function appTest(env: Record<string, string> = {}, options: { schedules?: ScheduleOverrides } = {}) {
  return base
    .extend('receiver', { scope: 'file' }, server(() => Receiver.start()))
    .extend('app', { scope: 'file' }, async ({}, { onCleanup }) => {
      const app = await startTestApp({ SWITCHBOARD_WORKER_THREAD: 'false', ...env }, undefined, options);
      onCleanup(async () => {
        await app.stop();
        await app.dropDatabase();
      });
      return app;
    })
    .extend('ws', async ({ app }) => workspace(app))
    .extend('dev', async ({ app, ws }) => device(app, ws));
}

/**
 * A file-scoped fixture of a local server (the receiver, a provider fake): started when a test or
 * hook first asks for it, stopped after the file.
 * `appTest().extend('fake', { scope: 'file' }, server(() => FakeTwilio.start()))`
 */
export function server<T extends { stop(): Promise<unknown> }>(start: () => Promise<T>) {
  return async ({}: object, { onCleanup }: { onCleanup: (cleanup: () => Promise<void>) => void }): Promise<T> => {
    const started = await start();
    onCleanup(async () => {
      await started.stop();
    });
    return started;
  };
}
