import type { Sql } from '../db/sql.ts';

type Known = { id: number; locationId: string; legacyAuth: boolean; readAt: number };

/** How long a workspace read by its location id is trusted: legacyAuth can change, the ids cannot. */
const LEGACY_AUTH_TTL_MS = 5_000;
const MAX_KNOWN = 10_000;

const byLocation = new Map<string, Known>();
const byId = new Map<number, Known>();

function remember(rows: Omit<Known, 'readAt'>[]): void {
  if (byId.size > MAX_KNOWN) {
    byId.clear();
    byLocation.clear();
  }
  const readAt = Date.now();
  for (const row of rows) {
    const known = { ...row, readAt };
    byId.set(row.id, known);
    byLocation.set(row.locationId, known);
  }
}

const COLUMNS = 'id, location_id AS "locationId", legacy_auth AS "legacyAuth"';

/**
 * The workspace a location id routes to (the plain webhook door), from this process's one cache of
 * workspaces' location ids: a workspace's id and location id never change, so only legacyAuth is
 * read again after a few seconds.
 */
export async function workspaceAt(sql: Sql, locationId: string): Promise<{ id: number; legacyAuth: boolean } | null> {
  const known = byLocation.get(locationId);
  if (known && Date.now() - known.readAt < LEGACY_AUTH_TTL_MS) return known;
  const { rows } = await sql.query<Omit<Known, 'readAt'>>(`SELECT ${COLUMNS} FROM workspaces WHERE location_id = $1`, [locationId]);
  remember(rows);
  return rows[0] ?? null;
}

/** Workspaces' location ids by workspace id (seed 000 payloads carry them). */
export async function locationIdsOf(sql: Sql, workspaceIds: number[]): Promise<Map<number, string>> {
  const missing = [...new Set(workspaceIds)].filter((id) => !byId.has(id));
  if (missing.length) remember((await sql.query<Omit<Known, 'readAt'>>(`SELECT ${COLUMNS} FROM workspaces WHERE id = ANY($1::int[])`, [missing])).rows);
  return new Map(workspaceIds.map((id) => [id, byId.get(id)?.locationId ?? '']));
}
