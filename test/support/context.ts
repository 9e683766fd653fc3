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
 */
export function appTest(env: Record<string, string | undefined> = {}, options: { schedules?: ScheduleOverrides } = {}) {
  return base
    .extend('receiver', { scope: 'file' }, async ({}, { onCleanup }) => {
      const receiver = await Receiver.start();
      onCleanup(() => receiver.stop());
      return receiver;
    })
    .extend('app', { scope: 'file' }, async ({}, { onCleanup }) => {
      const app = await startTestApp(env, undefined, options);
      onCleanup(async () => {
        await app.stop();
        await app.dropDatabase();
      });
      return app;
    })
    .extend('ws', async ({ app }) => workspace(app))
    .extend('dev', async ({ app, ws }) => device(app, ws));
}
