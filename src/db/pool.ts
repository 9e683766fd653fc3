import pg from 'pg';

/** The process's pool: hot paths use it directly, Prisma (where the API runs) through its adapter. */
export function createPool(url: string, poolSize: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: applicationName, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener the process dies.
  pool.on('error', () => undefined);
  return pool;
}

export type Statement = { text: string; values: unknown[] };

/**
 * Statements to run once a transaction has committed; the same statement is kept once, and
 * statements of one text that differ only in a last parameter that is an array (wake-ups of
 * several queues) become one, with the arrays joined: one round trip.
 */
export class AfterCommit {
  readonly #statements = new Map<string, Statement>();
  add(statement: Statement): void {
    const last = statement.values.at(-1);
    if (!Array.isArray(last)) return void this.#statements.set(JSON.stringify(statement), statement);
    const key = JSON.stringify([statement.text, statement.values.slice(0, -1)]);
    const before = this.#statements.get(key);
    const joined = before ? [...new Set([...(before.values.at(-1) as unknown[]), ...last])] : last;
    this.#statements.set(key, { text: statement.text, values: [...statement.values.slice(0, -1), joined] });
  }
  /** None of them need be durable (wake-ups), so a failure is ignored. */
  async run(query: (statement: Statement) => Promise<unknown>): Promise<void> {
    await Promise.all([...this.#statements.values()].map((s) => query(s).catch(() => undefined)));
  }
}

/**
 * What this process does itself, instead of in the database, of statements deferred until a commit
 * on a pool: given one, it answers the statement still to send, or null (worker/start-workers.ts:
 * a wake-up its own job pumps take).
 */
type HandledHere = (statement: Statement) => Statement | null;
const handledHere = new WeakMap<pg.Pool, HandledHere>();

export function handleHere(pool: pg.Pool, handle: HandledHere): () => void {
  handledHere.set(pool, handle);
  return () => handledHere.delete(pool);
}

/** Runs a statement deferred until a commit on `pool`, or what of it is left once this process did its part. */
export async function runAfterCommit(pool: pg.Pool, statement: Statement): Promise<void> {
  const handle = handledHere.get(pool);
  const left = handle ? handle(statement) : statement;
  if (left) await pool.query(left.text, left.values).catch(() => undefined);
}

/** What each transaction open through `inTransaction` deferred, by its client. */
const deferred = new WeakMap<pg.ClientBase | pg.Pool, AfterCommit>();

/** Defers `statement` until the transaction open on `client` commits; false when none is open (through `inTransaction`). */
export function deferUntilCommit(client: pg.ClientBase | pg.Pool, statement: Statement): boolean {
  deferred.get(client)?.add(statement);
  return deferred.has(client);
}

/** Runs `work` in one transaction on one pooled connection, then what it deferred until the commit. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const afterCommit = new AfterCommit();
  try {
    await client.query('BEGIN');
    deferred.set(client, afterCommit);
    const result = await work(client);
    await client.query('COMMIT');
    // On another connection, so neither this one nor the caller waits for them.
    void afterCommit.run((s) => runAfterCommit(pool, s));
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    deferred.delete(client);
    client.release();
  }
}
