import type pg from 'pg';
import type { PgBoss } from 'pg-boss';
import type { SecretBox } from '../crypto/secret-box.ts';
import { pgSql } from '../db/sql.ts';
import { inStage } from '../db/statement-counts.ts';
import { acceptMessages } from './accept-messages.ts';
import type { AcceptRequest, AcceptResult } from './accept-request.ts';
import { Batcher } from './batcher.ts';

/** Up to this many messages share one accept statement; this many run at once; a new one waits this long for company. */
export const ACCEPT_BATCH = { maxSize: 200, maxConcurrent: 3, lingerMs: 3 } as const;

/** The accept path every door uses: concurrent requests are committed together, durably, before any answer. */
export function createAcceptor(pool: pg.Pool, boss: PgBoss, secrets: SecretBox): (r: AcceptRequest) => Promise<AcceptResult> {
  const batcher = new Batcher<AcceptRequest, AcceptResult>(
    (requests) => inStage('accept', () => acceptMessages({ sql: pgSql(pool), boss, secrets, now: new Date() }, requests)),
    ACCEPT_BATCH,
  );
  return (request) => batcher.submit(request);
}
