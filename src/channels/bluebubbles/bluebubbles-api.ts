import { DriverError, NotNowError } from '../driver-errors.ts';
import { notNowFor, type ProviderResponse } from '../provider-http.ts';

/** BlueBubbles Server's answer: `{ status, message, data?, error?: { type, message } }`. */
export type Envelope<T = unknown> = { status?: number; message?: string; data?: T; error?: { type?: string; message?: string } };

/** `{serverUrl}/api/v1/{path}?password=…`: BlueBubbles takes its server password as a query parameter. */
export function apiUrl(c: { serverUrl: string; password: string }, path: string): string {
  return `${c.serverUrl}/api/v1/${path}?password=${encodeURIComponent(c.password)}`;
}

/** The server's own words for a refusal, like "You've made a bad request!: A 'message' is required". */
export function reason(response: ProviderResponse): string {
  const body = response.json<Envelope>();
  const words = [body?.message, body?.error?.message].filter((w): w is string => typeof w === 'string' && w.length > 0);
  return words.length ? words.join(': ') : `BlueBubbles answered HTTP ${response.status}`;
}

/**
 * A refused send: a wrong password or a server (or its tunnel) that is down or busy is "not now";
 * a 500 carrying the sent message with an iMessage error code, and any other 4xx, are for good.
 */
export function sendRefusal(response: ProviderResponse): Error {
  const message = reason(response);
  if (response.status === 400 && /already queued/i.test(message)) {
    // The same tempGuid is still being sent: an earlier try whose answer was lost. Its own webhook (with our id) will tell.
    return new NotNowError('bb:already-queued', 'BlueBubbles is still sending this message from an earlier try');
  }
  const error = response.json<Envelope<{ error?: number }>>()?.data?.error;
  if (response.status >= 500 && typeof error === 'number' && error !== 0) return new DriverError(`bb:${error}`, message);
  return notNowFor(response, `bb:${response.status}`, message) ?? new DriverError(`bb:${response.status}`, message);
}
