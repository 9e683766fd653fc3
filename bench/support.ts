import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two decimals, for reports. */
export const round = (x: number) => Math.round(x * 100) / 100;

export { freePort } from '../test/support/ports.ts';

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS until stopped: the peak, and the peak of each phase ended by `mark`. */
export function watchRss(pid: number, everyMs = 100) {
  let peak = 0;
  let phasePeak = 0;
  const phases: Record<string, number> = {};
  const timer = setInterval(() => {
    const now = rssMb(pid);
    peak = Math.max(peak, now);
    phasePeak = Math.max(phasePeak, now);
  }, everyMs);
  return {
    peak: () => peak,
    mark(phase: string) {
      phases[phase] = Math.round(phasePeak);
      phasePeak = 0;
    },
    phases: () => phases,
    stop: () => clearInterval(timer),
  };
}

const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU seconds from a /proc stat line: user + system, and (for a parent) its waited-for children's. */
function statCpu(path: string, withChildren = false): { name: string; seconds: number } | null {
  try {
    const stat = readFileSync(path, 'utf8');
    const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: ticks / CLOCK_TICKS };
  } catch {
    return null; // the thread or process ended
  }
}

/** CPU seconds of a Node process by thread: the main thread, worker threads, V8's helpers (GC, compilers), the rest (libuv). */
function nodeThreadsCpu(pid: number): Record<string, number> {
  const out: Record<string, number> = { main: 0, workerThread: 0, v8Helpers: 0, other: 0 };
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const t = statCpu(`/proc/${pid}/task/${tid}/stat`);
    if (!t) continue;
    const kind = tid === String(pid) ? 'main' : t.name === 'WorkerThread' ? 'workerThread' : t.name.startsWith('V8') ? 'v8Helpers' : 'other';
    out[kind]! += t.seconds;
  }
  return out;
}

/** CPU seconds of every PostgreSQL process on this machine, with the backends that already exited (the postmaster's children). */
function postgresCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const p = statCpu(`/proc/${pid}/stat`, true);
    if (p?.name === 'postgres') total += p.seconds;
  }
  return total;
}

type CpuPhase = { seconds: number; switchboardCores: Record<string, number>; postgresCores: number; benchCores: number };

/** What used the CPU in each phase ended by `mark`, in cores: Switchboard's threads, PostgreSQL, this bench (load generator and receiver). */
export function watchCpu(pid: number) {
  const sample = () => ({ at: performance.now(), node: nodeThreadsCpu(pid), postgres: postgresCpu(), bench: process.cpuUsage() });
  let last = sample();
  const phases: Record<string, CpuPhase> = {};
  return {
    mark(phase: string) {
      const now = sample();
      const wall = (now.at - last.at) / 1000;
      const bench = process.cpuUsage(last.bench);
      phases[phase] = {
        seconds: round(wall),
        switchboardCores: Object.fromEntries(Object.entries(now.node).map(([k, v]) => [k, round((v - (last.node[k] ?? 0)) / wall)])),
        postgresCores: round((now.postgres - last.postgres) / wall),
        benchCores: round((bench.user + bench.system) / 1e6 / wall),
      };
      last = now;
    },
    phases: () => phases,
  };
}

export type Load = { requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; durationS: number };

export async function cannon(opts: autocannon.Options): Promise<Load> {
  const r = await autocannon({ ...opts });
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    durationS: r.duration,
  };
}

export function spawnNode(args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString();
    if (/error|fatal|batch/i.test(text)) process.stderr.write(`[${label}] ${text}`);
  });
  child.stdout?.resume();
  return child;
}

export async function waitReady(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not become ready`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
