import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import { freePort } from './ports.ts';

export const TEMPLATE_DATABASE = 'switchboard_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresUrlPattern: string;
  }
}

/**
 * One real PostgreSQL for the whole run, with a template database that already holds our
 * migrations and pg-boss' schema. Each test file clones it (CREATE DATABASE … TEMPLATE, tens of ms).
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-pg-'));
  const db = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    password: 'test',
    // Durability across an OS crash is not what these tests are about; speed is.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 400 },
  });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const template = new pg.Client({ connectionString: db.urlFor(TEMPLATE_DATABASE) });
  await template.connect();
  await migrate(template);
  await template.end();
  const boss = new PgBoss({ connectionString: db.urlFor(TEMPLATE_DATABASE), schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: true });

  project.provide('postgresAdminUrl', db.adminUrl);
  project.provide('postgresUrlPattern', db.urlFor('{database}'));
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
