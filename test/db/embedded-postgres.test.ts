import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/ports.ts';
import { killAll, ROOT, spawnCommand, stopLeftoverPostgres } from '../support/process.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-exit-code-'));
afterAll(async () => {
  await killAll();
  await stopLeftoverPostgres(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL', () => {
  it('leaves the exit code of the process that ran it alone (a failing `npm test` exits non-zero)', async () => {
    const module = pathToFileURL(path.join(ROOT, 'src/db/embedded-postgres.ts')).href;
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(module)});
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${await freePort()}, password: 'exit-code' });
      await db.stop();
      process.exitCode = 3;
    `;
    const proc = spawnCommand(process.execPath, ['--input-type=module', '-e', script], {});
    const exit = await proc.exited;
    expect(exit, proc.tail()).toEqual({ code: 3, signal: null });
  }, 120_000);

  it('paces autovacuum at 10 ms, so its visits to busy tables do not stall requests', async () => {
    // The suite's server, started by startEmbeddedPostgres (test/support/global-setup.ts).
    const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await client.connect();
    const { rows } = await client.query<{ autovacuum_vacuum_cost_delay: string }>('SHOW autovacuum_vacuum_cost_delay');
    await client.end();
    expect(rows[0]!.autovacuum_vacuum_cost_delay).toBe('10ms');
  });
});
