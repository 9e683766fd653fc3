import pg from 'pg';

/** The process's pool: hot paths use it directly, Prisma (where the API runs) through its adapter. */
export function createPool(url: string, poolSize: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: applicationName, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener the process dies.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
