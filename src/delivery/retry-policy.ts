/**
 * The whole delivery policy in one place (Svix's schedule, plus what none of them does: 410 and
 * permanent answers stop at once).
 *
 * Attempt 1 is immediate; then, by default, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the
 * previous failure: 8 attempts over about 27.6 hours (SWITCHBOARD_RETRY_SCHEDULE changes the gaps).
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/** Each gap is stretched or shrunk by up to ±20 %, so retries of a burst do not arrive together. */
export const JITTER = 0.2;

/**
 * When a target that was failing answers 2xx again, its waiting deliveries need not wait out their
 * gaps (Svix and Hook0 resume a recovered endpoint promptly): up to `max` of them, oldest first, are
 * sent again at once, `perSecond` a second so the receiver that just came back is not flooded. The
 * rest, and any due within `minGainSeconds` anyway, keep their schedule.
 */
export const RESUME_ON_RECOVERY = { max: 5000, perSecond: 100, minGainSeconds: 5 } as const;

/** A `Retry-After` longer than the scheduled gap is honoured, up to this. It never shortens the gap. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** Answers that cannot succeed on a retry: the delivery fails at once (a target may add its own). */
export const PERMANENT_STATUS_CODES: readonly number[] = [400, 405, 413, 414, 415, 422, 501];

/** 410 Gone: the receiver says the endpoint is gone for good. The target is disabled at once. */
export const GONE = 410;

/** The response body kept per attempt. */
export const RESPONSE_CAPTURE_BYTES = 4096;

export type AttemptOutcome =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delaySeconds: number }
  | { kind: 'failed'; reason: string; disableTarget: boolean }
  | { kind: 'dead' };

type Result = { statusCode: number | null; retryAfterSeconds: number | null; errorKind: string | null };

/** What happens after attempt number `attempt` (1-based) ended with `result`. */
export function decide(
  attempt: number,
  result: Result,
  schedule: readonly number[],
  permanentCodes: readonly number[],
  random: () => number = Math.random,
): AttemptOutcome {
  const { statusCode } = result;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { kind: 'succeeded' };
  if (statusCode === GONE) return { kind: 'failed', reason: 'the target answered 410 Gone', disableTarget: true };
  if (statusCode !== null && (PERMANENT_STATUS_CODES.includes(statusCode) || permanentCodes.includes(statusCode))) {
    return { kind: 'failed', reason: `the target answered ${statusCode}, which a retry cannot change`, disableTarget: false };
  }
  if (result.errorKind === 'BLOCKED' || result.errorKind === 'INVALID_URL') {
    return { kind: 'failed', reason: 'the target address is not allowed', disableTarget: false };
  }
  const gap = schedule[attempt - 1];
  if (gap === undefined) return { kind: 'dead' };
  const jittered = gap * (1 - JITTER + 2 * JITTER * random());
  const honoured = result.retryAfterSeconds === null ? jittered : Math.max(jittered, Math.min(result.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  return { kind: 'retry', delaySeconds: honoured };
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}
