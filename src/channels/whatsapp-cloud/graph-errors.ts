import { DriverError, NotNowError } from '../driver-errors.ts';
import { retryAfterMs, type ProviderResponse } from '../provider-http.ts';

/** Meta's error body: `{ error: { message, type, code, error_data: { details }, fbtrace_id } }`. */
type GraphError = { message?: string; type?: string; code?: number; error_subcode?: number; error_data?: { details?: string }; fbtrace_id?: string };

/**
 * Meta's codes (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes)
 * by what Switchboard does with them. Meta answers its throttling codes with HTTP 400, so the code
 * decides, not the HTTP status. Every code not listed is refused for good, among them:
 * 100 invalid parameter, 131008 required parameter missing, 131009 parameter value not valid,
 * 131026 message undeliverable, 131047 more than 24 hours since the contact's last message,
 * 131051 unsupported message type, 132000–132016 template missing, paused or with wrong parameters,
 * 368 / 131031 account restricted or locked.
 */
const GRAPH_CODES: Record<number, 'not-now' | 'credentials'> = {
  2: 'not-now', // API service: temporary downtime or overload (HTTP 503)
  4: 'not-now', // the app's API call rate limit
  80007: 'not-now', // the WhatsApp Business Account's rate limit
  130429: 'not-now', // the number's throughput (80 messages a second by default)
  131048: 'not-now', // spam rate limit: the number may send less for a while
  131056: 'not-now', // pair rate limit: too many messages to one contact in a short time
  131000: 'not-now', // something went wrong (HTTP 500)
  131016: 'not-now', // service unavailable
  131057: 'not-now', // account in maintenance mode
  133004: 'not-now', // server temporarily unavailable
  0: 'credentials', // AuthException: the token was invalidated
  3: 'credentials', // the token lacks a capability or permission
  10: 'credentials', // permission not granted or removed
  190: 'credentials', // access token expired or invalid
};
const isPermissionCode = (code: number) => code >= 200 && code <= 299;

export function graphError(response: ProviderResponse): { code: string; message: string; graphCode: number | undefined } {
  const e = response.json<{ error?: GraphError }>()?.error;
  const graphCode = typeof e?.code === 'number' ? e.code : undefined;
  const details = e?.error_data?.details;
  const message = e?.message ? (details && details !== e.message ? `${e.message}: ${details}` : e.message) : `WhatsApp answered HTTP ${response.status}`;
  return { code: `wa:${graphCode ?? response.status}`, message, graphCode };
}

/**
 * A refusal of the Graph API as a send outcome: throttled, down or overloaded is "not now"; a
 * refused token is "not now" and marks the device; everything else fails the message for good.
 */
export function refusal(response: ProviderResponse): Error {
  const { code, message, graphCode } = graphError(response);
  const kind = graphCode === undefined ? undefined : (GRAPH_CODES[graphCode] ?? (isPermissionCode(graphCode) ? 'credentials' : undefined));
  // A 403 without Meta's body (a proxy in front of the Graph API) is blamed on the credentials too.
  if (kind === 'credentials' || response.status === 401 || (graphCode === undefined && response.status === 403)) return new NotNowError(code, message, { credentials: true });
  if (kind === 'not-now' || response.status === 429 || response.status >= 500) return new NotNowError(code, message, { retryAfterMs: retryAfterMs(response) });
  return new DriverError(code, message);
}
