/** Refused for good: the message fails with this raw code (`twilio:21211`, `wa:131026`). */
export class DriverError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DriverError';
    this.code = code;
  }
}

/**
 * Not now: the provider is busy, down or unreachable (429, 5xx, a timeout, a refused connection).
 * The message stays QUEUED with this reason and is tried again; it fails with this code only when
 * the device's retry window has run out. `credentials` marks the device (its lastError) as well.
 */
export class NotNowError extends Error {
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly credentials: boolean;
  constructor(code: string, message: string, options: { retryAfterMs?: number; credentials?: boolean } = {}) {
    super(message);
    this.name = 'NotNowError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.credentials = options.credentials ?? false;
  }
}

/** A callback whose signature (or secret) is missing or wrong: answered 401 or 403, nothing stored. */
export class WebhookRefused extends Error {
  readonly status: 401 | 403;
  constructor(status: 401 | 403, message: string) {
    super(message);
    this.name = 'WebhookRefused';
    this.status = status;
  }
}
