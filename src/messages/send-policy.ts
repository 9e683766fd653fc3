/**
 * What the send worker does when a provider says "not now" (429, 5xx, a timeout, a refused
 * connection): the message stays QUEUED and is tried again after a growing pause, or after the
 * provider's Retry-After, until the device's retry window (retryWindowMinutes) has passed since the
 * first "not now"; then it fails with the provider's last code.
 */

/** The first pause; each later one doubles. */
export const FIRST_RETRY_MS = 5_000;
/** No pause is longer than this, so a recovered provider is used again within minutes. */
export const MAX_RETRY_MS = 5 * 60_000;
/** Each pause is stretched or shrunk by up to ±20 %, so a burst of retries does not arrive together. */
export const RETRY_JITTER = 0.2;
/** A message due within this much of now is sent in this run rather than rescheduled. */
export const DUE_TOLERANCE_MS = 1_000;
/** Sends to one device in flight at once from one batch: a burst does not open a hundred connections to a provider. */
export const SENDS_IN_FLIGHT_PER_DEVICE = 8;

/** When to try a message again after its `attempt`-th "not now" (1-based). */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.max(1_000, retryAfterMs);
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random());
}
