import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import pg from 'pg';

/**
 * Counts the statements this process (or worker thread) sends to PostgreSQL, by the stage of the
 * message pipeline that sent them (SWITCHBOARD_STATEMENT_COUNTS_DIR, for the bench). Every round
 * trip counts, BEGIN and COMMIT included; statements outside a stage count as `other`.
 */
export type Stage = 'accept' | 'send' | 'status' | 'delivery';

const stage = new AsyncLocalStorage<Stage>();
let counts: Record<string, number> | null = null;

/** Runs `work` as part of `name`: the statements it sends, now or later in its async flow, count there. */
export function inStage<T>(name: Stage | undefined, work: () => T): T {
  return counts && name ? stage.run(name, work) : work();
}

/** Counting starts in every pg client of this thread; the counts are written to `dir` every second. */
export function countStatements(dir: string | undefined): void {
  if (!dir || counts) return;
  const current: Record<string, number> = {};
  counts = current;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const name = stage.getStore() ?? 'other';
    current[name] = (current[name] ?? 0) + 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  // pg-pool calls back from whichever client was released: keep the caller's stage instead.
  const connect = pg.Pool.prototype.connect as (...args: unknown[]) => unknown;
  pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
    if (typeof args[0] === 'function') args[0] = AsyncResource.bind(args[0] as (...a: unknown[]) => unknown);
    return connect.apply(this, args);
  } as typeof pg.Pool.prototype.connect;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}-${threadId}.json`);
  const write = () => {
    // Whole files only: the reader never sees one half written. A count is an aid: its failure (the
    // directory removed) must not stop the process.
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(current));
      renameSync(`${file}.tmp`, file);
    } catch {
      // the next write tries again
    }
  };
  setInterval(write, 1000).unref();
  process.once('exit', write);
}
