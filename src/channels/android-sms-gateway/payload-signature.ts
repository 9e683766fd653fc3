import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRefused } from '../driver-errors.ts';

/**
 * A webhook request older or newer than this (by `X-Timestamp`) is refused: a recorded request
 * cannot be replayed later. The app signs every attempt afresh, so its own retries always pass; a
 * phone clock more than this far off does not (phones keep network time).
 */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** `X-Signature` as the app computes it: lowercase hex HMAC-SHA256 of the raw body followed by `X-Timestamp`, nothing between. */
export function payloadSignature(signingKey: string, rawBody: Buffer, timestamp: string): string {
  return createHmac('sha256', signingKey).update(rawBody).update(timestamp, 'utf8').digest('hex');
}

/**
 * Checks a webhook request is the app's: 401 without the headers, 403 with a timestamp outside the
 * window or a signature the signing key does not give (compared in constant time).
 */
export function checkSignature(signingKey: string, rawBody: Buffer, timestamp: string | undefined, signature: string | undefined, nowMs = Date.now()): void {
  if (!timestamp || !signature) throw new WebhookRefused(401, 'the X-Signature and X-Timestamp headers are missing: set a signing key in the app');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw new WebhookRefused(403, `the X-Timestamp is more than ${SIGNATURE_WINDOW_SECONDS / 60} minutes away from now`);
  }
  const expected = Buffer.from(payloadSignature(signingKey, rawBody, timestamp));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new WebhookRefused(403, "the X-Signature does not match the device's signingKey");
}
