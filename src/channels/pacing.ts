import type { Sql } from '../db/sql.ts';
import type { PacingConfig, SendingHours } from './config-fields.ts';

/**
 * Per-device pacing, held in PostgreSQL so every worker process shares it: at most `maxPerSecond`
 * sends in each second and `maxPerMinute` in each minute (fixed windows, the rate limiter's table),
 * and none outside the device's sending hours. Messages over the rate wait for the next window.
 */

/** Reserves up to `wanted` sends in one window; answers how many were granted. */
const RESERVE = `
INSERT INTO rate_limit_windows AS w (key, window_start, used) VALUES ($1, $2, $3)
ON CONFLICT (key, window_start) DO UPDATE SET used = w.used + $3
RETURNING LEAST($3::int, GREATEST($4::int - (w.used - $3::int), 0)) AS granted`;

/** Gives back what one window granted but the other did not let go. */
const RELEASE = 'UPDATE rate_limit_windows SET used = GREATEST(used - $3, 0) WHERE key = $1 AND window_start = $2';

export type PacingDecision = {
  /** How many of the wanted sends may go now. */
  granted: number;
  /** When the rest may be tried, and why they wait. */
  later: { at: Date; reason: string } | null;
};

/** Decides how many of `wanted` sends of a device go now; the reservation is shared across processes. */
export async function reserveSends(sql: Sql, deviceId: string, pacing: PacingConfig, wanted: number, now = new Date()): Promise<PacingDecision> {
  if (pacing.sendingHours) {
    const opens = nextOpening(now, pacing.sendingHours);
    if (opens.getTime() > now.getTime()) {
      const h = pacing.sendingHours;
      return { granted: 0, later: { at: opens, reason: `outside the device's sending hours (${h.from}–${h.to} ${h.timeZone})` } };
    }
  }
  const windows = [
    pacing.maxPerMinute ? { key: `device-send:${deviceId}:m`, ms: 60_000, limit: pacing.maxPerMinute, what: `${pacing.maxPerMinute} per minute` } : null,
    pacing.maxPerSecond ? { key: `device-send:${deviceId}:s`, ms: 1_000, limit: pacing.maxPerSecond, what: `${pacing.maxPerSecond} per second` } : null,
  ].filter((w) => w !== null);
  let granted = wanted;
  const reserved: { key: string; start: Date; granted: number }[] = [];
  let full: (typeof windows)[number] | null = null;
  for (const w of windows) {
    if (granted === 0) break;
    const start = new Date(Math.floor(now.getTime() / w.ms) * w.ms);
    const { rows } = await sql.query<{ granted: number }>(RESERVE, [w.key, start, granted, w.limit]);
    const got = rows[0]?.granted ?? 0;
    reserved.push({ key: w.key, start, granted: got });
    if (got < granted) full = w;
    granted = got;
  }
  // A minute's grant the second's window did not use is given back.
  for (const r of reserved) if (r.granted > granted) await sql.query(RELEASE, [r.key, r.start, r.granted - granted]);
  if (granted >= wanted || !full) return { granted, later: null };
  const next = new Date(Math.floor(now.getTime() / full.ms) * full.ms + full.ms);
  return { granted, later: { at: next, reason: `paced at ${full.what} (the device's send rate)` } };
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local time of day (minutes since midnight) at `at` in a time zone. */
function localMinutes(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = format.formatToParts(at);
  return Number(parts.find((p) => p.type === 'hour')!.value) * 60 + Number(parts.find((p) => p.type === 'minute')!.value);
}

/** True when `from`–`to` (which may wrap past midnight) contains the local time. */
function isOpen(local: number, hours: SendingHours): boolean {
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? local >= from && local < to : local >= from || local < to;
}

/** `now` when the device may send now, else the next moment its sending hours open. */
export function nextOpening(now: Date, hours: SendingHours): Date {
  const local = localMinutes(now, hours.timeZone);
  if (isOpen(local, hours)) return now;
  // Jump to where the local clock reads `from`; a daylight-saving change on the way is corrected by stepping.
  const wholeMinute = Math.ceil(now.getTime() / 60_000) * 60_000;
  let t = wholeMinute + (((minutesOf(hours.from) - localMinutes(new Date(wholeMinute), hours.timeZone)) % 1440) + 1440) % 1440 * 60_000;
  for (let step = 0; step < 180 && !isOpen(localMinutes(new Date(t), hours.timeZone), hours); step++) t += 60_000;
  return new Date(t);
}
