/**
 * The whole delivery policy in one place, as Svix keeps its worker's: when attempts are made, what
 * ends a delivery, when a target is disabled, and how much flows at once. SWITCHBOARD_* variables
 * override the values marked so (config.ts reads them, `deliveryPolicy` applies them); nothing
 * here is repeated elsewhere.
 */

/**
 * Gaps between attempts (SWITCHBOARD_RETRY_SCHEDULE): attempt 1 is immediate, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h after each failure — 8 attempts over about 27.6 hours, then DEAD.
 */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** Each gap is stretched or shrunk by up to ±20 %, so retries of a burst do not arrive together. */
export const JITTER = 0.2;

/** A `Retry-After` longer than the scheduled gap is honoured, up to this; it never shortens the gap. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** Answers that cannot succeed on a retry: the delivery fails at once (a target may add its own). */
export const PERMANENT_STATUS_CODES: readonly number[] = [400, 405, 413, 414, 415, 422, 501];

/** 410 Gone: the receiver says the endpoint is gone for good. The target is disabled at once. */
export const GONE = 410;

/** A target whose deliveries only failed for this long since its last success is disabled (SWITCHBOARD_DISABLE_FAILING_TARGET_AFTER_SECONDS). */
export const DISABLE_FAILING_TARGET_AFTER_SECONDS = 5 * 24 * 3600;

/**
 * When a target that was failing answers 2xx again, its waiting deliveries need not wait out their
 * gaps (Svix and Hook0 resume a recovered endpoint promptly): up to `max` of them, oldest first, are
 * sent again at once, `perSecond` a second so the receiver that just came back is not flooded. The
 * rest, and any due within `minGainSeconds` anyway, keep their schedule.
 */
export const RESUME_ON_RECOVERY = { max: 5000, perSecond: 100, minGainSeconds: 5 } as const;

/** Time to resolve and connect (SWITCHBOARD_CONNECT_TIMEOUT_MS) and for the whole request (SWITCHBOARD_DELIVERY_TIMEOUT_MS). */
export const CONNECT_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 15_000;

/** The response body kept per attempt. */
export const RESPONSE_CAPTURE_BYTES = 4096;

/** Requests in flight to one target from one worker process (SWITCHBOARD_TARGET_CONCURRENCY): a slow target cannot take every slot. */
export const TARGET_CONCURRENCY = 32;

/**
 * Requests in flight per worker process, all targets together: enough for ~1,000 deliveries/s to
 * targets answering in 250 ms, without the memory of hundreds more open requests.
 */
export const REQUESTS_IN_FLIGHT = 256;

/** A target answering slower than this on average is slow: its surplus deliveries are deferred rather than queued in memory. */
export const SLOW_TARGET_MS = 1000;
/** How long a delivery waits for its target's slot before it is deferred: long for a fast target (a burst flows), short for a slow one. */
export const FAST_TARGET_SLOT_WAIT_MS = 30_000;
export const SLOW_TARGET_SLOT_WAIT_MS = 250;
/** A deferred delivery is tried again after 0.5–2 s, spread so deferred ones do not return together. */
export const deferDelayMs = (random: () => number = Math.random) => 500 + random() * 1500;

/** Deliveries one job carries: pg-boss rows are the expensive part of a burst. */
export const DELIVERIES_PER_JOB = 100;
/** Delivery jobs a worker holds at once: up to 6,400 deliveries loaded, far more than the request slots. */
export const DELIVERY_JOBS_IN_FLIGHT = 64;

/** The safety net: a pending delivery this long past due has lost its job (pg-boss gave up) and gets a new one; looked for every 5 minutes. */
export const STRANDED_AFTER = '30 minutes';
export const STRANDED_SWEEP_CRON = '*/5 * * * *';

/** What configuration may change of the policy; unset, the defaults above. */
export type DeliveryPolicy = {
  retryScheduleSeconds: readonly number[];
  disableFailingTargetAfterMs: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  targetConcurrency: number;
};

export function deliveryPolicy(overrides: {
  retryScheduleSeconds?: number[] | undefined;
  disableFailingTargetAfterSeconds?: number | undefined;
  connectTimeoutMs?: number | undefined;
  deliveryTimeoutMs?: number | undefined;
  targetConcurrency?: number | undefined;
}): DeliveryPolicy {
  return {
    retryScheduleSeconds: overrides.retryScheduleSeconds ?? RETRY_SCHEDULE_SECONDS,
    disableFailingTargetAfterMs: (overrides.disableFailingTargetAfterSeconds ?? DISABLE_FAILING_TARGET_AFTER_SECONDS) * 1000,
    connectTimeoutMs: overrides.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    requestTimeoutMs: overrides.deliveryTimeoutMs ?? REQUEST_TIMEOUT_MS,
    targetConcurrency: overrides.targetConcurrency ?? TARGET_CONCURRENCY,
  };
}

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
