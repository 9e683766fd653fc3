import os from 'node:os';
import pg from 'pg';
import { pgSql } from '../db/sql.ts';
import { DEVICE_COLUMNS, openDevice, type ActiveDevice, type DeviceRow } from '../devices/active-devices.ts';
import type { LinkState } from '../generated/prisma/client.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { DriverError, NotNowError } from '../channels/driver-errors.ts';
import type { OpenLink } from './link-types.ts';
import { LINK_OPENERS } from './openers.ts';
import { DRIVERS } from '../channels/drivers.ts';
import { heartbeat, LINK_HEARTBEAT_MS, writeLinkState } from './link-state.ts';

/**
 * Keeps every ACTIVE device whose driver has a link (SMPP) connected, in exactly one worker process.
 *
 * Each process looks for such devices every few seconds and tries to take a session-level advisory
 * lock per device on a connection of its own: the lock is the lease. It drops when the process or
 * that connection dies, so another process takes the device over at its next look. A process that
 * loses the connection stops its links at once (another may hold them by now).
 *
 * For each device it holds, it opens the link, and after a drop opens it again with capped
 * exponential backoff and jitter. Credentials the provider refuses mark the device (lastError) and
 * are not tried again until the device's config changes or it is activated again. A device
 * deactivated, deleted or updated has its link closed (and, if still active, opened anew).
 */

/** The first pause after a failed connect or a drop; each later one doubles, up to the cap. */
const FIRST_RECONNECT_MS = 1_000;
const MAX_RECONNECT_MS = 60_000;
/** Each pause is stretched or shrunk by up to ±20 %, so links that dropped together do not all return together. */
const RECONNECT_JITTER = 0.2;

export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** Math.max(0, attempt - 1));
  return base * (1 - RECONNECT_JITTER + 2 * RECONNECT_JITTER * random());
}

const LINK_DRIVERS = Object.values(DRIVERS)
  .filter((d) => d.linked)
  .map((d) => d.name);

/** Which process holds a link, for admins. */
const HOLDER = `${os.hostname()}/${process.pid}`;

type Candidate = DeviceRow & { version: string; refusedVersion: string | null; lastError: string | null };

type Held = {
  device: ActiveDevice;
  /** The config and activation the link runs with: a change restarts it. */
  version: string;
  memory: Map<string, unknown>;
  link: OpenLink | null;
  state: LinkState;
  lastError: string | null;
  stopped: boolean;
  /** Resolves when stop is requested. */
  stopping: Promise<void>;
  requestStop: () => void;
  deadline: number;
  done: Promise<void>;
};

const lockKey = `hashtextextended('switchboard:device-link:' || $1, 0)`;

export class LinkSupervisor {
  readonly #rt: Runtime;
  readonly #databaseUrl: string;
  #lease: pg.Client | null = null;
  readonly #held = new Map<string, Held>();
  readonly #wakeListeners = new Set<() => void>();
  #running = true;
  #loop: Promise<void> = Promise.resolve();
  #sleep: { timer: NodeJS.Timeout; resolve: () => void } | null = null;

  private constructor(rt: Runtime, databaseUrl: string) {
    this.#rt = rt;
    this.#databaseUrl = databaseUrl;
  }

  /** Starts looking for link devices now and every LINK_HEARTBEAT_MS; no-op when no driver has links. */
  static start(rt: Runtime, databaseUrl: string): LinkSupervisor {
    const supervisor = new LinkSupervisor(rt, databaseUrl);
    if (LINK_DRIVERS.length) supervisor.#loop = supervisor.#run();
    return supervisor;
  }

  /** New messages may be due: the links look for them now. */
  wake(): void {
    for (const listener of this.#wakeListeners) listener();
  }

  /** Closes every link (unbinding, answers to what was sent awaited until the deadline) and gives up the leases. */
  async stop(deadline: number): Promise<void> {
    this.#running = false;
    if (this.#sleep) {
      clearTimeout(this.#sleep.timer);
      this.#sleep.resolve();
    }
    await this.#loop;
    await Promise.all([...this.#held.values()].map((h) => this.#release(h, deadline)));
    await this.#lease?.end().catch(() => undefined);
    this.#lease = null;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        await this.#scan();
      } catch (error) {
        this.#rt.log.error({ err: describeError(error) }, 'looking for device links failed');
      }
      if (!this.#running) break;
      await new Promise<void>((resolve) => (this.#sleep = { timer: setTimeout(resolve, LINK_HEARTBEAT_MS), resolve }));
      this.#sleep = null;
    }
  }

  async #scan(): Promise<void> {
    const lease = await this.#leaseConnection();
    const { rows } = await this.#rt.pool.query<Candidate>(
      `SELECT ${DEVICE_COLUMNS}, md5(d.config) || '/' || coalesce(d.activated_at::text, '') AS version,
              l.refused_version AS "refusedVersion", l.last_error AS "lastError"
         FROM devices d LEFT JOIN device_links l ON l.device_id = d.id
        WHERE d.status = 'ACTIVE' AND d.driver = ANY($1::text[])`,
      [LINK_DRIVERS],
    );
    const active = new Map(rows.map((r) => [r.id, r]));
    for (const held of [...this.#held.values()]) {
      if (active.get(held.device.id)?.version !== held.version) await this.#release(held, Date.now() + this.#rt.config.shutdownTimeoutMs);
    }
    for (const candidate of active.values()) {
      if (this.#held.has(candidate.id) || !this.#running) continue;
      const { rows: got } = await lease.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${lockKey}) AS locked`, [candidate.id]);
      if (got[0]?.locked) this.#hold(candidate, lease);
    }
    await heartbeat(
      pgSql(this.#rt.pool),
      [...this.#held.values()].map((h) => ({ deviceId: h.device.id, inFlight: h.link?.inFlight() ?? 0 })),
    );
  }

  /** The connection that holds the leases; when it breaks, every link of this process stops at once. */
  async #leaseConnection(): Promise<pg.Client> {
    if (this.#lease) return this.#lease;
    const client = new pg.Client({ connectionString: this.#databaseUrl, application_name: 'switchboard-links' });
    const lost = () => {
      if (this.#lease !== client) return;
      this.#lease = null;
      this.#rt.log.error('the connection holding the device links broke: closing every link of this process');
      for (const held of this.#held.values()) void this.#release(held, Date.now(), { unlock: false });
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    this.#lease = client;
    return client;
  }

  #hold(candidate: Candidate, lease: pg.Client): void {
    let requestStop!: () => void;
    const held: Held = {
      device: openDevice(this.#rt.secrets, candidate),
      version: candidate.version,
      memory: new Map(),
      link: null,
      state: 'CONNECTING',
      lastError: candidate.lastError,
      stopped: false,
      stopping: new Promise<void>((resolve) => (requestStop = resolve)),
      requestStop: () => requestStop(),
      deadline: 0,
      done: Promise.resolve(),
    };
    this.#held.set(candidate.id, held);
    held.done = this.#keepLinked(held, candidate.refusedVersion === candidate.version, lease).catch((error: unknown) => {
      this.#rt.log.error({ err: describeError(error), deviceId: held.device.id }, 'a device link stopped unexpectedly');
    });
  }

  async #record(held: Held, lease: pg.Client, state: LinkState, refusedVersion: string | null = null): Promise<void> {
    held.state = state;
    // Only the lease holder writes: after the lease is lost another process may hold the device.
    if (this.#lease !== lease) return;
    await writeLinkState(pgSql(this.#rt.pool), held.device.id, { state, lastError: held.lastError, inFlight: held.link?.inFlight() ?? 0, holder: HOLDER, refusedVersion }).catch(
      (error: unknown) => this.#rt.log.error({ err: describeError(error), deviceId: held.device.id }, 'recording a device link state failed'),
    );
  }

  /** Opens the device's link and opens it again after each drop, until stopped or its credentials are refused. */
  async #keepLinked(held: Held, refused: boolean, lease: pg.Client): Promise<void> {
    const { device } = held;
    const driver = device.driver;
    if (refused) return this.#record(held, lease, 'STOPPED', held.version);
    const ctx = {
      rt: this.#rt,
      memory: held.memory,
      onWake: (listener: () => void) => {
        this.#wakeListeners.add(listener);
        return () => this.#wakeListeners.delete(listener);
      },
    };
    let attempt = 0;
    while (!held.stopped) {
      await this.#record(held, lease, 'CONNECTING');
      try {
        const link = await LINK_OPENERS[driver.name]!(device, ctx);
        if (held.stopped) {
          await link.close(held.deadline);
          break;
        }
        held.link = link;
        attempt = 0;
        await this.#record(held, lease, 'BOUND');
        const ended = await Promise.race([link.ended, held.stopping.then(() => null)]);
        if (!ended) {
          await link.close(held.deadline);
          held.link = null;
          break;
        }
        held.link = null;
        held.lastError = ended.message;
        this.#rt.log.warn({ deviceId: device.id, reason: ended.message }, 'a device link dropped');
      } catch (error) {
        if (error instanceof DriverError) {
          held.lastError = `${error.code}: ${error.message}`;
          this.#rt.log.warn({ deviceId: device.id, reason: held.lastError }, 'the provider refused the device link; not retrying until the device changes');
          if (this.#lease === lease) {
            await this.#rt.pool.query('UPDATE devices SET last_error = $2, last_error_at = now() WHERE id = $1', [device.id, held.lastError]);
          }
          return this.#record(held, lease, 'STOPPED', held.version);
        }
        held.lastError = error instanceof NotNowError ? `${error.code}: ${error.message}` : 'the link failed unexpectedly';
        if (!(error instanceof NotNowError)) this.#rt.log.error({ err: describeError(error), deviceId: device.id }, 'opening a device link failed unexpectedly');
      }
      if (held.stopped) break;
      await this.#record(held, lease, 'BACKING_OFF');
      await Promise.race([new Promise((r) => setTimeout(r, reconnectDelayMs(++attempt)).unref()), held.stopping]);
    }
    await this.#record(held, lease, 'STOPPED');
  }

  /** Closes a link and gives up its lease (unless the lease connection is already gone). */
  async #release(held: Held, deadline: number, o: { unlock?: boolean } = {}): Promise<void> {
    if (this.#held.get(held.device.id) !== held) return;
    held.stopped = true;
    held.deadline = deadline;
    held.requestStop();
    await Promise.race([held.done, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 1_000).unref())]);
    this.#held.delete(held.device.id);
    if (o.unlock !== false) await this.#lease?.query(`SELECT pg_advisory_unlock(${lockKey})`, [held.device.id]).catch(() => undefined);
  }
}
