import type pg from 'pg';

/**
 * How a test waits on the app: poll a read until it holds, or wait until the delivery log shows the work
 * is finished. A sleep only paces or measures time; absence is shown on the rows, never by waiting.
 */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until `done` holds for its value or time runs out, and returns the last value (an
 * error counts as not yet): for a caller whose own `expect` explains a failure best.
 */
export async function polled<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000, everyMs = 100): Promise<{ ok: true; value: T } | { ok: false; last: unknown }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: unknown;
    try {
      const value = await read();
      if (done(value)) return { ok: true, value };
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) return { ok: false, last };
    await sleep(everyMs);
  }
}

/** Polls `read` until `done` holds for its value, and returns it; throws naming `what` when time runs out. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const result = await polled(read, done, timeoutMs, everyMs);
  if (!result.ok) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(result.last)}`);
  return result.value;
}

type HasPool = { rt: { pool: pg.Pool } };
export type DeliveryRow = { id: string; eventId: string; url: string; status: string; attemptCount: number; scheduled: boolean };

/**
 * Waits until no delivery of the workspace (optionally: to URLs containing `urlPart`) has work
 * scheduled, i.e. each is SUCCEEDED, FAILED, DEAD or parked on a disabled target, and returns them.
 * The receiver records a request before it answers and the attempt is written after the answer,
 * so once this returns, every request the deliveries made has arrived.
 */
export async function deliveriesSettled(app: HasPool, workspaceId: number, urlPart = '', timeoutMs = 20_000): Promise<DeliveryRow[]> {
  const read = async () =>
    (
      await app.rt.pool.query<DeliveryRow>(
        `SELECT d.id::text, d.event_id::text AS "eventId", t.url, d.status::text, d.attempt_count AS "attemptCount",
                (d.status = 'PENDING' AND d.next_attempt_at IS NOT NULL) AS scheduled
           FROM deliveries d JOIN targets t ON t.id = d.target_id
          WHERE d.workspace_id = $1 AND strpos(t.url, $2) > 0
          ORDER BY d.created_at, d.id`,
        [workspaceId, urlPart],
      )
    ).rows;
  return eventually(read, (rows) => rows.every((d) => !d.scheduled), `deliveries of workspace ${workspaceId} to settle`, timeoutMs);
}

/**
 * Waits until every message the workspace sent through simulator devices reached its last status
 * (READ on WhatsApp and iMessage, DELIVERED on SMS and RCS, or a failure): from then on no status
 * report, so no event, is still to come.
 */
export async function simulatorMessagesFinal(app: HasPool, workspaceId: number, timeoutMs = 20_000): Promise<void> {
  const unfinished = async () =>
    (
      await app.rt.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages
          WHERE workspace_id = $1 AND direction = 'OUTBOUND'
            AND NOT (status IN ('FAILED', 'UNDELIVERED', 'READ') OR (status = 'DELIVERED' AND channel IN ('SMS', 'RCS')))`,
        [workspaceId],
      )
    ).rows[0]!.n;
  await eventually(unfinished, (n) => n === 0, `messages of workspace ${workspaceId} to reach their last status`, timeoutMs);
}

/** Simulator messages final, then deliveries settled: the workspace has nothing left to send anywhere. */
export async function workspaceQuiet(app: HasPool, workspaceId: number, timeoutMs = 20_000): Promise<DeliveryRow[]> {
  await simulatorMessagesFinal(app, workspaceId, timeoutMs);
  return deliveriesSettled(app, workspaceId, '', timeoutMs);
}
