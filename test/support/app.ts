import { Writable } from 'node:stream';
import { startApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { ScheduleOverrides } from '../../src/worker/start-workers.ts';
import { createTestDatabase } from './database.ts';

export const ADMIN_KEY = 'sba_test_admin_key_0123456789abcdef';
export const SECRET_KEY = 'a'.repeat(64);

/** Every line the app logged, to assert what never appears in them. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export type TestApp = App & { url: string; logs: LogSink; databaseUrl: string; dropDatabase(): Promise<void> };

/**
 * The real Switchboard (HTTP server, pg-boss workers) on a fresh database, configured for tests;
 * `schedules` runs scheduled jobs every few ms instead of on their cron.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  database?: { url: string; drop(): Promise<void> },
  options: { schedules?: ScheduleOverrides } = {},
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    SWITCHBOARD_JOB_SUPERVISE_SECONDS: '2',
    SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: '5',
    LOG_LEVEL: 'info',
    ...env,
  });
  const logs = new LogSink();
  const app = await startApp(config, createLogger(config.logLevel, logs), { logTo: logs, ...options });
  return {
    ...app,
    url: app.url!,
    logs,
    databaseUrl: db.url,
    async dropDatabase() {
      await db.drop();
    },
  };
}
