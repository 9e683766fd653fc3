import type { Sql } from '../db/sql.ts';
import type { LinkState } from '../generated/prisma/client.ts';

/** How often the holder of a link writes that it is alive (and how many requests are in flight). */
export const LINK_HEARTBEAT_MS = 2_000;
/** A link whose holder has not written for this long is shown STOPPED: its process is gone. */
const STALE_MS = 15_000;

/** A device's link, as the API shows it (`Device.link`). */
export type LinkStatus = { state: LinkState; since: Date; lastError: string | null; inFlight: number; holder: string | null };

export type LinkRow = { state: LinkState; since: Date; lastError: string | null; inFlight: number; holder: string | null; heartbeatAt: Date };

/** Records a link's state; `since` moves only when the state changes. Written by the process holding the device's lease. */
export async function writeLinkState(
  sql: Sql,
  deviceId: string,
  s: { state: LinkState; lastError: string | null; inFlight: number; holder: string; refusedVersion?: string | null },
): Promise<void> {
  await sql.query(
    `INSERT INTO device_links AS l (device_id, state, since, last_error, in_flight, holder, heartbeat_at, refused_version)
     VALUES ($1, $2::"LinkState", now(), $3, $4, $5, now(), $6)
     ON CONFLICT (device_id) DO UPDATE SET
       since = CASE WHEN l.state = EXCLUDED.state THEN l.since ELSE now() END,
       state = EXCLUDED.state, last_error = EXCLUDED.last_error, in_flight = EXCLUDED.in_flight,
       holder = EXCLUDED.holder, heartbeat_at = now(), refused_version = EXCLUDED.refused_version`,
    [deviceId, s.state, s.lastError, s.inFlight, s.holder, s.refusedVersion ?? null],
  );
}

/** The holder is alive: its links' heartbeats and in-flight counts. */
export async function heartbeat(sql: Sql, links: { deviceId: string; inFlight: number }[]): Promise<void> {
  if (!links.length) return;
  await sql.query(
    `UPDATE device_links l SET heartbeat_at = now(), in_flight = x.n FROM unnest($1::char(24)[], $2::int[]) AS x(id, n) WHERE l.device_id = x.id`,
    [links.map((l) => l.deviceId), links.map((l) => l.inFlight)],
  );
}

/** What the API says about a link: no row yet, or a holder gone silent, is STOPPED. */
export function linkStatus(row: LinkRow | null, device: { status: string; activatedAt: Date | null; createdAt: Date }, now = new Date()): LinkStatus {
  if (!row) return { state: 'STOPPED', since: device.activatedAt ?? device.createdAt, lastError: null, inFlight: 0, holder: null };
  if (row.state !== 'STOPPED' && now.getTime() - row.heartbeatAt.getTime() > STALE_MS) {
    return { state: 'STOPPED', since: row.heartbeatAt, lastError: 'the worker process holding the link stopped answering', inFlight: 0, holder: row.holder };
  }
  return { state: row.state, since: row.since, lastError: row.lastError, inFlight: row.inFlight, holder: row.holder };
}
