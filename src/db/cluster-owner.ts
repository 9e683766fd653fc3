import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.ts';

/**
 * Which Switchboard runs a cluster's server: its pid, written beside the cluster once the server
 * is up. A server whose Switchboard was killed keeps running (it is in a process group of its own),
 * and only such an orphan may be stopped by the next start; a running Switchboard's is left alone.
 */
const ownerFile = (cluster: string) => path.join(path.dirname(cluster), `${path.basename(cluster)}.owner`);

export function recordOwner(cluster: string): void {
  writeFileSync(ownerFile(cluster), `${process.pid}\n`);
}

export function forgetOwner(cluster: string): void {
  rmSync(ownerFile(cluster), { force: true });
}

/**
 * Makes the cluster free to start: nothing holds it, or the server holding it is an orphan (stopped
 * here). A server of a running Switchboard is left alone: this start fails, naming that Switchboard.
 */
export async function claimCluster(cluster: string, dataDir: string, log?: Logger): Promise<void> {
  const orphan = orphanedServer(cluster, dataDir);
  if (!orphan) return;
  log?.warn({ pid: orphan, cluster }, 'stopping the embedded PostgreSQL left running by a Switchboard that is gone');
  process.kill(orphan, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(orphan); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(orphan)) throw new Error(`A PostgreSQL (pid ${orphan}) still holds ${cluster}; stop it and start again.`);
}

/** The pid of a server holding the cluster whose Switchboard is gone; throws when a running Switchboard's holds it. */
export function orphanedServer(cluster: string, dataDir: string): number | null {
  const server = runningServer(cluster);
  if (!server) return null;
  const owner = ownerOf(cluster, server);
  if (owner) {
    throw new Error(
      `The data directory ${path.resolve(dataDir)} is in use by another Switchboard (pid ${owner}, its PostgreSQL pid ${server}). ` +
        'Stop that one first, or give this one another SWITCHBOARD_DATA_DIR.',
    );
  }
  return server;
}

/** The pid of the live PostgreSQL holding the cluster (from its postmaster.pid), if any. */
function runningServer(cluster: string): number | null {
  const pidFile = path.join(cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres') ? pid : null;
  } catch {
    return pid; // no /proc (macOS): trust the pid file
  }
}

/** The live Switchboard that started `server`: the recorded owner, if it is still the server's parent. */
function ownerOf(cluster: string, server: number): number | null {
  let owner: number;
  try {
    owner = Number(readFileSync(ownerFile(cluster), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) return null;
  const parent = parentOf(server);
  // A dead owner's pid may have been reused: the orphan's parent is then someone else.
  return parent === null || parent === owner ? owner : null;
}

function parentOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  } catch {
    return null; // no /proc: the owner being alive has to do
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
