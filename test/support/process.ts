import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN_KEY, SECRET_KEY } from './app.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './ports.ts';
import { Receiver } from './receiver.ts';

/** The repository root: where `src/main.ts` is and what the program runs in. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A Switchboard (or any node script) running as a real child process, with its output captured. */
export class Proc {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;
  #stdout = '';
  #stderr = '';
  #waiters = new Set<() => void>();

  constructor(child: ChildProcess) {
    this.child = child;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stdout += chunk;
      this.#wake();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr += chunk;
      this.#wake();
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        this.#wake();
        resolve(this.exit);
      });
      child.on('error', () => {
        // Could not be spawned at all: report it as an exit.
        if (this.exit) return;
        this.exit = { code: -1, signal: null };
        running.delete(this);
        this.#wake();
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }
  get stdout(): string {
    return this.#stdout;
  }
  get stderr(): string {
    return this.#stderr;
  }
  /** The last lines of both streams, for failure messages. */
  tail(lines = 30): string {
    const last = (s: string) => s.split('\n').slice(-lines).join('\n');
    return `--- stdout ---\n${last(this.#stdout)}\n--- stderr ---\n${last(this.#stderr)}`;
  }

  /** pino's JSON lines on stdout, parsed; other lines are skipped. */
  logLines(): Record<string, unknown>[] {
    return this.#stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }

  /** Waits until the captured output (stdout + stderr) matches, failing early if the process ends. */
  async waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.#stdout) ?? pattern.exec(this.#stderr);
      if (match) return match;
      if (this.exit) throw new Error(`process ${this.pid} exited (${JSON.stringify(this.exit)}) before printing ${pattern}\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} from process ${this.pid}\n${this.tail()}`);
      await this.#sleep(Math.min(250, Math.max(1, deadline - Date.now())));
    }
  }

  /** Sends a signal to the process (not its children) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit & { ms: number }> {
    const started = Date.now();
    if (!this.exit) this.child.kill(signal);
    return { ...(await this.exitWithin(timeoutMs, `of ${signal}`)), ms: Date.now() - started };
  }

  /** Waits for the process to exit by itself (after a signal sent some other way). */
  async exitWithin(timeoutMs: number, what = 'of waiting'): Promise<Exit> {
    const exit = await Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs).unref())]);
    if (!exit) throw new Error(`process ${this.pid} did not exit within ${timeoutMs} ms ${what}\n${this.tail()}`);
    return exit;
  }

  /**
   * Kills the process and its process group. An embedded PostgreSQL runs in a group of its own and
   * outlives it, as it would a kill in real life: `stopLeftoverPostgres` ends it.
   */
  kill(): void {
    for (const target of [-this.pid, this.pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  #wake() {
    for (const w of this.#waiters) w();
    this.#waiters.clear();
  }

  #sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.#waiters.delete(done);
        resolve();
      }
      this.#waiters.add(done);
    });
  }
}

const running = new Set<Proc>();

/**
 * A minimal environment: whatever the test runner has (DATABASE_URL, SWITCHBOARD_*, NODE_OPTIONS…)
 * must not leak into the program under test.
 */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'USER'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

/**
 * Starts `node <script>` (default: Switchboard's `src/main.ts`) with the Node running the tests,
 * in the repository root, in its own process group so that `killAll` can also end what it starts.
 */
export function spawnNode(env: Record<string, string | undefined>, script = 'src/main.ts', args: string[] = []): Proc {
  return spawnCommand(process.execPath, [script, ...args], env);
}

/** Starts any command (e.g. `npm start`) the way spawnNode starts a script, in `cwd` (default: the repository root). */
export function spawnCommand(command: string, args: string[], env: Record<string, string | undefined>, cwd = ROOT): Proc {
  const fullEnv: Record<string, string> = baseEnv();
  for (const [k, v] of Object.entries(env)) if (v !== undefined) fullEnv[k] = v;
  const child = spawn(command, args, { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const proc = new Proc(child);
  running.add(proc);
  return proc;
}

/** Polls `GET <baseUrl>/readyz` until it answers 200, failing early if the process ends. */
export async function waitForReady(proc: Proc, baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    if (proc.exit) throw new Error(`process ${proc.pid} exited (${JSON.stringify(proc.exit)}) before it was ready\n${proc.tail()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`process ${proc.pid} not ready at ${baseUrl} within ${timeoutMs} ms (last: ${last})\n${proc.tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Switchboard as a real process (API and workers) on `databaseUrl`, ready to answer; returns its URL. */
export async function startSwitchboard(databaseUrl: string): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnNode({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: 'warn',
  });
  await waitForReady(proc, url);
  return url;
}

/**
 * Switchboard as a real process on `databaseUrl`, set to recover fast from a kill: jobs a dead
 * process held expire after 5 s, the supervisor looks every second, retries come every second.
 */
export async function startRecoveringSwitchboard(databaseUrl: string): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = spawnNode({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_SECRET_KEY: SECRET_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    SWITCHBOARD_JOB_EXPIRE_SECONDS: '5',
    SWITCHBOARD_JOB_SUPERVISE_SECONDS: '1',
    SWITCHBOARD_RETRY_SCHEDULE: '1,1,1,1,1,1,1,1',
    SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: '5',
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(proc, url, 60_000);
  return { proc, url };
}

/**
 * For a test file that runs Switchboard as real processes: a database of its own and a receiver,
 * ready in beforeAll; after the file, every process it started is killed and both are gone.
 */
export function processTestFixtures(): { db: Awaited<ReturnType<typeof createTestDatabase>>; receiver: Receiver } {
  const fixtures = {} as ReturnType<typeof processTestFixtures>;
  beforeAll(async () => {
    [fixtures.db, fixtures.receiver] = await Promise.all([createTestDatabase(), Receiver.start()]);
  });
  afterAll(async () => {
    await killAll();
    await fixtures.receiver?.stop();
    await fixtures.db?.drop();
  });
  return fixtures;
}

/** Kills every process these helpers started that is still running (call it in afterAll). */
export async function killAll(): Promise<void> {
  const procs = [...running];
  for (const p of procs) p.kill();
  await Promise.all(procs.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 5_000).unref())])));
}

/**
 * The environment of a Switchboard with an embedded PostgreSQL in `dataDir`, with the suite's admin
 * key; `env` may override any variable (e.g. SWITCHBOARD_EMBEDDED_PG_PORT to share a data directory's port).
 */
export async function embeddedEnv(dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; env: Record<string, string> }> {
  const fullEnv = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_EMBEDDED_PG_PORT: String(await freePort()),
    SWITCHBOARD_ADMIN_KEY: ADMIN_KEY,
    SWITCHBOARD_ALLOW_PRIVATE_TARGETS: 'true',
    SWITCHBOARD_SHUTDOWN_TIMEOUT_SECONDS: '20',
    LOG_LEVEL: 'info',
    ...env,
  };
  return { url: `http://127.0.0.1:${fullEnv.PORT}`, env: fullEnv };
}

/** Switchboard as a real process with an embedded PostgreSQL in `dataDir` (see embeddedEnv), once ready. */
export async function startEmbeddedSwitchboard(dataDir: string, env: Record<string, string> = {}): Promise<{ proc: Proc; url: string; env: Record<string, string> }> {
  const started = await embeddedEnv(dataDir, env);
  const proc = spawnNode(started.env);
  await waitForReady(proc, started.url, 150_000);
  return { proc, ...started };
}

/** The pid in the embedded cluster's postmaster.pid (a symlinked cluster is followed), if there is one. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

/** Pids of running PostgreSQL servers (postmasters; their children go with them) on the embedded cluster in `dataDir` (Linux /proc). */
export function postmastersOf(dataDir: string): number[] {
  let cluster: string;
  try {
    cluster = realpathSync(path.join(dataDir, 'postgres'));
  } catch {
    return [];
  }
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv[0]!.endsWith('/bin/postgres') && argv.includes(cluster);
    } catch {
      return false;
    }
  });
}

/**
 * Stops an embedded PostgreSQL left running in `dataDir` (by a Switchboard that was killed),
 * using the pid it wrote to its data directory.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // no /proc
  }
  if (cmdline && !cmdline.includes('postgres')) return;
  process.kill(pid, 'SIGQUIT');
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}
