import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { ok } from '../support/graphql.ts';
import { freePort } from '../support/ports.ts';
import { embeddedEnv, killAll, postmasterPid, postmastersOf, spawnNode, startEmbeddedSwitchboard, stopLeftoverPostgres, waitForReady } from '../support/process.ts';
import { Receiver } from '../support/receiver.ts';
import { eventually } from '../support/wait.ts';

/** The embedded PostgreSQL under a running Switchboard: Ctrl-C, a killed server, a second start. */

const LifecycleCreateWorkspace = graphql(`
  mutation LifecycleCreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      name
    }
  }
`);

const dataDirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-lifecycle-'));
  dataDirs.push(dir);
  return dir;
};

afterAll(async () => {
  await killAll();
  for (const dir of dataDirs) {
    await stopLeftoverPostgres(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('Ctrl-C in a terminal', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('SIGINT to the whole process group lets work in flight finish on a running PostgreSQL, exits 0, and leaves no PostgreSQL behind', async () => {
    const dataDir = newDataDir();
    const { proc, url } = await startEmbeddedSwitchboard(dataDir);
    const api = { url } as TestApp;
    const ws = await workspace(api, { webhookUrl: `${receiver.url}/ctrl-c` });
    await device(api, ws, { channel: 'SMS' });
    // The first status callback is held for 3 s after it arrives: a delivery is in flight when the signal comes.
    const arrived = Promise.withResolvers<void>();
    receiver.respond((req) => {
      if (req.path !== '/ctrl-c') return undefined;
      arrived.resolve();
      return { status: 200, delayMs: 3_000 };
    });
    const r = await postWebhook(api, { location_id: ws.locationId, phone: phone(), message: 'before Ctrl-C', message_id: 'ctrl-c-1', channel: 'sms' }, ws.key);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await arrived.promise;

    // What a terminal does on Ctrl-C: the signal goes to every process of the foreground group.
    process.kill(-proc.pid, 'SIGINT');
    const exit = await proc.exitWithin(60_000, 'of Ctrl-C');

    expect(exit.code, proc.tail()).toBe(0);
    expect(proc.logLines().map((l) => l.msg)).toContain('stopped');
    expect(proc.stdout + proc.stderr).not.toMatch(/57P01|job queue error/);
    expect(postmastersOf(dataDir)).toEqual([]);
  }, 240_000);

  it('during start-up ends the process, and its PostgreSQL stops too', async () => {
    const dataDir = newDataDir();
    const proc = spawnNode((await embeddedEnv(dataDir)).env);
    await proc.waitForOutput(/"msg":"embedded PostgreSQL running"/, 150_000);
    process.kill(-proc.pid, 'SIGINT');
    await proc.exitWithin(60_000, 'of Ctrl-C');
    // The precondition: the signal came before Switchboard was ready.
    expect(proc.stdout).not.toMatch(/Switchboard is ready/);
    await eventually(async () => postmastersOf(dataDir), (pids) => pids.length === 0, 'no PostgreSQL on the cluster', 60_000);
  }, 240_000);
});

describe('an embedded PostgreSQL that dies', () => {
  it('is started again, with both said in the log: /readyz answers 200 again, the API answers and messages are sent', async () => {
    const receiver = await Receiver.start();
    try {
      const dataDir = newDataDir();
      const { proc, url } = await startEmbeddedSwitchboard(dataDir);
      const killed = postmasterPid(dataDir)!;
      process.kill(killed, 'SIGKILL');

      // A new server holds the cluster; until then /readyz may still see the old one's last backends.
      await eventually(async () => postmasterPid(dataDir), (pid) => pid !== null && pid !== killed && postmastersOf(dataDir).includes(pid), 'a new PostgreSQL on the cluster', 90_000);
      await waitForReady(proc, url, 90_000);
      const created = await ok(url, LifecycleCreateWorkspace, { input: { name: 'After the restart' } }, { key: ADMIN_KEY });
      expect(created.createWorkspace.name).toBe('After the restart');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      const api = { url } as TestApp;
      const ws = await workspace(api, { webhookUrl: `${receiver.url}/after-restart` });
      await device(api, ws, { channel: 'SMS' });
      const r = await postWebhook(api, { location_id: ws.locationId, phone: phone(), message: 'after the restart', message_id: 'after-restart-1', channel: 'sms' }, ws.key);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await receiver.waitFor((rs) => rs.some((q) => q.json?.message_id === 'after-restart-1' && q.json?.status === 'SENT'), 60_000, 'SENT after the restart');

      const said = proc.logLines();
      expect(said).toContainEqual(expect.objectContaining({ level: 50, msg: 'the embedded PostgreSQL stopped unexpectedly; starting it again', exit: 'SIGKILL' }));
      expect(said).toContainEqual(expect.objectContaining({ msg: 'the embedded PostgreSQL is running again' }));
    } finally {
      await receiver.stop();
    }
  }, 240_000);

  it('while it cannot be started again /healthz answers 503 (a supervisor restarts the process); once it can, it is started again', async () => {
    const dataDir = newDataDir();
    const { proc, url } = await startEmbeddedSwitchboard(dataDir);
    const conf = path.join(dataDir, 'postgres', 'postgresql.conf');
    const good = readFileSync(conf, 'utf8');
    writeFileSync(conf, `${good}\nthis line is not a setting\n`);
    process.kill(postmasterPid(dataDir)!, 'SIGKILL');

    const health = async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status;
    await eventually(health, (status) => status === 503, '/healthz 503', 120_000);
    expect(proc.logLines()).toContainEqual(expect.objectContaining({ msg: 'the embedded PostgreSQL could not be started again; trying again', attempt: 3 }));

    writeFileSync(conf, good);
    await waitForReady(proc, url, 120_000);
    expect(await health()).toBe(200);
  }, 300_000);
});

describe('a second start on the same data directory', () => {
  it('fails with one line naming the Switchboard that uses it, and leaves that one and its PostgreSQL running', async () => {
    const dataDir = newDataDir();
    const first = await startEmbeddedSwitchboard(dataDir);
    const server = postmasterPid(dataDir);

    // The same command again, on another HTTP port.
    const second = spawnNode({ ...first.env, PORT: String(await freePort()) });
    const exit = await second.exitWithin(120_000, 'of its start');
    expect(exit.code, second.tail()).not.toBe(0);
    expect(exit.code, second.tail()).not.toBeNull();
    const said = second.stderr.split('\n').filter((l) => l.includes('in use'));
    expect(said).toEqual([
      `Switchboard could not start: The data directory ${dataDir} is in use by another Switchboard (pid ${first.proc.pid}, its PostgreSQL pid ${server}). ` +
        'Stop that one first, or give this one another SWITCHBOARD_DATA_DIR.',
    ]);

    expect(postmasterPid(dataDir)).toBe(server);
    await waitForReady(first.proc, first.url, 30_000);
    expect((await ok(first.url, LifecycleCreateWorkspace, { input: { name: 'Still served' } }, { key: ADMIN_KEY })).createWorkspace.name).toBe('Still served');
  }, 240_000);
});
