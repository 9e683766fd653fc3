import { validateHeaderName, validateHeaderValue } from 'node:http';
import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const LIMITS = {
  name: 200,
  text: 1000,
  url: 2048,
  headerValue: 4096,
  headers: 50,
  label: 200,
  tags: 50,
  tag: 100,
  /** Objects and arrays inside one another: no real input comes close, and a deep one costs every walk over it. */
  nesting: 32,
} as const;

/** Trimmed text of at most `max` characters; empty strings become undefined. */
export const optionalText = (max: number = LIMITS.text) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? undefined : v))
    .nullish();

export const requiredText = (max: number = LIMITS.name) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A phone number in E.164 form (`+` and up to 15 digits), valid for its country. */
export const e164 = z
  .string()
  .trim()
  .refine((v) => /^\+[1-9]\d{1,14}$/.test(v) && parsePhoneNumberFromString(v)?.isValid() === true, {
    message: 'must be a valid phone number in E.164 format, like +14155552671',
  });

export const email = z.string().trim().max(254, 'must be at most 254 characters').pipe(z.email({ error: 'must be a valid email address' }));

export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

/**
 * Keys that reach Object.prototype when a configured name becomes a property (`__proto__.x` in a
 * body template once changed every tenant's deliveries): refused wherever a name becomes a key.
 */
export const isPrototypeKey = (key: string) => ['__proto__', 'constructor', 'prototype'].includes(key.toLowerCase());
export const PROTOTYPE_KEY_RULE = 'must not be __proto__, constructor or prototype';

/** Whether Node's HTTP client would send it (it throws on anything else, at every attempt). */
const passes = (check: () => void) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};
export const isSendableHeaderValue = (value: string) => passes(() => validateHeaderValue('x', value));

export const headerName = z
  .string()
  .refine((name) => passes(() => validateHeaderName(name)), 'must be a valid HTTP header name')
  .refine((name) => !isPrototypeKey(name), PROTOTYPE_KEY_RULE);

/** A header value by Node's rule: tab, printable ASCII and Latin-1 (U+0080–U+00FF) only. */
export const headerValue = z
  .string()
  .max(LIMITS.headerValue, `must be at most ${LIMITS.headerValue} characters`)
  .refine(isSendableHeaderValue, 'must be sendable in an HTTP header: no line breaks or other control characters, and no characters beyond Latin-1 (U+00FF)');

/** A Basic auth user name or password (RFC 7617): no control characters; the user name also no ':'. */
const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);
const NO_CONTROL = 'must not contain line breaks or other control characters';
export const basicUsername = z
  .string()
  .max(200, 'must be at most 200 characters')
  .refine((v) => !v.includes(':'), "must not contain ':', which separates the user name from the password")
  .refine(noControl, NO_CONTROL);
export const basicPassword = z.string().max(LIMITS.headerValue, `must be at most ${LIMITS.headerValue} characters`).refine(noControl, NO_CONTROL);
