import { afterAll, expect } from 'vitest';
import type pg from 'pg';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import { YOUNG_TABLES } from '../../src/db/young-table-statistics.ts';
import { eventually } from '../support/wait.ts';
import { seqScans, type ExplainRow } from '../support/plans.ts';

// A database that fills from empty: statements prepared while its tables were small must not keep
// scanning them once they have grown, and the workers must not wait for autovacuum's next visit.
const test = appTest();
let app: TestApp;
let connection: pg.PoolClient;

const CONTACTS = `SELECT id FROM clients WHERE (workspace_id, phone) IN (SELECT * FROM unnest($1::int[], $2::text[]))`;

test.beforeAll(async ({ app: a }) => {
  app = a;
  connection = await app.rt.pool.connect();
  // A prepared statement planned once for every execution, as the auto plan cache mode settles on.
  await connection.query('SET plan_cache_mode = force_generic_plan');
  await connection.query(`PREPARE contacts(int[], text[]) AS ${CONTACTS}`);
}, 60_000);

afterAll(() => connection?.release(true));

async function contactsPlanScans(ws: number): Promise<string[]> {
  const [plan] = (await connection.query<ExplainRow>(`EXPLAIN (FORMAT JSON) EXECUTE contacts(ARRAY[${ws}], ARRAY['+15550000001'])`)).rows;
  return seqScans(plan!);
}

test('a table that grows from empty is analyzed within seconds, and prepared statements stop scanning it', async () => {
  const ws = Number((await workspace(app)).id);
  // Autovacuum could get there first (its VACUUM or ANALYZE sets reltuples, and the table is then
  // no longer young): kept off this table, only the workers can analyze it in time.
  await rows(app, 'ALTER TABLE clients SET (autovacuum_enabled = false)');
  // Planned for an empty table, the lookup scans it.
  expect(await contactsPlanScans(ws)).toEqual(['clients']);
  await rows(
    app,
    `INSERT INTO clients (id, workspace_id, phone) SELECT substr(md5(g::text), 1, 24), $1, '+1555' || lpad(g::text, 7, '0') FROM generate_series(1, 20000) g`,
    [ws],
  );
  // last_analyze is an ANALYZE command's; autovacuum's would be last_autoanalyze.
  const [analyzed] = await eventually(
    () => rows<{ last_analyze: Date | null; reltuples: number }>(app, `SELECT s.last_analyze, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'clients'`),
    ([row]) => row?.last_analyze != null,
    'the clients table to be analyzed',
    30_000,
  );
  expect(analyzed!.reltuples).toBeGreaterThan(15_000);
  expect(await contactsPlanScans(ws)).toEqual([]);
}, 60_000);

test('a table that changes without growing is left to autovacuum', async () => {
  const before = await rows<{ n_tup_upd: number }>(app, `SELECT n_tup_upd::int FROM pg_stat_user_tables WHERE relname = 'clients'`);
  await connection.query(`UPDATE clients SET name = 'renamed'`);
  await connection.query('SELECT pg_stat_force_next_flush()');
  await eventually(
    () => rows<{ n_tup_upd: number }>(app, `SELECT n_tup_upd::int FROM pg_stat_user_tables WHERE relname = 'clients'`),
    ([row]) => row!.n_tup_upd >= before[0]!.n_tup_upd + 20_000,
    'the updates to reach the statistics',
  );
  const young = await rows<{ name: string }>(app, YOUNG_TABLES, [['public'], 500]);
  expect(young.map((r) => r.name)).not.toContain('public.clients');
});

test('the tables that grow with traffic are analyzed from a 7,500-row sample, whatever columns they gain', async () => {
  // ANALYZE samples 300 rows per unit of the largest statistics target among a table's columns:
  // one column left at the default (100) would bring back the 30,000-row sample and its CPU bursts.
  const { rows: columns } = await app.rt.pool.query<{ table: string; column: string; target: number | null }>(
    `SELECT c.relname AS table, a.attname AS column, a.attstattarget AS target
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped`,
    [['messages', 'events', 'deliveries', 'attempts']],
  );
  expect(columns.length).toBeGreaterThan(50);
  expect(columns.filter((c) => c.target !== 25)).toEqual([]);
});
