import { z } from 'zod';

/** Every environment variable Switchboard reads, parsed once. `.env.example` documents each. */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const seconds = z.coerce.number().int().nonnegative();
const positive = z.coerce.number().int().positive();
const secondsList = z
  .string()
  .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, 'must be comma-separated seconds, e.g. 5,300,1800')
  .transform((v) => v.split(',').map((s) => Number(s.trim())));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  SWITCHBOARD_DATA_DIR: z.string().min(1).default('.data'),
  SWITCHBOARD_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SWITCHBOARD_WORKER_THREAD: bool.default(true),
  SWITCHBOARD_WORKER_NICE: z.coerce.number().int().min(0, 'must be 0 to 19').max(19, 'must be 0 to 19').default(0),
  SWITCHBOARD_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  SWITCHBOARD_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  SWITCHBOARD_ALLOW_PRIVATE_TARGETS: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SWITCHBOARD_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SWITCHBOARD_PUBLIC_URL: z.url().optional(),
  SWITCHBOARD_GRAPHIQL: bool.optional(),
  SWITCHBOARD_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  SWITCHBOARD_DB_POOL_SIZE: positive.default(20),
  SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: positive.default(20),
  SWITCHBOARD_JOB_EXPIRE_SECONDS: positive.default(120),
  SWITCHBOARD_JOB_SUPERVISE_SECONDS: positive.default(30),
  SWITCHBOARD_RATE_LIMIT_PER_MINUTE: positive.default(6000),
  // The delivery policy's own defaults apply when these are unset (delivery/delivery-policy.ts).
  SWITCHBOARD_RETRY_SCHEDULE: secondsList.optional(),
  SWITCHBOARD_DISABLE_FAILING_TARGET_AFTER_SECONDS: positive.optional(),
  SWITCHBOARD_DELIVERY_TIMEOUT_MS: positive.optional(),
  SWITCHBOARD_CONNECT_TIMEOUT_MS: positive.optional(),
  SWITCHBOARD_PROVIDER_TIMEOUT_MS: positive.optional(),
  SWITCHBOARD_TARGET_CONCURRENCY: positive.optional(),
  SWITCHBOARD_DELIVERY_RETENTION_DAYS: positive.default(30),
  SWITCHBOARD_CONVERSATION_IDLE_MINUTES: positive.default(24 * 60),
  SWITCHBOARD_SECRET_GRACE_SECONDS: seconds.default(24 * 3600),
  SWITCHBOARD_STATEMENT_COUNTS_DIR: z.string().min(1).optional(),
});

export type Env = z.input<typeof schema>;
export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError naming the variable and its rule. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(e: z.output<typeof schema>) {
  const embedded = e.DATABASE_URL === undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embedded,
    dataDir: e.SWITCHBOARD_DATA_DIR,
    role: e.SWITCHBOARD_ROLE,
    runsApi: e.SWITCHBOARD_ROLE !== 'worker',
    runsWorkers: e.SWITCHBOARD_ROLE !== 'api',
    /** In the `all` role, the workers run on a thread of their own. */
    workerThread: e.SWITCHBOARD_ROLE === 'all' && e.SWITCHBOARD_WORKER_THREAD,
    /** How many nice steps the worker thread runs below the API (Linux): under full CPU the API is served first. */
    workerNice: e.SWITCHBOARD_WORKER_NICE,
    adminKey: e.SWITCHBOARD_ADMIN_KEY,
    secretKey: e.SWITCHBOARD_SECRET_KEY,
    allowPrivateTargets: e.SWITCHBOARD_ALLOW_PRIVATE_TARGETS,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.SWITCHBOARD_EMBEDDED_PG_PORT,
    publicUrl: e.SWITCHBOARD_PUBLIC_URL?.replace(/\/$/, ''),
    graphiql: e.SWITCHBOARD_GRAPHIQL ?? embedded,
    corsOrigins: e.SWITCHBOARD_CORS_ORIGINS,
    dbPoolSize: e.SWITCHBOARD_DB_POOL_SIZE,
    shutdownTimeoutMs: e.SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    jobExpireSeconds: e.SWITCHBOARD_JOB_EXPIRE_SECONDS,
    jobSuperviseSeconds: e.SWITCHBOARD_JOB_SUPERVISE_SECONDS,
    rateLimitPerMinute: e.SWITCHBOARD_RATE_LIMIT_PER_MINUTE,
    /** Overrides of the delivery policy; unset keys keep its defaults. */
    delivery: {
      retryScheduleSeconds: e.SWITCHBOARD_RETRY_SCHEDULE,
      disableFailingTargetAfterSeconds: e.SWITCHBOARD_DISABLE_FAILING_TARGET_AFTER_SECONDS,
      deliveryTimeoutMs: e.SWITCHBOARD_DELIVERY_TIMEOUT_MS,
      connectTimeoutMs: e.SWITCHBOARD_CONNECT_TIMEOUT_MS,
      targetConcurrency: e.SWITCHBOARD_TARGET_CONCURRENCY,
    },
    /** Whole-request timeout of a call to a provider (a send, an activation check); unset keeps the drivers' default. */
    providerTimeoutMs: e.SWITCHBOARD_PROVIDER_TIMEOUT_MS,
    deliveryRetentionDays: e.SWITCHBOARD_DELIVERY_RETENTION_DAYS,
    conversationIdleMs: e.SWITCHBOARD_CONVERSATION_IDLE_MINUTES * 60_000,
    secretGraceSeconds: e.SWITCHBOARD_SECRET_GRACE_SECONDS,
    /** Where each process writes its statement counts by stage (the bench: db/statement-counts.ts). */
    statementCountsDir: e.SWITCHBOARD_STATEMENT_COUNTS_DIR,
  };
}

/** The base URL others reach this Switchboard at: SWITCHBOARD_PUBLIC_URL, else where the API listens. */
export const publicUrlOf = (config: Config) => config.publicUrl ?? `http://localhost:${config.port}`;
