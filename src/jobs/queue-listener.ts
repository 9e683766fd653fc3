import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Statement } from '../db/pool.ts';
import type { Logger } from '../log.ts';
import { BOSS_SCHEMA } from './boss.ts';

/** pg-boss' NOTIFY channel for its schema; the payload of each notification is a queue name. */
const CHANNEL = `pgboss_${createHash('sha224').update(BOSS_SCHEMA).digest('hex').slice(0, 24)}`;

const WAKE = 'SELECT pg_notify($1, queue) FROM unnest($2::text[]) AS queue';

/** Wakes every process's pumps of these queues, in one round trip (sent once the jobs' transaction has committed: jobs/enqueue.ts). */
export const wakeWorkers = (queues: string | string[]): Statement => ({ text: WAKE, values: [CHANNEL, typeof queues === 'string' ? [queues] : queues] });

/** What is left of a statement once `wokeHere` took the wake-ups of queues it could (null: nothing to send). */
export function wakeUpsLeft(statement: Statement, wokeHere: (queue: string) => boolean): Statement | null {
  if (statement.text !== WAKE) return statement;
  const queues = (statement.values[1] as string[]).filter((queue) => !wokeHere(queue));
  return queues.length ? wakeWorkers(queues) : null;
}

/**
 * One LISTEN connection per process that wakes job pumps the moment jobs are queued. It
 * reconnects on its own; pumps keep polling as a floor while it is down.
 */
export class QueueListener {
  readonly #url: string;
  readonly #log: Logger;
  readonly #wakers = new Map<string, Set<() => void>>();
  #client: pg.Client | null = null;
  #closed = false;
  #failures = 0;

  constructor(url: string, log: Logger) {
    this.#url = url;
    this.#log = log;
  }

  onJob(queue: string, wake: () => void): () => void {
    const set = this.#wakers.get(queue) ?? new Set();
    set.add(wake);
    this.#wakers.set(queue, set);
    return () => set.delete(wake);
  }

  async start(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.#url, application_name: 'switchboard-listen', keepAlive: true });
    // Each client asks for one reconnect at most, however many of 'error', 'end' and a failed connect it reports.
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.#reconnect(client);
    };
    client.on('notification', (n) => {
      for (const wake of this.#wakers.get(n.payload ?? '') ?? []) wake();
    });
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      await client.query(`LISTEN "${CHANNEL}"`);
      if (lost || this.#closed) return void client.end().catch(() => undefined);
      this.#client = client;
      this.#failures = 0;
      // Anything inserted while we were not listening is picked up by the next fetch.
      for (const set of this.#wakers.values()) for (const wake of set) wake();
    } catch {
      onLost();
    }
  }

  #reconnect(client: pg.Client) {
    if (this.#client === client) this.#client = null;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#failures++;
    if (this.#failures === 1) this.#log.warn('job notification connection lost; reconnecting (jobs are still polled meanwhile)');
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.#failures, 6));
    setTimeout(() => void this.start(), delay).unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => undefined);
  }
}
