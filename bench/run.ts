// `npm run bench`: Switchboard against this machine's own limits. Starts a PostgreSQL (embedded,
// or DATABASE_URL), Switchboard as a child process, a local receiver and load generators; writes
// bench/results/<date>.json and prints a table. Stops everything it started.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres.ts';
import { cannon, freePort, percentile, round, sleep, spawnNode, waitReady, watchCpu, watchRss, type Load } from './support.ts';
import got from 'got';
import { statementCountsDir, statementTracker } from './statement-counts.ts';

const ADMIN_KEY = 'sba_bench_admin_key_0123456789abcdef';
const SECRET_KEY = 'b'.repeat(64);
const ACCEPT_SECONDS = Number(process.env.BENCH_ACCEPT_SECONDS ?? 15);
const E2E_RATES = [100, 500];
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 20);
const SATURATION_MESSAGES = Number(process.env.BENCH_SATURATION_MESSAGES ?? 15_000);
const LONE_MESSAGES = Number(process.env.BENCH_LONE_MESSAGES ?? 20);
const root = path.resolve(import.meta.dirname, '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };
const started = Date.now();
const children: { kill(signal?: NodeJS.Signals): boolean }[] = [];
let embedded: EmbeddedDatabase | null = null;
let scratch: string | null = null;

const say = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

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
  await admin.query(`CREATE DATABASE ${dbName}`);
  const { rows: versionRows } = await admin.query<{ server_version: string }>('SHOW server_version');
  // The server's own configuration (ours for the embedded one, BENCH_PG_SETTINGS included).
  const { rows: settingRows } = await admin.query<{ name: string; value: string }>(
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE source IN ('command line', 'configuration file') ORDER BY name`,
  );
  await admin.end();
  const dbUrlObject = new URL(adminUrl);
  dbUrlObject.pathname = `/${dbName}`;
  const dbUrl = dbUrlObject.toString();
  say(`PostgreSQL ${versionRows[0]!.server_version} ready`);

  // --- Baselines --------------------------------------------------------------------------------
  const barePort = await freePort();
  const bare = spawnNode([path.join(root, 'bench/bare-server.ts'), String(barePort)], {}, 'bare');
  children.push(bare);
  await new Promise<void>((r) => bare.once('message', () => r()));
  const body = JSON.stringify({ location_id: 'x', phone: '+14155550100', message: 'Hello', message_id: 'id', channel: 'sms' });
  const bareHttp = await cannon({ url: `http://127.0.0.1:${barePort}/`, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 64, duration: 10 });
  say(`baseline node:http POST: ${bareHttp.rps} req/s`);
  const httpClients = await baselineHttpClients(`http://127.0.0.1:${barePort}/`, body);
  bare.kill();
  say(`baseline outbound HTTP client CPU per request: got ${httpClients.got} µs, node:http ${httpClients.nodeHttp} µs`);
  const insertRate = await baselineInserts(dbUrl, 64, 10);
  say(`baseline single-row INSERT at 64 connections: ${insertRate} rows/s`);

  // --- Switchboard ------------------------------------------------------------------------------
  const receiver = await startReceiver();
  const port = await freePort();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }); // what `npm start` runs first
  const start = startCommand();
  const counted = statementCountsDir();
  const app = spawnNode(start.args, {
    ...start.env,
    DATABASE_URL: dbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    SWITCHBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    ...counted.env,
  }, 'switchboard');
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

  const gql = async (query: string, variables: unknown, key = ADMIN_KEY) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
    const json = (await res.json()) as { data?: any; errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const ws = (await gql('mutation($i: WorkspaceCreateInput!) { createWorkspace(input: $i) { id locationId } }', { i: { name: 'Bench', webhookUrl: `${receiver.url}/ws` } })).createWorkspace;
  const key = (await gql('mutation($i: ApiKeyCreateInput!) { createApiKey(input: $i) { secret } }', { i: { workspaceId: ws.id, label: 'bench', rateLimitPerMinute: 1_000_000 } })).createApiKey.secret;
  const device = (await gql('mutation($i: DeviceCreateInput!) { createDevice(input: $i) { device { id } } }', { i: { channel: 'SMS', address: '+14155550199', config: { deliveredAfterMs: 0 } } }, key)).createDevice.device;
  await gql('mutation($i: DevicesActivateInput!) { activateDevices(input: $i) { ok } }', { i: { ids: [device.id] } }, key);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const message = (id: string, n: number) =>
    JSON.stringify({ location_id: ws.locationId, user_id: '1', phone: `+1415555${String(1000 + (n % 9000))}`, message: 'Your code is 123456', message_id: id, channel: 'sms' });

  cpu.mark('setup');
  const statements = statementTracker(counted.dir, () => count(dbUrl, 'SELECT count(*) FROM messages'));
  await statements.start();
  // One message at a time, each through every stage before the next: every batch holds one message,
  // so its statements per message do not depend on how fast the machine is this hour.
  for (let i = 0; i < LONE_MESSAGES; i++) {
    await fetch(`${base}/webhook`, { method: 'POST', headers, body: message(`lone-${i}`, i) });
    await drain(dbUrl, 60_000);
  }
  await statements.mark('one message at a time');
  endPhase('one message at a time');
  // --- Accept -------------------------------------------------------------------------------------
  const accept: Record<string, Load> = {};
  for (const connections of [16, 64]) {
    accept[`c${connections}`] = await cannon({
      url: `${base}/webhook`,
      method: 'POST',
      headers,
      body: message(`acc${connections}-[<id>]`, connections),
      idReplacement: true,
      connections,
      duration: ACCEPT_SECONDS,
    });
    say(`accept c=${connections}: ${accept[`c${connections}`]!.rps} msg/s, p50 ${accept[`c${connections}`]!.p50} ms, p99 ${accept[`c${connections}`]!.p99} ms`);
  }
  const acceptedOk = Object.values(accept).reduce((n, l) => n + l.requests - l.non2xx - l.errors, 0);
  const stored = await count(dbUrl, "SELECT count(*) FROM messages WHERE external_id LIKE 'acc%'");
  say(`durability: ${acceptedOk} answered 200, ${stored} stored`);
  endPhase('accept');
  await drain(dbUrl, 300_000);
  say('backlog drained');
  endPhase('accept backlog');
  await statements.mark('accept');

  // --- End to end at fixed rates ------------------------------------------------------------------
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const e2eFixed: Record<string, { offeredRate: number; messages: number; p50Ms: number; p99Ms: number; p99MsBySecond: number[] }> = {};
  for (const rate of E2E_RATES) {
    receiver.reset();
    const sentAt = new Map<string, number>();
    let n = 0;
    const fixedEnd = Date.now() + E2E_SECONDS * 1000;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (Date.now() >= fixedEnd) {
          clearInterval(timer);
          resolve();
          return;
        }
        for (let i = 0; i < rate / 100; i++) {
          const id = `e2e${rate}-${n++}`;
          sentAt.set(id, performance.now());
          post(agent, `${base}/webhook`, headers, message(id, n));
        }
      }, 10);
    });
    await receiver.waitFor((r) => [...sentAt.keys()].every((id) => r.sent.has(id)), 300_000);
    const timed = [...sentAt].map(([id, t]) => [t, receiver.sent.get(id)! - t] as const).filter(([, x]) => Number.isFinite(x));
    const latencies = timed.map(([, x]) => x).sort((a, b) => a - b);
    e2eFixed[`at${rate}`] = {
      offeredRate: rate,
      messages: sentAt.size,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      p99MsBySecond: bySecond(timed),
    };
    say(`end to end at ${rate} msg/s: accept→STATUS-UPDATE SENT p50 ${e2eFixed[`at${rate}`]!.p50Ms} ms, p99 ${e2eFixed[`at${rate}`]!.p99Ms} ms`);
    await drain(dbUrl, 300_000);
    endPhase(`end to end at ${rate} msg/s`);
    await statements.mark(`end to end at ${rate} msg/s`);
  }

  // --- End to end at saturation ----------------------------------------------------------------------
  receiver.reset();
  const satStart = performance.now();
  const satLoad = await cannon({ url: `${base}/webhook`, method: 'POST', headers, body: message('sat-[<id>]', 7), idReplacement: true, connections: 64, amount: SATURATION_MESSAGES });
  const expected = (satLoad.requests - satLoad.non2xx - satLoad.errors) * 2; // SENT and DELIVERED
  await receiver.waitFor((r) => r.statusUpdates >= expected, 600_000);
  const satSeconds = (receiver.lastAt - satStart) / 1000;
  const e2eSaturation = { messages: satLoad.requests, deliveries: receiver.statusUpdates, seconds: round(satSeconds), deliveriesPerSecond: Math.round(receiver.statusUpdates / satSeconds), acceptRps: satLoad.rps };
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
      await gql('mutation($i: WebhookCreateInput!) { createWebhook(input: $i) { id } }', { i: { workspaceId: ws.id, label: `fan ${subscriptions}`, url: `${receiver.url}/fan/${subscriptions}`, event: 'NEW_CLIENT', sendTestPing: false } }, key);
    }
    receiver.reset();
    const events = target === 10 ? 500 : 100;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: events }, (_, i) =>
        gql('mutation($i: ClientCreateInput!) { createClient(input: $i) { id } }', { i: { phone: `+1646555${String(1000 + ((i + target * 13) % 9000))}` } }, key),
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

  // --- Report --------------------------------------------------------------------------------------------
  const result = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
    // What differs from the defaults: SWITCHBOARD_* from the caller (secret keys left out), and
    // every PostgreSQL setting given on its command line or in its configuration file.
    settings: { switchboard: callerSwitchboardSettings(), postgres: Object.fromEntries(settingRows.map((r) => [r.name, r.value])) },
    versions: { node: process.version, postgres: versionRows[0]!.server_version, switchboard: packageJson.version },
    baselines: { bareNodeHttpRps: bareHttp.rps, singleRowInsertsPerSecond: insertRate, outboundHttpCpuMicrosPerRequest: httpClients },
    accept,
    acceptDurability: { answered200: acceptedOk, stored },
    endToEndFixedRate: e2eFixed,
    endToEndSaturation: e2eSaturation,
    fanout,
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
  agent.destroy();
}

/** SWITCHBOARD_* variables set by whoever started the bench; they reach Switchboard too. */
function callerSwitchboardSettings(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('SWITCHBOARD_') && !e[0].endsWith('_KEY') && e[1] !== undefined));
}

/** BENCH_PG_SETTINGS="name=value,name=value": server settings to try against the embedded database. */
function extraPgSettings(): Record<string, string> {
  return Object.fromEntries((process.env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
}

/** The environment and node arguments `npm start` uses (heap limits included), so the bench measures what users run. */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const words = packageJson.scripts.start!.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]));
  return { env, args: words.slice(node + 1).map((a) => (/\.[jt]s$/.test(a) ? path.join(root, a) : a)) };
}

/** The p99 of the messages sent in each second of a phase: a slow second stands out from steady queueing. */
function bySecond(timed: (readonly [sentAt: number, latency: number])[]): number[] {
  const start = Math.min(...timed.map(([t]) => t));
  const seconds: number[][] = [];
  for (const [t, x] of timed) (seconds[Math.floor((t - start) / 1000)] ??= []).push(x);
  return [...seconds].map((s) => (s ? Math.round(percentile(s.sort((a, b) => a - b), 99)) : 0));
}

function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => res.resume());
  req.on('error', () => undefined);
  req.end(body);
}

/**
 * CPU per request of the outbound HTTP client the delivery worker uses (got, with the timeouts and
 * no-redirect, no-retry options of src/delivery/send.ts) and of a bare node:http request, 64 at a time against the bare server:
 * the client's share of a delivery's cost.
 */
async function baselineHttpClients(url: string, body: string): Promise<{ got: number; nodeHttp: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const headers = { 'content-type': 'application/json', 'webhook-id': 'msg_bench', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,bench' };
  const client = got.extend({ agent: { http: agent }, timeout: { lookup: 5000, connect: 5000, request: 15000 }, followRedirect: false, throwHttpErrors: false, retry: { limit: 0 } });
  const viaGot = () =>
    new Promise<void>((resolve) => {
      const stream = client.stream(url, { method: 'POST', headers, body });
      stream.on('data', () => undefined).on('end', resolve).on('error', () => resolve());
    });
  const viaNodeHttp = () =>
    new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => res.on('data', () => undefined).on('end', resolve));
      req.setTimeout(15000);
      req.on('error', () => resolve());
      req.end(body);
    });
  const cpuPerRequest = async (send: () => Promise<void>, n: number) => {
    let started = 0;
    const before = process.cpuUsage();
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (started++ < n) await send();
    }));
    const used = process.cpuUsage(before);
    return Math.round((used.user + used.system) / n);
  };
  await cpuPerRequest(viaGot, 2000); // warm-up, both paths
  await cpuPerRequest(viaNodeHttp, 2000);
  const result = { got: await cpuPerRequest(viaGot, 20_000), nodeHttp: await cpuPerRequest(viaNodeHttp, 20_000) };
  agent.destroy();
  return result;
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

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows, rowCount } = await c.query(sql);
    return rows[0]?.count !== undefined ? Number(rows[0].count) : (rowCount ?? 0);
  } finally {
    await c.end();
  }
}

/** Waits until no send, status or delivery job is left. */
async function drain(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const left = await count(url, "SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name IN ('message-send', 'driver-task', 'event-deliver')");
    if (left === 0) return;
    await sleep(500);
  }
  say('backlog did not drain in time');
}

type ReceiverState = { sent: Map<string, number>; statusUpdates: number; fan: number; lastAt: number };

async function startReceiver() {
  const state: ReceiverState = { sent: new Map(), statusUpdates: 0, fan: 0, lastAt: 0 };
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      state.lastAt = now;
      if (req.url === '/ws') {
        const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; message_id: string; status: string };
        if (b.type === 'STATUS-UPDATE') {
          state.statusUpdates++;
          if (b.status === 'SENT' && !state.sent.has(b.message_id)) state.sent.set(b.message_id, now);
        }
      } else if (req.url?.startsWith('/fan/')) state.fan++;
      res.writeHead(200).end('ok');
      for (const w of waiters.splice(0)) w();
    });
  });
  server.keepAliveTimeout = 60_000;
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    get sent() {
      return state.sent;
    },
    get statusUpdates() {
      return state.statusUpdates;
    },
    get fan() {
      return state.fan;
    },
    get lastAt() {
      return state.lastAt;
    },
    reset() {
      state.sent = new Map();
      state.statusUpdates = 0;
      state.fan = 0;
    },
    async waitFor(predicate: (s: ReceiverState) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(state)) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the receiver');
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 250);
        });
      }
    },
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
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
    ['outbound HTTP client, CPU per request', `got ${r.baselines.outboundHttpCpuMicrosPerRequest.got} µs, node:http ${r.baselines.outboundHttpCpuMicrosPerRequest.nodeHttp} µs`, ''],
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
