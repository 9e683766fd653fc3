import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as Twilio signs them: a repeated key is a list. */
export type TwilioParams = Record<string, string | string[]>;

/**
 * `X-Twilio-Signature`: base64 HMAC of the URL followed by every parameter name and value, names
 * sorted (a list's values de-duplicated and sorted), keyed with the auth token. SHA-1 unless the
 * `X-Twilio-Webhooks-Signature-Settings` header names HMAC_SHA256.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    for (const v of Array.isArray(value) ? [...new Set(value)].sort() : [value]) data += key + v;
  }
  return createHmac(algorithm, authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** The algorithm a request's signature settings header names; null when it names one we do not know. */
export function signatureAlgorithm(settingsHeader: string | undefined): 'sha1' | 'sha256' | null {
  const named = /(?:^|,)\s*algorithm\s*=\s*([^,\s]+)/i.exec(settingsHeader ?? '')?.[1]?.toUpperCase();
  if (!named || named === 'HMAC_SHA1') return 'sha1';
  return named === 'HMAC_SHA256' ? 'sha256' : null;
}

/** Twilio may sign the URL with or without its default port, so both are accepted (as its SDK does). */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams, settingsHeader?: string): boolean {
  const algorithm = signatureAlgorithm(settingsHeader);
  if (!signature || !algorithm) return false;
  const given = Buffer.from(signature);
  return urlForms(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params, algorithm));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

function urlForms(url: string): string[] {
  const m = /^(https?:\/\/)([^/?#:]*)(:\d+)?(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest] = m;
  const defaultPort = scheme!.toLowerCase() === 'https://' ? ':443' : ':80';
  return [...new Set([url, `${scheme}${host}${rest}`, `${scheme}${host}${port ?? defaultPort}${rest}`])];
}

/** Form body → Twilio params (repeated keys become lists). */
export function formParams(body: string): TwilioParams {
  // Without a prototype: a parameter named __proto__ is data, not the object's prototype.
  const params: TwilioParams = Object.create(null);
  for (const [k, v] of new URLSearchParams(body)) {
    const existing = params[k];
    params[k] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return params;
}
