import { z } from 'zod';
import { urlCredentials, type TargetAuth } from './url-credentials.ts';

export type { TargetAuth };
import { basicPassword, basicUsername, headerName, headerValue, httpUrl, isPrototypeKey, LIMITS, PROTOTYPE_KEY_RULE } from '../validation/rules.ts';

/** A query parameter, header or body field: a fixed TEXT or a VARIABLE such as `{{channel}}`. */
export type TargetField = { key: string; type: 'TEXT' | 'VARIABLE'; value: string };


/** A value that is exactly one `{{variable}}`. */
export const VARIABLE = /^\{\{\s*([A-Za-z_][\w.]*)\s*\}\}$/;

/** The variable a VARIABLE field reads: `{{multimedia.url}}` or plain `multimedia.url`. */
export function variableName(value: string): string {
  return VARIABLE.exec(value)?.[1] ?? value.trim();
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Everything about how a request reaches a target, decrypted. */
export type TargetConfig = {
  url: string;
  method: HttpMethod;
  queryParams: TargetField[];
  headers: TargetField[];
  auth: TargetAuth;
  /** null: send the event's own payload. */
  bodyFields: TargetField[] | null;
  permanentStatusCodes: number[];
};

const fieldValue = z.string().max(LIMITS.headerValue, `must be at most ${LIMITS.headerValue} characters`);

const field = (key: z.ZodType<string>, value: z.ZodType<string>) =>
  z
    .object({ key, type: z.enum(['TEXT', 'VARIABLE']).default('TEXT'), value })
    .refine((f) => f.type === 'TEXT' || /^[A-Za-z_][\w.]*$/.test(variableName(f.value)), {
      message: 'a VARIABLE value must name a variable, like {{channel}}',
      path: ['value'],
    });

const queryKey = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
// Body keys use dot notation for nesting and `[]` for arrays: `multimedia.url`, `tags[]`.
const bodyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z_$][\w$-]*(\[\])?(\.[A-Za-z_$][\w$-]*(\[\])?)*$/, 'must be a key with dot notation and [] for arrays, like multimedia.url')
  .refine((key) => !key.split('.').some((segment) => isPrototypeKey(segment.replace(/\[\]$/, ''))), `each part ${PROTOTYPE_KEY_RULE}`);

export const fieldList = (key: z.ZodType<string>, what: string, value: z.ZodType<string> = fieldValue) =>
  z.array(field(key, value)).max(LIMITS.headers, `must have at most ${LIMITS.headers} ${what}`);

export const queryParamsInput = fieldList(queryKey, 'parameters');
export const bodyFieldsInput = fieldList(bodyKey, 'fields');

/** Headers as seed 001 sends them (`{"x-api-key": "secret"}`) or as a list of TEXT/VARIABLE fields. */
export const headersInput = z.union([
  fieldList(headerName, 'headers', headerValue),
  z
    .record(headerName, headerValue, {
      error: 'must be an object of header names to values, or a list of { key, type, value }',
    })
    .refine((h) => Object.keys(h).length <= LIMITS.headers, `must have at most ${LIMITS.headers} headers`)
    .transform((h) => Object.entries(h).map(([key, value]): TargetField => ({ key, type: VARIABLE.test(value) ? 'VARIABLE' : 'TEXT', value }))),
]);

export const authInput = z
  .object({
    type: z.enum(['NONE', 'API_KEY', 'BASIC', 'BEARER']),
    headerName: headerName.nullish(),
    value: headerValue.nullish(),
    username: basicUsername.nullish(),
    password: basicPassword.nullish(),
    token: headerValue.nullish(),
  })
  .transform((a, ctx): TargetAuth => {
    const need = (name: 'headerName' | 'value' | 'username' | 'password' | 'token') => {
      const v = a[name];
      if (!v) ctx.addIssue({ code: 'custom', path: [name], message: `is required for ${a.type} auth` });
      return v ?? '';
    };
    switch (a.type) {
      case 'NONE':
        return { type: 'NONE' };
      case 'API_KEY':
        return { type: 'API_KEY', headerName: need('headerName'), value: need('value') };
      case 'BASIC':
        return { type: 'BASIC', username: need('username'), password: need('password') };
      case 'BEARER':
        return { type: 'BEARER', token: need('token') };
    }
  });

/** A target URL: credentials in it (`https://user:pass@host/`) become Basic auth, so they must be valid for it. */
export const targetUrl = httpUrl.superRefine((url, ctx) => {
  const credentials = urlCredentials(url);
  if (!credentials) return;
  for (const [name, rule, value] of [['user name', basicUsername, credentials.username], ['password', basicPassword, credentials.password]] as const) {
    const issue = rule.safeParse(value).error?.issues[0];
    if (issue) return ctx.addIssue({ code: 'custom', message: `its ${name} ${issue.message}` });
  }
});

/** Credentials in the URL become the target's Basic auth: other auth beside them is a contradiction. */
export function credentialsBesideAuth(d: { url?: string | null; auth?: TargetAuth | null }, ctx: z.RefinementCtx) {
  if (d.url && d.auth && d.auth.type !== 'NONE' && urlCredentials(d.url)) {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'must not carry a user name or password when auth is given too: give the credentials in auth' });
  }
}

/**
 * A URL Twilio-style callbacks go to, as its WHATWG form (non-ASCII percent-encoded): that is the
 * URL requested and signed, and what identifies its target with the key that signs it.
 */
export const twilioCallbackUrl = httpUrl
  .transform((url) => new URL(url).href)
  .pipe(z.string().max(LIMITS.url, `must be at most ${LIMITS.url} characters once percent-encoded`));

export const permanentStatusCodesInput = z
  .array(z.number().int().min(400, 'must be a 4xx or 5xx status').max(599, 'must be a 4xx or 5xx status'))
  .max(50);

/** The target options a webhook or live-chat integration accepts; all optional on update. */
export const targetInput = z.object({
  url: targetUrl,
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).nullish(),
  queryParams: queryParamsInput.nullish(),
  headers: headersInput.nullish(),
  auth: authInput.nullish(),
  bodyFields: bodyFieldsInput.nullish(),
  permanentStatusCodes: permanentStatusCodesInput.nullish(),
});

export type TargetInput = z.output<typeof targetInput>;
