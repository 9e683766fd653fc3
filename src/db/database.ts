import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createPool } from './pool.ts';

export type { PrismaClient };

export type Database = {
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
};

/**
 * The pool, and Prisma on it through the adapter. Prisma is loaded only where it is used (the API
 * and start-up): a worker thread leaves it out, which keeps its memory small (bench/README.md, Memory).
 */
export async function connectDatabase(url: string, poolSize: number, applicationName: string, withPrisma = true): Promise<Database> {
  const pool = createPool(url, poolSize, applicationName);
  const prisma = withPrisma ? await newPrisma(pool) : notLoaded();
  return {
    url,
    pool,
    prisma,
    async close() {
      if (withPrisma) await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

async function newPrisma(pool: pg.Pool): Promise<PrismaClient> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('../generated/prisma/client.ts'), import('@prisma/adapter-pg')]);
  // Interactive transactions may wait for a connection and run longer than Prisma's defaults
  // (2 s, 5 s) when the pool is busy with a burst.
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

/** Where Prisma is left out, a use of it is a bug that should say so. */
function notLoaded(): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      throw new Error(`Prisma is not loaded in a worker thread (used: ${String(property)})`);
    },
  });
}
