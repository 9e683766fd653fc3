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

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const headerName = z
  .string()
  .regex(HEADER_NAME, 'must be a valid HTTP header name')
  .refine((name) => !isPrototypeKey(name), PROTOTYPE_KEY_RULE);
