import type pg from 'pg';
import type { Config } from './config.ts';
import type { PrismaClient } from './db/database.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { PgBoss } from './jobs/boss.ts';
import type { Logger } from './log.ts';
import type { KeyCache } from './auth/authenticate.ts';
import type { AcceptRequest, AcceptResult } from './messages/accept-request.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';
import type { ProviderHttp } from './channels/provider-http.ts';
import type { MediaLinks } from './media/media-links.ts';

/** What services need from the running process. Built once in app.ts and handed to every door and job. */
export type Runtime = {
  config: Config;
  prisma: PrismaClient;
  pool: pg.Pool;
  boss: PgBoss;
  secrets: SecretBox;
  log: Logger;
  keys: KeyCache;
  limiter: RateLimiter;
  /** Accepts an outbound message; concurrent calls share one transaction (messages/accept-batcher.ts). */
  accept: (request: AcceptRequest) => Promise<AcceptResult>;
  /** Outbound HTTP to providers (drivers' sends, activations, media). */
  providers: ProviderHttp;
  /** Signed links to media Switchboard keeps for inbound messages. */
  media: MediaLinks;
};
