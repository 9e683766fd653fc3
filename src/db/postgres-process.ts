import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../log.ts';
import type { OsUser } from './postgres-as-root.ts';

/** How a PostgreSQL program is run: which binaries, as whom (root runs it as the postgres OS user). */
export type Runner = { nativeDir: string; user: OsUser | null; log?: Logger };

/** Delays before each attempt to start a server that died, the last one repeating. */
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/** After this many failed attempts in a row the process reports itself unhealthy (/healthz 503). */
const UNHEALTHY_AFTER_FAILED_STARTS = 3;
/** A server that ran this long before it died is restarted without waiting long. */
const STABLE_AFTER_MS = 60_000;
const READY = 'database system is ready to accept connections';

/**
 * Runs a PostgreSQL program in a process group of its own: Ctrl-C in a terminal signals the
 * foreground group, and the server must outlive the drain that follows (Switchboard stops it last).
 * Its output goes line by line to `onLine`.
 */
function spawnPostgres(runner: Runner, program: string, args: string[], onLine: (line: string) => void): ChildProcess {
  const child = spawn(`${runner.nativeDir}/bin/${program}`, args, {
    detached: process.platform !== 'win32',
    ...(runner.user ? { uid: runner.user.uid, gid: runner.user.gid } : {}),
    // Messages in English: readiness is read from them.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (l) => onLine(l.trim()));
  return child;
}

/** Runs a program to its end; rejects with its last lines when it fails. */
export async function runPostgresProgram(runner: Runner, program: string, args: string[]): Promise<void> {
  const lines: string[] = [];
  const child = spawnPostgres(runner, program, args, (line) => {
    runner.log?.debug({ postgres: line }, `embedded postgres ${program}`);
    lines.push(line);
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  });
  if (code !== 0) throw new Error(`${program} failed (${signal ?? `exit code ${code}`}):\n  ${lines.slice(-8).join('\n  ')}`);
}

/**
 * The postmaster, kept running: when it dies it is started again (and logged), sooner after a long
 * run and later while it keeps dying, until `stop`.
 */
export class PostgresServer {
  #child: ChildProcess | null = null;
  #stopping = false;
  #failedStarts = 0;
  #attempt = 0;
  #startedAt = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  /** The server's last words, to say why it did not start. */
  readonly recent: string[] = [];
  readonly #signalOnExit = () => this.#child?.kill('SIGINT');

  readonly #runner: Runner;
  readonly #args: string[];

  constructor(runner: Runner, args: string[]) {
    this.#runner = runner;
    this.#args = args;
  }

  /** False after UNHEALTHY_AFTER_FAILED_STARTS failed attempts in a row to start it again. */
  healthy(): boolean {
    return this.#failedStarts < UNHEALTHY_AFTER_FAILED_STARTS;
  }

  /** Starts the postmaster; resolves once it accepts connections, rejects if it exits first. */
  async start(): Promise<void> {
    this.recent.length = 0;
    const started = Promise.withResolvers<void>();
    let ready = false;
    const child = spawnPostgres(this.#runner, 'postgres', this.#args, (line) => {
      this.#runner.log?.debug({ postgres: line }, 'embedded postgres');
      this.recent.push(line);
      if (this.recent.length > 8) this.recent.shift();
      if (!ready && line.includes(READY)) {
        ready = true;
        this.#startedAt = Date.now();
        started.resolve();
      }
    });
    this.#child = child;
    // A Switchboard that exits without stopping it (a second Ctrl-C, a crash) still stops it.
    process.once('exit', this.#signalOnExit);
    child.once('error', (error) => {
      process.removeListener('exit', this.#signalOnExit);
      started.reject(error);
    });
    child.once('exit', (code, signal) => {
      process.removeListener('exit', this.#signalOnExit);
      if (!ready) started.reject(new Error(`PostgreSQL exited while starting (${signal ?? `exit code ${code}`})`));
      else this.#died(code, signal);
    });
    await started.promise;
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // SIGINT: PostgreSQL's fast shutdown (open sessions are ended, nothing is lost).
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  }

  #died(code: number | null, signal: NodeJS.Signals | null) {
    if (this.#stopping) return;
    this.#attempt = Date.now() - this.#startedAt >= STABLE_AFTER_MS ? 0 : this.#attempt + 1;
    this.#runner.log?.error({ exit: signal ?? code }, 'the embedded PostgreSQL stopped unexpectedly; starting it again');
    this.#scheduleRestart();
  }

  #scheduleRestart() {
    const delay = RESTART_DELAYS_MS[Math.min(this.#attempt, RESTART_DELAYS_MS.length - 1)]!;
    this.#restartTimer = setTimeout(() => void this.#restart(), delay).unref();
  }

  async #restart() {
    if (this.#stopping) return;
    try {
      await this.start();
      this.#failedStarts = 0;
      this.#runner.log?.warn('the embedded PostgreSQL is running again');
    } catch {
      if (this.#stopping) return;
      this.#failedStarts++;
      this.#attempt++;
      // Its children may still hold the old shared memory for a moment; later attempts wait longer.
      this.#runner.log?.error({ attempt: this.#failedStarts, postgres: this.recent.at(-1) }, 'the embedded PostgreSQL could not be started again; trying again');
      this.#scheduleRestart();
    }
  }
}
