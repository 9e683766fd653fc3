import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
