import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../../src/db/migrate.ts';
import { diffSchemas } from '../../scripts/schema-diff.ts';
import { createTestDatabase } from '../support/database.ts';

const SCHEMA_FILE = path.resolve(MIGRATIONS_DIR, '../schema.prisma');
const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

type Db = { url: string; drop(): Promise<void> };
const databases: Db[] = [];
const scratchDirs: string[] = [];

async function emptyDatabase(): Promise<Db> {
  const db = await createTestDatabase({ empty: true });
  databases.push(db);
  return db;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations to change without touching the real one. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-migrations-'));
  scratchDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/**
 * What a database looks like, from the catalogs: tables, columns (type, nullability, default,
 * identity, generated), indexes (their full definitions, partial WHERE included), constraints
 * (primary, unique, foreign keys with their actions, checks), enums and their values, sequences.
 * Prisma's own bookkeeping table is left out.
 */
async function catalog(url: string) {
  return withClient(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      tables: await q(`
        SELECT c.relname AS table, c.relkind AS kind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> '_prisma_migrations'`),
      columns: await q(`
        SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
               a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
               a.attidentity AS identity, a.attgenerated AS generated, co.collname AS collation
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 AND co.collname <> 'default'
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`),
      indexes: await q(`
        SELECT tablename AS table, indexname AS index, indexdef AS definition
        FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await q(`
        SELECT c.relname AS table, con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS definition,
               con.condeferrable AS deferrable, con.condeferred AS deferred
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`),
      enums: await q(`
        SELECT t.typname AS enum, array_agg(e.enumlabel::text ORDER BY e.enumlabel::text) AS "values"
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      sequences: await q(`
        SELECT sequencename AS sequence, data_type AS type, increment_by, min_value, max_value, cycle
        FROM pg_sequences WHERE schemaname = 'public'`),
    };
  });
}

let migrated: Db;
let fromSchema: Db;
let firstRun: string[];

beforeAll(async () => {
  [migrated, fromSchema] = await Promise.all([emptyDatabase(), emptyDatabase()]);
  firstRun = await withClient(migrated.url, (c) => migrate(c));
  const sql = await diffSchemas(fromSchema.url, null, readFileSync(SCHEMA_FILE, 'utf8'));
  expect(sql).toMatch(/CREATE TABLE/);
  await withClient(fromSchema.url, (c) => c.query(sql));
}, 120_000);

afterAll(async () => {
  for (const db of databases) await db.drop();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('prisma/schema.prisma and prisma/migrations describe the same database', async () => {
    const [a, b] = await Promise.all([catalog(migrated.url), catalog(fromSchema.url)]);
    expect(a.tables.length).toBeGreaterThan(5);
    // Spot checks that the comparison sees what matters: a partial unique index and an enum.
    expect(a.indexes.join('\n')).toMatch(/devices_active_sender_key.*WHERE/);
    expect(a.enums.join('\n')).toMatch(/"enum":"Channel"/);
    expect(a.constraints.join('\n')).toMatch(/FOREIGN KEY/);
    for (const part of ['tables', 'columns', 'indexes', 'constraints', 'enums', 'sequences'] as const) {
      expect.soft(a[part], `${part}: from the migrations (received) vs from schema.prisma (expected)`).toEqual(b[part]);
    }
  });

  it('the snapshot new migrations are diffed from equals prisma/schema.prisma', () => {
    expect(readFileSync(SNAPSHOT_FILE, 'utf8')).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('applies every migration once, records it, and applies nothing when run again', async () => {
    expect(firstRun).toEqual(readMigrations().map((m) => m.name));
    const again = await withClient(migrated.url, (c) => migrate(c));
    expect(again).toEqual([]);
    const rows = await withClient(migrated.url, async (c) => (await c.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name')).rows);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const dir = copyOfMigrations();
    const [first] = readMigrations(dir);
    const file = path.join(dir, first!.name, 'migration.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited after it was applied\n`);
    await expect(withClient(migrated.url, (c) => migrate(c, readMigrations(dir)))).rejects.toThrow(new RegExp(`${first!.name}.*changed after it was applied`));
  });

  it('gives workspaces and API keys that existed before the Twilio-compatible API their own account and key SIDs', async () => {
    const db = await emptyDatabase();
    const all = readMigrations();
    const twilio = all.findIndex((m) => m.name.endsWith('_twilio_compatible_api'));
    await withClient(db.url, (c) => migrate(c, all.slice(0, twilio)));
    await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO workspaces (location_id, name, updated_at) VALUES ('00000000000000000001', 'a', now()), ('00000000000000000002', 'b', now())`);
      await c.query(`INSERT INTO api_keys (id, workspace_id, prefix, hash, label) SELECT lpad(w.id::text, 24, '0'), w.id, 'sbk_' || w.id, lpad(w.id::text, 64, '0'), 'old' FROM workspaces w`);
    });
    await withClient(db.url, (c) => migrate(c, all));
    const sids = await withClient(db.url, async (c) => ({
      accounts: (await c.query('SELECT account_sid FROM workspaces')).rows.map((r) => r.account_sid),
      keys: (await c.query('SELECT sid FROM api_keys')).rows.map((r) => r.sid),
    }));
    expect(sids.accounts).toHaveLength(2);
    expect(new Set(sids.accounts).size).toBe(2);
    for (const sid of sids.accounts) expect(sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(new Set(sids.keys).size).toBe(2);
    for (const sid of sids.keys) expect(sid).toMatch(/^SK[0-9a-f]{32}$/);
  });

  it('a migration that fails leaves nothing of itself behind, and the next start can apply it once fixed', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    const name = '29991231235959_broken';
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();\n');
    await expect(withClient(db.url, (c) => migrate(c, readMigrations(dir)))).rejects.toThrow(new RegExp(name));
    const after = await withClient(db.url, async (c) => ({
      recorded: (await c.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1')).rows.map((r) => r.migration_name),
      halfDone: (await c.query(`SELECT to_regclass('public.half_done') AS t`)).rows[0].t,
    }));
    expect(after.recorded).toEqual(readMigrations().map((m) => m.name));
    expect(after.halfDone).toBeNull();

    writeFileSync(path.join(dir, name, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    expect(await withClient(db.url, (c) => migrate(c, readMigrations(dir)))).toEqual([name]);
  });
});
