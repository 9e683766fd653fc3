import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ok } from '../support/graphql.ts';
import { freePort } from '../support/ports.ts';
import { killAll, postmastersOf, ROOT, spawnCommand, stopLeftoverPostgres, waitForReady } from '../support/process.ts';

/**
 * Root in a home directory: a container or a fresh VM runs `npm install && npm start` as root from
 * a clone under /root (mode 700), where the unprivileged user PostgreSQL runs as cannot reach its
 * binaries in node_modules or its cluster in .data.
 */

const RootHomeCreateWorkspace = graphql(`
  mutation RootHomeCreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      name
    }
  }
`);

const ADMIN_KEY_PRINTED = /Admin API key \(shown once[^\n]*\n\s*\n\s*(\S+)/;

const home = mkdtempSync(path.join(os.tmpdir(), 'switchboard-roothome-'));
const clone = path.join(home, 'switchboard');

afterAll(async () => {
  await killAll();
  const dataDir = path.join(clone, '.data');
  await stopLeftoverPostgres(dataDir);
  // The cluster was kept outside the clone; its directory goes too (the shared binaries stay).
  const link = path.join(dataDir, 'postgres');
  if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(path.dirname(readlinkSync(link)), { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

/**
 * What a clone holds after `npm install`: the repository's files as they are in this working tree
 * (committed or not), node_modules as hard links (fast, and really inside the 0700 directory:
 * a symlink would let the test pass through it), and the client `npm install` generates.
 */
function cloneInto(dir: string) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  try {
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), dir]);
  } catch {
    // Another file system than the repository's: a real copy.
    execFileSync('cp', ['-a', path.join(ROOT, 'node_modules'), dir]);
  }
  cpSync(path.join(ROOT, 'src/generated'), path.join(dir, 'src/generated'), { recursive: true });
}

describe('as root, from a clone in a 0700 home directory', () => {
  it('npm start runs Switchboard there with its embedded PostgreSQL, says where the cluster is kept, and stops cleanly on Ctrl-C', async (ctx) => {
    ctx.skip(process.getuid?.() !== 0, 'needs root: this is what a container or a fresh VM running as root does');
    chmodSync(home, 0o700);
    cloneInto(clone);
    // The precondition: only root may pass through the home directory.
    expect(statSync(home).uid).toBe(0);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(lstatSync(path.join(clone, 'node_modules')).isDirectory()).toBe(true);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = spawnCommand('npm', ['start', '--silent'], { PORT: String(port), HOST: '127.0.0.1', SWITCHBOARD_EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' }, clone);
    await waitForReady(proc, url, 180_000);

    const where = proc.logLines().find((l) => typeof l.msg === 'string' && l.msg.includes('cannot reach them where they are'));
    expect(where?.msg, proc.tail()).toMatch(/^the embedded PostgreSQL runs as the postgres OS user, which cannot reach them where they are: its cluster is kept in \/var\/lib\/switchboard\/cluster-\S+\/postgres \(\S+\/\.data\/postgres links to it\) and a copy of its binaries in \/var\/lib\/switchboard\/postgresql-\S+$/);
    const key = (await proc.waitForOutput(ADMIN_KEY_PRINTED, 10_000))[1]!;
    expect((await ok(url, RootHomeCreateWorkspace, { input: { name: 'From /root' } }, { key })).createWorkspace.name).toBe('From /root');

    // Ctrl-C: the whole foreground group (npm, its shell, Switchboard) gets SIGINT.
    process.kill(-proc.pid, 'SIGINT');
    await proc.exitWithin(60_000, 'of Ctrl-C');
    expect(proc.logLines().map((l) => l.msg)).toContain('stopped');
    expect(postmastersOf(path.join(clone, '.data'))).toEqual([]);
  }, 300_000);
});
