// `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the database from the last migration's schema (the snapshot) to schema.prisma.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { MIGRATIONS_DIR } from '../src/db/migrate.ts';
import { diffSchemas } from './schema-diff.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <name in snake_case>');
  process.exit(1);
}
const snapshotFile = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');
const from = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : null;
const to = readFileSync(path.resolve(import.meta.dirname, '../prisma/schema.prisma'), 'utf8');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'switchboard-migration-'));
const db = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: scratch, port: 54400 + Math.floor(Math.random() * 500), password: 'scratch' });
try {
  const sql = await diffSchemas(process.env.DATABASE_URL ?? db!.adminUrl, from, to);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma matches the migrations: nothing to write');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    writeFileSync(snapshotFile, to);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
