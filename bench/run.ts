// `npm run bench`: Switchboard against this machine's own limits. Starts a PostgreSQL (embedded,
// or DATABASE_URL), Switchboard as a child process, a local receiver and load generators; writes
// bench/results/<date>.json and prints a table. Stops everything it started.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres.ts';
import { measureHttpClients } from './http-clients.ts';
import { acceptPhase, count, drain as drainJobs, fixedRatePhase, preloadMessages, saturationPhase, sendOne, setUpTenant, startSwitchboard, stopProcess, type FixedRate } from './phases.ts';
import { startReceiver } from './receiver.ts';
import { cannon, freePort, round, sleep, spawnNode, waitReady, watchCpu, watchRss } from './support.ts';
import { statementCountsDir, statementTracker } from './statement-counts.ts';

const ACCEPT_SECONDS = Number(process.env.BENCH_ACCEPT_SECONDS ?? 15);
const E2E_RATES = [100, 500];
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 20);
const SATURATION_MESSAGES = Number(process.env.BENCH_SATURATION_MESSAGES ?? 15_000);
const PRELOADED_MESSAGES = Number(process.env.BENCH_PRELOADED_MESSAGES ?? 100_000);
/** Worker processes beside one API process in the scale-out phase. */
const SCALE_OUT_WORKERS = 2;
const LONE_MESSAGES = Number(process.env.BENCH_LONE_MESSAGES ?? 20);
const root = path.resolve(import.meta.dirname, '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const started = Date.now();
const children: { kill(signal?: NodeJS.Signals): boolean }[] = [];
let embedded: EmbeddedDatabase | null = null;
let scratch: string | null = null;

const say = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const drain = async (url: string, timeoutMs: number) => {
  if (!(await drainJobs(url, timeoutMs))) say('backlog did not drain in time');
};

async function main() {
  // --- Database -------------------------------------------------------------------------------
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir: scratch, port: await freePort(), password: 'bench', settings: { max_connections: 300, shared_buffers: '512MB', ...extraPgSettings() } });
    adminUrl = embedded.adminUrl;
  }
  const dbName = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // One database per Switchboard: the main phases, the scale-out phase, the preloaded phase.
  for (const suffix of ['', '_scaled', '_preloaded']) await admin.query(`CREATE DATABASE ${dbName}${suffix}`);
  const { rows: versionRows } = await admin.query<{ server_version: string }>('SHOW server_version');
  // The server's own configuration (ours for the embedded one, BENCH_PG_SETTINGS included).
  const { rows: settingRows } = await admin.query<{ name: string; value: string }>(
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE source IN ('command line', 'configuration file') ORDER BY name`,
  );
  await admin.end();
  const databaseUrl = (name: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const dbUrl = databaseUrl(dbName);
  say(`PostgreSQL ${versionRows[0]!.server_version} ready`);

  // --- Baselines --------------------------------------------------------------------------------
  const barePort = await freePort();
  const bare = spawnNode([path.join(root, 'bench/bare-server.ts'), String(barePort)], {}, 'bare');
  children.push(bare);
  await new Promise<void>((r) => bare.once('message', () => r()));
  const body = JSON.stringify({ location_id: 'x', phone: '+14155550100', message: 'Hello', message_id: 'id', channel: 'sms' });
  const bareHttp = await cannon({ url: `http://127.0.0.1:${barePort}/`, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 64, duration: 10 });
  say(`baseline node:http POST: ${bareHttp.rps} req/s`);
  const httpClients = await measureHttpClients(`http://127.0.0.1:${barePort}/`, body);
  bare.kill();
  say(`baseline outbound HTTP client CPU per request: got promise ${httpClients.gotPromise} µs, got stream ${httpClients.gotStream} µs, kept path ${httpClients.kept} µs, node:http ${httpClients.nodeHttp} µs`);
  const insertRate = await baselineInserts(dbUrl, 64, 10);
  say(`baseline single-row INSERT at 64 connections: ${insertRate} rows/s`);

  // --- Switchboard ------------------------------------------------------------------------------
  const receiver = await startReceiver();
  const port = await freePort();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }); // what `npm start` runs first
  const counted = statementCountsDir();
  const app = startSwitchboard(dbUrl, 'all', port, counted.env);
  children.push(app);
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/readyz`);
  const rss = watchRss(app.pid!);
  const cpu = watchCpu(app.pid!);
  // Memory and CPU are reported for the same phases.
  const endPhase = (phase: string) => {
    rss.mark(phase);
    cpu.mark(phase);
  };
  say('Switchboard ready');
  const tenant = await setUpTenant(base, receiver.url);

  cpu.mark('setup');
  const statements = statementTracker(counted.dir, () => count(dbUrl, 'SELECT count(*) FROM messages'));
  await statements.start();
  // One message at a time, each through every stage before the next: every batch holds one message,
  // so its statements per message do not depend on how fast the machine is this hour.
  for (let i = 0; i < LONE_MESSAGES; i++) {
    await fetch(`${base}/webhook`, { method: 'POST', headers: tenant.headers, body: tenant.message(`lone-${i}`, i) });
    await drain(dbUrl, 60_000);
  }
  await statements.mark('one message at a time');
  endPhase('one message at a time');
  // --- Accept -------------------------------------------------------------------------------------
  const accept = await acceptPhase(tenant, 'acc', [16, 64], ACCEPT_SECONDS);
  for (const [c, l] of Object.entries(accept)) say(`accept ${c}: ${l.rps} msg/s, p50 ${l.p50} ms, p99 ${l.p99} ms`);
  const acceptedOk = Object.values(accept).reduce((n, l) => n + l.requests - l.non2xx - l.errors, 0);
  const stored = await count(dbUrl, "SELECT count(*) FROM messages WHERE external_id LIKE 'acc%'");
  say(`durability: ${acceptedOk} answered 200, ${stored} stored`);
  endPhase('accept');
  await drain(dbUrl, 300_000);
  say('backlog drained');
  endPhase('accept backlog');
  await statements.mark('accept');

  // --- End to end at fixed rates ------------------------------------------------------------------
  const e2eFixed: Record<string, FixedRate> = {};
  for (const rate of E2E_RATES) {
    e2eFixed[`at${rate}`] = await fixedRatePhase(tenant, receiver, 'e2e', rate, E2E_SECONDS);
    say(`end to end at ${rate} msg/s: accept→STATUS-UPDATE SENT p50 ${e2eFixed[`at${rate}`]!.p50Ms} ms, p99 ${e2eFixed[`at${rate}`]!.p99Ms} ms`);
    await drain(dbUrl, 300_000);
    endPhase(`end to end at ${rate} msg/s`);
    await statements.mark(`end to end at ${rate} msg/s`);
  }

  // --- End to end at saturation ----------------------------------------------------------------------
  const e2eSaturation = await saturationPhase(tenant, receiver, 'sat', SATURATION_MESSAGES);
  say(`end to end at saturation: ${e2eSaturation.deliveriesPerSecond} webhook deliveries/s (${e2eSaturation.deliveries} in ${e2eSaturation.seconds} s)`);
  await drain(dbUrl, 120_000);
  endPhase('end to end at saturation');
  await statements.mark('end to end at saturation');
  say(`statements per message: ${JSON.stringify(statements.result().overall)}`);

  // --- Fan-out -----------------------------------------------------------------------------------------
  const fanout: Record<string, { subscriptions: number; events: number; deliveries: number; seconds: number; deliveriesPerSecond: number }> = {};
  let subscriptions = 0;
  for (const target of [10, 100]) {
    for (; subscriptions < target; subscriptions++) {
      await tenant.gql('mutation($i: WebhookCreateInput!) { createWebhook(input: $i) { id } }', { i: { workspaceId: tenant.workspaceId, label: `fan ${subscriptions}`, url: `${receiver.url}/fan/${subscriptions}`, event: 'NEW_CLIENT', sendTestPing: false } });
    }
    receiver.reset();
    const events = target === 10 ? 500 : 100;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: events }, (_, i) =>
        tenant.gql('mutation($i: ClientCreateInput!) { createClient(input: $i) { id } }', { i: { phone: `+1646555${String(1000 + ((i + target * 13) % 9000))}` } }),
      ),
    );
    await receiver.waitFor((r) => r.fan >= events * target, 300_000);
    const seconds = (receiver.lastAt - t0) / 1000;
    fanout[`to${target}`] = { subscriptions: target, events, deliveries: receiver.fan, seconds: round(seconds), deliveriesPerSecond: Math.round(receiver.fan / seconds) };
    say(`fan-out to ${target}: ${fanout[`to${target}`]!.deliveriesPerSecond} deliveries/s`);
    await count(dbUrl, 'DELETE FROM clients');
    endPhase(`fan-out to ${target}`);
  }

  rss.stop();
  const peakRssMb = Math.round(rss.peak());
  say(`peak RSS of the Switchboard process: ${peakRssMb} MB (by phase: ${JSON.stringify(rss.phases())})`);
  await stopProcess(app);

  // --- Scale-out: one API process and worker processes on one database ------------------------------
  const scaledUrl = databaseUrl(`${dbName}_scaled`);
  const apiPort = await freePort();
  const api = startSwitchboard(scaledUrl, 'api', apiPort);
  children.push(api);
  await waitReady(`http://127.0.0.1:${apiPort}/readyz`);
  const workers = Array.from({ length: SCALE_OUT_WORKERS }, () => startSwitchboard(scaledUrl, 'worker'));
  children.push(...workers);
  const scaledTenant = await setUpTenant(`http://127.0.0.1:${apiPort}`, receiver.url);
  await sendOne(scaledTenant, receiver, 'scale-probe');
  const scaledProcesses = { api, ...Object.fromEntries(workers.map((w, i) => [`worker${i + 1}`, w])) };
  const scaledRss = Object.fromEntries(Object.entries(scaledProcesses).map(([name, p]) => [name, watchRss(p.pid!)]));
  const scaledCpu = Object.fromEntries(Object.entries(scaledProcesses).map(([name, p]) => [name, watchCpu(p.pid!)]));
  const endScaledPhase = (phase: string) => {
    for (const w of [...Object.values(scaledRss), ...Object.values(scaledCpu)]) w.mark(phase);
  };
  const scaledAccept = await acceptPhase(scaledTenant, 'sacc', [16, 64], ACCEPT_SECONDS);
  for (const [c, l] of Object.entries(scaledAccept)) say(`scale-out (1 API + ${SCALE_OUT_WORKERS} worker processes) accept ${c}: ${l.rps} msg/s, p50 ${l.p50} ms, p99 ${l.p99} ms`);
  endScaledPhase('accept');
  await drain(scaledUrl, 300_000);
  endScaledPhase('accept backlog');
  const scaledSaturation = await saturationPhase(scaledTenant, receiver, 'ssat', SATURATION_MESSAGES);
  say(`scale-out end to end at saturation: ${scaledSaturation.deliveriesPerSecond} webhook deliveries/s (${scaledSaturation.deliveries} in ${scaledSaturation.seconds} s)`);
  await drain(scaledUrl, 120_000);
  endScaledPhase('end to end at saturation');
  for (const w of Object.values(scaledRss)) w.stop();
  const scaleOut = {
    workerProcesses: SCALE_OUT_WORKERS,
    accept: scaledAccept,
    endToEndSaturation: scaledSaturation,
    peakRssMb: Object.fromEntries(Object.entries(scaledRss).map(([name, w]) => [name, Math.round(w.peak())])),
    cpuCoresByPhase: Object.fromEntries(Object.entries(scaledCpu).map(([name, w]) => [name, w.phases()])),
  };
  await Promise.all([api, ...workers].map(stopProcess));

  // --- Preloaded: the `all` process on a database that already holds a month of messages -----------
  const preloadedUrl = databaseUrl(`${dbName}_preloaded`);
  const preloadedPort = await freePort();
  const preloadedApp = startSwitchboard(preloadedUrl, 'all', preloadedPort);
  children.push(preloadedApp);
  await waitReady(`http://127.0.0.1:${preloadedPort}/readyz`);
  const preloadedTenant = await setUpTenant(`http://127.0.0.1:${preloadedPort}`, receiver.url);
  await sendOne(preloadedTenant, receiver, 'preload-probe');
  const preloadMs = await preloadMessages(preloadedUrl, PRELOADED_MESSAGES);
  say(`preloaded ${PRELOADED_MESSAGES} messages in ${preloadMs} ms`);
  const preloadedRss = watchRss(preloadedApp.pid!);
  const preloadedAccept = await acceptPhase(preloadedTenant, 'pacc', [64], ACCEPT_SECONDS);
  say(`preloaded accept c64: ${preloadedAccept.c64!.rps} msg/s, p50 ${preloadedAccept.c64!.p50} ms, p99 ${preloadedAccept.c64!.p99} ms`);
  await drain(preloadedUrl, 300_000);
  const preloadedAt500 = await fixedRatePhase(preloadedTenant, receiver, 'pe2e', 500, E2E_SECONDS);
  say(`preloaded end to end at 500 msg/s: p50 ${preloadedAt500.p50Ms} ms, p99 ${preloadedAt500.p99Ms} ms`);
  await drain(preloadedUrl, 300_000);
  preloadedRss.stop();
  const preloaded = { messages: PRELOADED_MESSAGES, preloadMs, accept: preloadedAccept, endToEndAt500: preloadedAt500, peakRssMb: Math.round(preloadedRss.peak()) };
  await stopProcess(preloadedApp);

  // --- Report --------------------------------------------------------------------------------------------
  const result = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
    // What differs from the defaults: SWITCHBOARD_* from the caller (secret keys left out), and
    // every PostgreSQL setting given on its command line or in its configuration file.
    settings: { switchboard: callerSwitchboardSettings(), postgres: Object.fromEntries(settingRows.map((r) => [r.name, r.value])) },
    versions: { node: process.version, postgres: versionRows[0]!.server_version, switchboard: packageJson.version, commit: commitOf() },
    baselines: { bareNodeHttpRps: bareHttp.rps, singleRowInsertsPerSecond: insertRate, outboundHttpCpuMicrosPerRequest: httpClients },
    accept,
    acceptDurability: { answered200: acceptedOk, stored },
    endToEndFixedRate: e2eFixed,
    endToEndSaturation: e2eSaturation,
    fanout,
    scaleOut,
    preloaded,
    peakRssMb,
    peakRssMbByPhase: rss.phases(),
    statementsPerMessage: statements.result().overall,
    statementsPerMessageByPhase: statements.result().byPhase,
    cpuCoresByPhase: cpu.phases(),
    ratios: {
      acceptC64ToBareHttp: round(accept.c64!.rps / bareHttp.rps),
      acceptC64ToSingleRowInserts: round(accept.c64!.rps / insertRate),
    },
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results', `${result.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  await receiver.stop();
}

/** The code measured: BENCH_COMMIT when the bench runs outside a checkout, else the checkout's commit (with `+` when it has changes). */
function commitOf(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    return execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root }).toString().trim() ? `${head}+` : head;
  } catch {
    return 'unknown';
  }
}

/** SWITCHBOARD_* variables set by whoever started the bench; they reach Switchboard too. */
function callerSwitchboardSettings(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('SWITCHBOARD_') && !e[0].endsWith('_KEY') && e[1] !== undefined));
}

/** BENCH_PG_SETTINGS="name=value,name=value": server settings to try against the embedded database. */
function extraPgSettings(): Record<string, string> {
  return Object.fromEntries((process.env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
}

async function baselineInserts(url: string, connections: number, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query('CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        await pool.query('INSERT INTO bench_baseline (payload) VALUES ($1)', ['{"message":"Your code is 123456"}']);
        done++;
      }
    }),
  );
  await pool.query('DROP TABLE bench_baseline');
  await pool.end();
  return Math.round(done / seconds);
}


function printTable(r: any) {
  const rows: [string, string, string][] = [
    ['accept c=16', `${r.accept.c16.rps} msg/s, p50 ${r.accept.c16.p50} ms, p99 ${r.accept.c16.p99} ms, errors ${r.accept.c16.errors + r.accept.c16.non2xx}`, ''],
    ['accept c=64', `${r.accept.c64.rps} msg/s, p50 ${r.accept.c64.p50} ms, p99 ${r.accept.c64.p99} ms, errors ${r.accept.c64.errors + r.accept.c64.non2xx}`, '≥ 5000 msg/s, p99 ≤ 50 ms'],
    ['  vs bare node:http', `${r.ratios.acceptC64ToBareHttp}× of ${r.baselines.bareNodeHttpRps} req/s`, ''],
    ['  vs single-row INSERT', `${r.ratios.acceptC64ToSingleRowInserts}× of ${r.baselines.singleRowInsertsPerSecond} rows/s`, ''],
    ['stored ≥ answered 200', `${r.acceptDurability.stored} ≥ ${r.acceptDurability.answered200}`, 'every accepted message durable'],
    ['end to end, 100 msg/s', `p50 ${r.endToEndFixedRate.at100.p50Ms} ms, p99 ${r.endToEndFixedRate.at100.p99Ms} ms`, ''],
    ['end to end, 500 msg/s', `p50 ${r.endToEndFixedRate.at500.p50Ms} ms, p99 ${r.endToEndFixedRate.at500.p99Ms} ms`, 'p99 ≤ 250 ms'],
    ['end to end, saturation', `${r.endToEndSaturation.deliveriesPerSecond} deliveries/s`, '≥ 2000 deliveries/s'],
    ['fan-out to 10', `${r.fanout.to10.deliveriesPerSecond} deliveries/s`, ''],
    ['fan-out to 100', `${r.fanout.to100.deliveriesPerSecond} deliveries/s`, ''],
    ['peak RSS', `${r.peakRssMb} MB`, '≤ 300 MB'],
    ['outbound HTTP client, CPU per request', `got promise ${r.baselines.outboundHttpCpuMicrosPerRequest.gotPromise} µs, got stream ${r.baselines.outboundHttpCpuMicrosPerRequest.gotStream} µs, kept path ${r.baselines.outboundHttpCpuMicrosPerRequest.kept} µs, node:http ${r.baselines.outboundHttpCpuMicrosPerRequest.nodeHttp} µs`, ''],
    [`scale-out accept c=64 (1 API + ${r.scaleOut.workerProcesses} worker processes)`, `${r.scaleOut.accept.c64.rps} msg/s, p50 ${r.scaleOut.accept.c64.p50} ms, p99 ${r.scaleOut.accept.c64.p99} ms`, '≥ 5000 msg/s, p99 ≤ 50 ms'],
    ['scale-out end to end, saturation', `${r.scaleOut.endToEndSaturation.deliveriesPerSecond} deliveries/s`, '≥ 2000 deliveries/s'],
    ['scale-out peak RSS', Object.entries(r.scaleOut.peakRssMb).map(([k, v]) => `${k} ${v} MB`).join(', '), ''],
    [`${r.preloaded.messages} messages preloaded: accept c=64`, `${r.preloaded.accept.c64.rps} msg/s, p50 ${r.preloaded.accept.c64.p50} ms, p99 ${r.preloaded.accept.c64.p99} ms`, '≥ 5000 msg/s, p99 ≤ 50 ms'],
    [`${r.preloaded.messages} messages preloaded: end to end, 500 msg/s`, `p50 ${r.preloaded.endToEndAt500.p50Ms} ms, p99 ${r.preloaded.endToEndAt500.p99Ms} ms`, 'p99 ≤ 250 ms'],
    ...Object.entries(r.cpuCoresByPhase as Record<string, any>)
      .filter(([phase]) => phase !== 'setup')
      .map(([phase, c]): [string, string, string] => [
        `CPU cores, ${phase}`,
        `Switchboard ${c.switchboardCores.main} main + ${c.switchboardCores.workerThread} worker thread + ${c.switchboardCores.v8Helpers} V8 helpers (GC) + ${c.switchboardCores.other} other; PostgreSQL ${c.postgresCores}; bench ${c.benchCores}`,
        '',
      ]),
  ];
  console.log(`\n| measure | result | target |\n|---|---|---|`);
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

try {
  await main();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await sleep(1500);
  await (embedded as EmbeddedDatabase | null)?.stop().catch(() => undefined);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
