import { AppError } from '../../errors.ts';
import type { ErrorAnswer } from '../door.ts';

/**
 * Twilio's error codes this door answers, checked against Twilio's error dictionary
 * (https://www.twilio.com/docs/api/errors/NNNNN; 21704 is not in it). Where Twilio has no code for a problem (a
 * malformed date or page token, scheduling Switchboard does not have), BAD_REQUEST: the
 * dictionary's generic "400: Bad Request" (a parameter did not pass validation).
 */
export const TWILIO_CODE = {
  BAD_REQUEST: 400,
  AUTHENTICATE: 20003,
  NOT_FOUND: 20404,
  METHOD_NOT_ALLOWED: 20004,
  PAGE_SIZE_TOO_LARGE: 20007,
  /** Twilio's "cannot delete before complete"; redacting a queued message answers it too, as the remedy is the same: wait. */
  NOT_COMPLETE: 20009,
  TOO_MANY_REQUESTS: 20429,
  INTERNAL: 20500,
  INVALID_TO: 21211,
  INVALID_FROM: 21212,
  BODY_REQUIRED: 21602,
  FROM_REQUIRED: 21603,
  TO_REQUIRED: 21604,
  FROM_NOT_OURS: 21606,
  INVALID_STATUS_CALLBACK: 21609,
  BODY_TOO_LONG: 21617,
  INVALID_MEDIA_URL: 21620,
  TOO_MANY_MEDIA: 21623,
  CONTENT_SID_REQUIRED: 21654,
  INVALID_CONTENT_SID: 21655,
  /** Not in Twilio's published dictionary (kept from Twilio's Messaging Service range, 217xx): a MessagingServiceSid with no device to send from. */
  SERVICE_HAS_NO_SENDERS: 21704,
  CHANNEL_MISMATCH: 21910,
  /** Twilio's "Parameters are not valid" for `POST Messages/{Sid}.json`: a Status other than canceled, a Body other than "". */
  INVALID_UPDATE: 30400,
  CANNOT_CANCEL: 30409,
  OUTSIDE_WINDOW: 63016,
} as const;

/** An answer in Twilio's error shape, with Twilio's code and the HTTP status Twilio uses for it. */
export class TwilioError extends Error {
  readonly status: number;
  readonly code: number;
  readonly detail: string | undefined;
  constructor(status: number, code: number, message: string, detail?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/** A caller's mistake in a parameter: HTTP 400 with the code, naming the parameter and the rule. */
export const invalid = (code: number, message: string) => new TwilioError(400, code, message);

export const notFoundAt = (path: string) => new TwilioError(404, TWILIO_CODE.NOT_FOUND, `The requested resource ${path} was not found`);

/** Twilio's answer to missing or wrong credentials, word for word. */
export const authenticate = () => new TwilioError(401, TWILIO_CODE.AUTHENTICATE, 'Authenticate', 'Your AccountSid or AuthToken was incorrect.');

/**
 * Errors as Twilio answers them: `{ code, message, more_info, status }`. Switchboard's own errors
 * (the rate limit, a body too large or unstorable) become Twilio's; anything unexpected is 500
 * without its details (the server logs it).
 */
export const twilioErrors: ErrorAnswer = (error) => {
  const { status, code, message, detail } = asTwilioError(error) ?? new TwilioError(500, TWILIO_CODE.INTERNAL, 'Internal Server Error');
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Basic realm="Twilio API"' } : {};
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return { status, json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status, ...(detail ? { detail } : {}) }, headers };
};

function asTwilioError(error: unknown): TwilioError | null {
  if (error instanceof TwilioError) return error;
  if (!(error instanceof AppError)) return null;
  if (error.code === 'RATE_LIMITED') return new TwilioError(429, TWILIO_CODE.TOO_MANY_REQUESTS, `Too Many Requests: ${error.message}`);
  if (error.code === 'BAD_USER_INPUT') return invalid(TWILIO_CODE.BAD_REQUEST, error.message);
  return null;
}
