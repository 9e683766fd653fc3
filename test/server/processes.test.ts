import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/db/migrate.ts';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, SECRET_KEY } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';
import { freePort } from '../support/ports.ts';
import { killAll, spawnNode, stopLeftoverPostgres, waitForReady, type Proc } from '../support/process.ts';

const ProcCreateWorkspace = graphql(`
  mutation ProcCreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      name
    }
  }
`);

const ProcWorkspace = graphql(`
  query ProcWorkspace($id: Int!) {
    workspace(id: $id) {
      id
      name
    }
  }
`);

const SHUTDOWN_TIMEOUT_SECONDS = 10;

const databases: { drop(): Promise<void> }[] = [];
const dataDirs: string[] = [];

afterAll(async () => {
  await killAll();
  for (const dir of dataDirs) {
    await stopLeftoverPostgres(dir);
    rmSync(dir, { recursive: true, force: true });
  }
  for (const db of databases) await db.drop();
});

/** Environment for a Switchboard process on an existing PostgreSQL. */
async function serverEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHBOARD_SECRET_KEY: SECRET_KEY,
      SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
      SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
      LOG_LEVEL: 'info',
      ...extra,
    },
  };
}

async function query<R>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}

/** SIGTERM: each process finishes its shutdown (logs "stopped") and exits 0 within the shutdown timeout. */
async function stopGracefully(procs: Proc[]) {
  const exits = await Promise.all(procs.map((p) => p.stop('SIGTERM', (SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000)));
  procs.forEach((p, i) => {
    expect(exits[i]!.code, `exit of process ${p.pid}\n${p.tail()}`).toBe(0);
    expect(exits[i]!.ms).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5_000);
    expect(p.logLines().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: no new work accepted', 'stopped']));
  });
}

const ADMIN_KEY_PRINTED = /Admin API key \(shown once[^\n]*\n\s*\n\s*(\S+)/;

describe('running Switchboard as processes', () => {
  it('two processes starting at once on one fresh, empty database both become ready, and the migrations are applied exactly once', async () => {
    const db = await createTestDatabase({ empty: true });
    databases.push(db);
    const a = await serverEnv(db.url);
    const b = await serverEnv(db.url);
    const procs = [spawnNode(a.env), spawnNode(b.env)];
    await Promise.all([waitForReady(procs[0]!, a.url), waitForReady(procs[1]!, b.url)]);

    const fromA = await ok(a.url, ProcCreateWorkspace, { input: { name: 'Created through A' } });
    const fromB = await ok(b.url, ProcCreateWorkspace, { input: { name: 'Created through B' } });
    // Both processes share one database: each sees what the other wrote.
    expect((await ok(b.url, ProcWorkspace, { id: fromA.createWorkspace.id })).workspace.name).toBe('Created through A');
    expect((await ok(a.url, ProcWorkspace, { id: fromB.createWorkspace.id })).workspace.name).toBe('Created through B');

    const rows = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      db.url,
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    await Promise.all(procs.map((p) => p.stop('SIGTERM', (SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000)));
  }, 180_000);

  it('on SIGTERM with DATABASE_URL, finishes its shutdown and exits 0 within the shutdown timeout', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const { url, env } = await serverEnv(db.url);
    const proc = spawnNode(env);
    await waitForReady(proc, url);
    await ok(url, ProcCreateWorkspace, { input: { name: 'Before the stop' } });
    await stopGracefully([proc]);
  }, 120_000);

  it('keeps its data across a stop and a start in embedded mode, printing a generated admin key once', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-embedded-'));
    dataDirs.push(dataDir);
    const embeddedEnv = async () => {
      const port = await freePort();
      return {
        url: `http://127.0.0.1:${port}`,
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          SWITCHBOARD_DATA_DIR: dataDir,
          SWITCHBOARD_EMBEDDED_PG_PORT: String(await freePort()),
          SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
          LOG_LEVEL: 'info',
        },
      };
    };

    const first = await embeddedEnv();
    const one = spawnNode(first.env);
    await waitForReady(one, first.url, 150_000);
    const key = (await one.waitForOutput(ADMIN_KEY_PRINTED, 10_000))[1]!;
    expect(key).toMatch(/^sba_/);
    // Printed for the operator, never written to the log.
    expect(one.stdout).not.toContain(key);
    expect(one.stdout + one.stderr).toMatch(/GraphiQL at http:\/\/127\.0\.0\.1:\d+\/graphql/);

    const created = (await ok(first.url, ProcCreateWorkspace, { input: { name: 'Survives a restart' } }, { key })).createWorkspace;

    await stopGracefully([one]);

    const second = await embeddedEnv();
    const two = spawnNode(second.env);
    await waitForReady(two, second.url, 150_000);
    expect((await ok(second.url, ProcWorkspace, { id: created.id }, { key })).workspace).toEqual({ id: created.id, name: 'Survives a restart' });
    expect(two.stderr).not.toMatch(/Admin API key/);
    expect(two.stdout + two.stderr).not.toContain(key);
    // A made-up key is still refused: the restart did not open the door.
    expect(codeOf(await execute(second.url, ProcWorkspace, { id: created.id }, { key: `${key}x` }))).toBe('UNAUTHENTICATED');

    await stopGracefully([two]);
  }, 360_000);

  it('refuses to start on a bad configuration value, naming the variable', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'abc' }, 'PORT'],
      [{ SWITCHBOARD_ROLE: 'boss' }, 'SWITCHBOARD_ROLE'],
      [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
      [{ SWITCHBOARD_ADMIN_KEY: 'short' }, 'SWITCHBOARD_ADMIN_KEY'],
      [{ SWITCHBOARD_WORKER_NICE: '20' }, 'SWITCHBOARD_WORKER_NICE: must be 0 to 19'],
    ];
    const started = await Promise.all(cases.map(async ([bad, variable]) => ({ proc: spawnNode((await serverEnv(db.url, bad)).env), variable })));
    for (const { proc, variable } of started) {
      const exit = await Promise.race([proc.exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
      expect(exit, `${variable}: still running\n${proc.tail()}`).not.toBeNull();
      expect(exit!.code, proc.tail()).not.toBe(0);
      expect(exit!.code, proc.tail()).not.toBeNull();
      expect(proc.stderr).toMatch(new RegExp(`\\b${variable}\\b`));
      // It stopped before serving anything.
      expect(proc.stdout).not.toMatch(/Switchboard is ready/);
    }
  }, 120_000);

  it('warns at start-up, in one line, that webhooks may reach private addresses when SWITCHBOARD_ALLOW_PRIVATE_TARGETS is on', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const on = await serverEnv(db.url, { SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true' });
    const off = await serverEnv(db.url);
    const procs = [spawnNode(on.env), spawnNode(off.env)];
    await Promise.all([waitForReady(procs[0]!, on.url), waitForReady(procs[1]!, off.url)]);
    await Promise.all(procs.map((p) => p.waitForOutput(/"msg":"running"/, 30_000)));

    const warnings = (p: Proc) => p.logLines().filter((l) => l.level === 40 && /SWITCHBOARD_ALLOW_PRIVATE_TARGETS/.test(String(l.msg)));
    expect(warnings(procs[0]!).map((l) => l.msg)).toEqual([
      'SWITCHBOARD_ALLOW_PRIVATE_TARGETS is on: webhooks may reach private, loopback and link-local addresses (this machine and its network)',
    ]);
    expect(warnings(procs[1]!)).toEqual([]);
    await stopGracefully(procs);
  }, 180_000);

  it('runs the API alone with SWITCHBOARD_ROLE=api, and a worker with SWITCHBOARD_ROLE=worker that serves no HTTP', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const api = await serverEnv(db.url, { SWITCHBOARD_ROLE: 'api' });
    const worker = await serverEnv(db.url, { SWITCHBOARD_ROLE: 'worker' });
    const apiProc = spawnNode(api.env);
    const workerProc = spawnNode(worker.env);
    await waitForReady(apiProc, api.url);
    await workerProc.waitForOutput(/"role":"worker"[^\n]*"msg":"running"|"msg":"running"[^\n]*"role":"worker"/, 90_000);

    const created = await ok(api.url, ProcCreateWorkspace, { input: { name: 'API role' } });
    expect(created.createWorkspace.name).toBe('API role');

    for (const path of ['/healthz', '/graphql']) {
      const answer = await fetch(`${worker.url}${path}`, { signal: AbortSignal.timeout(5_000) }).then(
        (res) => `HTTP ${res.status}`,
        (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
      );
      expect(answer, `the worker answered ${path}`).toBe('ECONNREFUSED');
    }
    expect(workerProc.exit).toBeNull();

    await Promise.all([apiProc, workerProc].map((p) => p.stop('SIGTERM', (SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000)));
  }, 180_000);
});
