// The bench's phases, each against one Switchboard (an `all` process, or an API process with
// workers beside it): start it as `npm start` would, set up a tenant, then accept, fixed-rate
// and saturation loads measured at the receiver.
import { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import type { Receiver } from './receiver.ts';
import { cannon, percentile, round, sleep, spawnNode, type Load } from './support.ts';

export const ADMIN_KEY = 'sba_bench_admin_key_0123456789abcdef';
const SECRET_KEY = 'b'.repeat(64);
const root = path.resolve(import.meta.dirname, '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The environment and node arguments `npm start` uses (heap limits included), so the bench measures what users run. */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const words = packageJson.scripts.start!.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]));
  return { env, args: words.slice(node + 1).map((a) => (/\.[jt]s$/.test(a) ? path.join(root, a) : a)) };
}

/** One Switchboard process from `dist/` in a SWITCHBOARD_ROLE; the API roles listen on `port`. */
export function startSwitchboard(dbUrl: string, role: 'all' | 'api' | 'worker', port?: number, env: Record<string, string> = {}): ChildProcess {
  const start = startCommand();
  return spawnNode(start.args, {
    ...start.env,
    DATABASE_URL: dbUrl,
    SWITCHBOARD_ROLE: role,
    ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}),
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    SWITCHBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    ...env,
  }, `switchboard ${role}`);
}

/** Stops a process and waits until it is gone. */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
}

export type Tenant = {
  base: string;
  headers: Record<string, string>;
  /** A /webhook send body; `n` varies the recipient. */
  message(id: string, n: number): string;
  gql(query: string, variables: unknown): Promise<any>;
  workspaceId: string;
};

/** A workspace whose webhook is the receiver's, an API key and an active SMS device that reports delivery at once. */
export async function setUpTenant(base: string, receiverUrl: string): Promise<Tenant> {
  const gql = async (query: string, variables: unknown, key = ADMIN_KEY) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
    const json = (await res.json()) as { data?: any; errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const ws = (await gql('mutation($i: WorkspaceCreateInput!) { createWorkspace(input: $i) { id locationId } }', { i: { name: 'Bench', webhookUrl: `${receiverUrl}/ws` } })).createWorkspace;
  const key = (await gql('mutation($i: ApiKeyCreateInput!) { createApiKey(input: $i) { secret } }', { i: { workspaceId: ws.id, label: 'bench', rateLimitPerMinute: 1_000_000 } })).createApiKey.secret;
  const device = (await gql('mutation($i: DeviceCreateInput!) { createDevice(input: $i) { device { id } } }', { i: { channel: 'SMS', address: '+14155550199', config: { deliveredAfterMs: 0 } } }, key)).createDevice.device;
  await gql('mutation($i: DevicesActivateInput!) { activateDevices(input: $i) { ok } }', { i: { ids: [device.id] } }, key);
  return {
    base,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    message: (id, n) => JSON.stringify({ location_id: ws.locationId, user_id: '1', phone: `+1415555${String(1000 + (n % 9000))}`, message: 'Your code is 123456', message_id: id, channel: 'sms' }),
    gql: (query, variables) => gql(query, variables, key),
    workspaceId: ws.id,
  };
}

/** Sends one message and waits for its SENT at the receiver: the workers are up and the tenant's rows exist. */
export async function sendOne(t: Tenant, receiver: Receiver, id: string) {
  receiver.reset();
  const res = await fetch(`${t.base}/webhook`, { method: 'POST', headers: t.headers, body: t.message(id, 1) });
  if (!res.ok) throw new Error(`the probe message was answered ${res.status}`);
  await receiver.waitFor((r) => r.sent.has(id), 120_000);
}

/** /webhook at full speed for `seconds`, at each concurrency. */
export async function acceptPhase(t: Tenant, prefix: string, concurrencies: number[], seconds: number): Promise<Record<string, Load>> {
  const accept: Record<string, Load> = {};
  for (const connections of concurrencies) {
    accept[`c${connections}`] = await cannon({
      url: `${t.base}/webhook`,
      method: 'POST',
      headers: t.headers,
      body: t.message(`${prefix}${connections}-[<id>]`, connections),
      idReplacement: true,
      connections,
      duration: seconds,
    });
  }
  return accept;
}

export type FixedRate = { offeredRate: number; messages: number; p50Ms: number; p99Ms: number; p99MsBySecond: number[] };

/** Messages at a fixed rate for `seconds`: accept → STATUS-UPDATE SENT at the receiver, every message timed. */
export async function fixedRatePhase(t: Tenant, receiver: Receiver, prefix: string, rate: number, seconds: number): Promise<FixedRate> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  receiver.reset();
  const sentAt = new Map<string, number>();
  let n = 0;
  const end = Date.now() + seconds * 1000;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() >= end) {
        clearInterval(timer);
        resolve();
        return;
      }
      for (let i = 0; i < rate / 100; i++) {
        const id = `${prefix}${rate}-${n++}`;
        sentAt.set(id, performance.now());
        post(agent, `${t.base}/webhook`, t.headers, t.message(id, n));
      }
    }, 10);
  });
  await receiver.waitFor((r) => [...sentAt.keys()].every((id) => r.sent.has(id)), 300_000);
  agent.destroy();
  const timed = [...sentAt].map(([id, at]) => [at, receiver.sent.get(id)! - at] as const).filter(([, x]) => Number.isFinite(x));
  const latencies = timed.map(([, x]) => x).sort((a, b) => a - b);
  return { offeredRate: rate, messages: sentAt.size, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), p99MsBySecond: bySecond(timed) };
}

export type Saturation = { messages: number; deliveries: number; seconds: number; deliveriesPerSecond: number; acceptRps: number };

/** `messages` sent as fast as accept takes them; webhook deliveries per second until the last one arrived. */
export async function saturationPhase(t: Tenant, receiver: Receiver, prefix: string, messages: number): Promise<Saturation> {
  receiver.reset();
  const started = performance.now();
  const load = await cannon({ url: `${t.base}/webhook`, method: 'POST', headers: t.headers, body: t.message(`${prefix}-[<id>]`, 7), idReplacement: true, connections: 64, amount: messages });
  const expected = (load.requests - load.non2xx - load.errors) * 2; // SENT and DELIVERED
  await receiver.waitFor((r) => r.statusUpdates >= expected, 600_000);
  const seconds = (receiver.lastAt - started) / 1000;
  return { messages: load.requests, deliveries: receiver.statusUpdates, seconds: round(seconds), deliveriesPerSecond: Math.round(receiver.statusUpdates / seconds), acceptRps: load.rps };
}

/**
 * An installation after a month: `n` delivered messages copied from the one already there (same
 * tenant, conversation and device), spread over 30 days, written with one INSERT … SELECT, then
 * analyzed as autovacuum would have by then. Returns how long that took, in ms.
 */
export async function preloadMessages(url: string, n: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const started = performance.now();
    const { rowCount } = await c.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, client_id, device_id, direction, channel, content, external_id, user_id, status,
                             created_at, updated_at, sent_at, delivered_at)
       SELECT gen_random_uuid(), m.workspace_id, m.conversation_id, m.client_id, m.device_id, m.direction, m.channel, m.content,
              'pre-' || i, m.user_id, 'DELIVERED', t, t, t, t
       FROM (SELECT * FROM messages LIMIT 1) m,
            generate_series(1, $1::int) AS i,
            LATERAL (SELECT now() - interval '30 days' * (i::float8 / $1)) AS at(t)`,
      [n],
    );
    await c.query('ANALYZE messages');
    if (rowCount !== n) throw new Error(`preloaded ${rowCount} messages, not ${n}`);
    return Math.round(performance.now() - started);
  } finally {
    await c.end();
  }
}

export async function count(url: string, sql: string): Promise<number> {
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
export async function drain(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const left = await count(url, "SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name IN ('message-send', 'driver-task', 'event-deliver')");
    if (left === 0) return true;
    await sleep(500);
  }
  return false;
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
