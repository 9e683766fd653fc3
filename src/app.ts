import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { KeyCache } from './auth/authenticate.ts';
import { publicUrlOf, type Config } from './config.ts';
import { SecretBox } from './crypto/secret-box.ts';
import { generatedSecret } from './db/data-dir.ts';
import { connectDatabase, type Database } from './db/database.ts';
import { countStatements } from './db/statement-counts.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.ts';
import { migrate, withStartupLock } from './db/migrate.ts';
import { startBoss, type PgBoss } from './jobs/boss.ts';
import { startWorkerThread } from './worker/worker-thread.ts';
import type { ScheduleOverrides, Workers } from './worker/start-workers.ts';
import { JOBS } from './worker/jobs.ts';
import { queueOf } from './jobs/job-definition.ts';
import { createAcceptor } from './messages/accept-batcher.ts';
import { RateLimiter } from './rate-limit/rate-limiter.ts';
import type { Logger } from './log.ts';
import type { Runtime } from './runtime.ts';
import { createProviderHttp, PROVIDER_TIMEOUTS } from './channels/provider-http.ts';
import { MediaLinks } from './media/media-links.ts';

export type App = {
  rt: Runtime;
  /** Base URL of the HTTP server, when this process runs the API. */
  url: string | null;
  databaseUrl: string;
  /** The admin key generated at first start, if this start generated one. */
  generatedAdminKey: string | null;
  /** Graceful stop; work still running at the deadline (default: the configured shutdown timeout) is cut. */
  stop(deadline?: number): Promise<void>;
};

const EMBEDDED_DATABASE = 'switchboard';

type StartOptions = {
  /** Where `log` writes, so a worker thread's lines can join it. */
  logTo?: NodeJS.WritableStream;
  /** Migrations and the admin key are done (a worker thread starts after its API did both). */
  databasePrepared?: boolean;
  /** Scheduled jobs to run every few milliseconds instead of on their cron (tests). */
  schedules?: ScheduleOverrides;
};

/** Starts Switchboard: database (embedded or not), migrations, job queue, workers and HTTP server per role. */
export async function startApp(config: Config, log: Logger, options: StartOptions = {}): Promise<App> {
  let embedded: EmbeddedDatabase | null = null;
  let db: Database | null = null;
  let boss: PgBoss | null = null;
  let workers: Workers | null = null;
  countStatements(config.statementCountsDir);
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        password: generatedSecret(config.dataDir, 'postgres-password'),
        log,
      });
      databaseUrl = embedded.urlFor(EMBEDDED_DATABASE);
      await createDatabaseIfMissing(embedded.adminUrl, EMBEDDED_DATABASE);
      log.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'embedded PostgreSQL running');
    }
    const secretKey = config.secretKey ?? (config.embedded ? generatedSecret(config.dataDir, 'secret.key') : undefined);
    if (!secretKey) throw new Error('SWITCHBOARD_SECRET_KEY must be set when DATABASE_URL is set (it encrypts secrets at rest)');

    db = await connectDatabase(databaseUrl, config.dbPoolSize, `switchboard-${config.role}`, config.runsApi || !options.databasePrepared);
    const generatedAdminKey = options.databasePrepared ? null : await prepareDatabase(db, config, log);
    boss = await startBoss({
      url: databaseUrl,
      queues: JOBS.map((job) => queueOf(job, config.jobExpireSeconds)),
      superviseSeconds: config.jobSuperviseSeconds,
      runsWorkers: config.runsWorkers && !config.workerThread,
      log,
    });
    const secrets = SecretBox.fromString(secretKey);
    const rt: Runtime = {
      config,
      prisma: db.prisma,
      pool: db.pool,
      boss,
      secrets,
      log,
      keys: new KeyCache(db.pool),
      limiter: new RateLimiter(db.pool),
      accept: createAcceptor(db.pool, boss, secrets),
      providers: createProviderHttp({ allowPrivate: config.allowPrivateTargets, connectTimeoutMs: PROVIDER_TIMEOUTS.connectMs, totalTimeoutMs: config.providerTimeoutMs ?? PROVIDER_TIMEOUTS.totalMs }),
      media: new MediaLinks(secrets, () => publicUrlOf(config), config.deliveryRetentionDays * 86_400_000),
    };

    // Not ready until the workers run too: a supervisor's first signal then finds a process that can stop cleanly.
    let phase: 'starting' | 'running' | 'stopping' = 'starting';
    let server: Server | null = null;
    let url: string | null = null;
    if (config.runsApi) {
      // Loaded only where needed: workers never build the GraphQL schema, the API never loads the senders.
      const [{ createHttpServer }, { restDoors }] = await Promise.all([import('./http/server.ts'), import('./http/routes.ts')]);
      // Live while the embedded PostgreSQL runs or can still be started again; a supervisor restarts a process that is not.
      const live = () => embedded?.healthy() ?? true;
      server = createHttpServer({ rt, routes: restDoors(), ready: () => readiness(rt, () => phase), live });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
      if (!rt.config.publicUrl) rt.config.publicUrl = url;
    }
    // After the server listens, so the workers know the public URL (drivers give providers their callback URL).
    workers = config.workerThread
      ? await startWorkerThread({ config, databaseUrl, secretKey, log, logTo: options.logTo, schedules: options.schedules })
      : config.runsWorkers
        ? await (await import('./worker/start-workers.ts')).startWorkers(rt, databaseUrl, options.schedules)
        : null;

    const stop = async (deadline = Date.now() + config.shutdownTimeoutMs) => {
      if (phase === 'stopping') return;
      phase = 'stopping';
      await shutdown({ server, workers, boss: boss!, db: db!, embedded, deadline, log });
    };
    phase = 'running';
    return { rt, url, databaseUrl, generatedAdminKey, stop };
  } catch (error) {
    await workers?.stop(Date.now()).catch(() => undefined);
    await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
    await db?.close();
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** Migrations and the bootstrap admin key, one process at a time. */
async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<string | null> {
  const client = await db.pool.connect();
  try {
    return await withStartupLock(client, async () => {
      const applied = await migrate(client);
      if (applied.length) log.info({ migrations: applied }, 'applied database migrations');
      const { ensureAdminKey } = await import('./auth/api-keys.ts');
      return ensureAdminKey(db, config.adminKey, true);
    });
  } finally {
    client.release();
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created by a concurrent start
    });
  } finally {
    await client.end();
  }
}

async function readiness(rt: Runtime, phase: () => 'starting' | 'running' | 'stopping') {
  const checks: Record<string, string> = {};
  if (phase() === 'starting') checks.process = 'starting';
  if (phase() === 'stopping') checks.process = 'shutting down';
  try {
    await rt.pool.query('SELECT 1');
    checks.database = 'ok';
  } catch {
    checks.database = 'unreachable';
  }
  try {
    await rt.boss.getQueue('message-send');
    checks.queue = 'ok';
  } catch {
    checks.queue = 'unavailable';
  }
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}

/**
 * Stops intake, lets in-flight requests and jobs finish within the timeout, then closes pools.
 * Connections still open at the deadline are cut.
 */
async function shutdown(o: { server: Server | null; workers: Workers | null; boss: PgBoss; db: Database; embedded: EmbeddedDatabase | null; deadline: number; log: Logger }) {
  const { deadline } = o;
  o.log.info('shutting down: no new work accepted');
  const httpClosed = o.server
    ? new Promise<void>((resolve) => {
        o.server!.close(() => resolve());
        o.server!.closeIdleConnections();
      })
    : Promise.resolve();
  const timer = setTimeout(() => o.server?.closeAllConnections(), Math.max(0, deadline - Date.now()));
  await Promise.all([httpClosed, o.workers?.stop(deadline)]);
  await Promise.all([
    o.boss.stop({ graceful: true, close: true, timeout: Math.max(1000, deadline - Date.now()) }).catch(() => undefined),
  ]);
  clearTimeout(timer);
  await o.db.close();
  await o.embedded?.stop().catch(() => undefined);
  o.log.info('stopped');
}
