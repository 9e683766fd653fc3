import pg from 'pg';

/** The process's pool: hot paths use it directly, Prisma (where the API runs) through its adapter. */
export function createPool(url: string, poolSize: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: applicationName, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener the process dies.
  pool.on('error', () => undefined);
  return pool;
}

export type Statement = { text: string; values: unknown[] };

/** Statements to run once the transaction open on a client commits; the same statement runs once. */
const deferred = new WeakMap<pg.ClientBase | pg.Pool, Map<string, Statement>>();

/** Defers `statement` until the transaction open on `client` commits; false when none is open (through `inTransaction`). */
export function deferUntilCommit(client: pg.ClientBase | pg.Pool, statement: Statement): boolean {
  const pending = deferred.get(client);
  pending?.set(JSON.stringify(statement), statement);
  return pending !== undefined;
}

/** Runs `work` in one transaction on one pooled connection, then what it deferred until the commit. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const afterCommit = new Map<string, Statement>();
  try {
    await client.query('BEGIN');
    deferred.set(client, afterCommit);
    const result = await work(client);
    await client.query('COMMIT');
    // On another connection, so neither this one nor the caller waits for them.
    for (const s of afterCommit.values()) pool.query(s.text, s.values).catch(() => undefined);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    deferred.delete(client);
    client.release();
  }
}
