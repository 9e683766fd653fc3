import { z } from 'zod';
import { parseInput } from '../validation/parse.ts';

/** How a driver config field is described to users (the `drivers` query). */
export type ConfigFieldInfo = {
  name: string;
  type: 'STRING' | 'SECRET' | 'URL' | 'BOOLEAN' | 'INTEGER' | 'NUMBER' | 'ENUM' | 'OBJECT';
  required: boolean;
  secret: boolean;
  default: unknown;
  description: string;
  values: string[] | null;
};

type Field<T> = { info: Omit<ConfigFieldInfo, 'name'>; schema: z.ZodType<T> };

const described = <T>(type: ConfigFieldInfo['type'], schema: z.ZodType<T>, description: string, o: { required?: boolean; default?: unknown; secret?: boolean; values?: string[] } = {}): Field<T> => ({
  info: { type, required: o.required ?? false, secret: o.secret ?? false, default: o.default ?? null, description, values: o.values ?? null },
  schema,
});

const text = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The field kinds a driver config is made of; each validates and describes itself. */
export const field = {
  string: (description: string, o: { required?: boolean; default?: string; max?: number; pattern?: [RegExp, string] } = {}) => {
    let schema = text(o.max ?? 200);
    if (o.pattern) schema = schema.regex(o.pattern[0], o.pattern[1]);
    return described('STRING', schema, description, o);
  },
  /** A credential: kept encrypted, shown masked. */
  secret: (description: string, o: { required?: boolean } = {}) => described('SECRET', text(4096), description, { ...o, secret: true }),
  url: (description: string, o: { required?: boolean; default?: string } = {}) =>
    described(
      'URL',
      z
        .string({ error: 'must be a string' })
        .trim()
        .max(2048)
        .refine((v) => /^https?:\/\/[^/]+/.test(v) && URL.canParse(v), 'must be an http or https URL')
        .transform((v) => v.replace(/\/+$/, '')),
      description,
      o,
    ),
  boolean: (description: string, o: { default?: boolean } = {}) => described('BOOLEAN', z.boolean({ error: 'must be true or false' }), description, o),
  integer: (description: string, min: number, max: number, o: { required?: boolean; default?: number } = {}) =>
    described('INTEGER', z.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`), description, o),
  number: (description: string, min: number, max: number, o: { default?: number } = {}) =>
    described('NUMBER', z.number({ error: 'must be a number' }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`), description, o),
  oneOf: <V extends string>(description: string, values: readonly [V, ...V[]], o: { default?: NoInfer<V> } = {}) =>
    described('ENUM', z.enum(values, { error: `must be one of ${values.join(', ')}` }), description, { ...o, values: [...values] }),
  object: <T>(description: string, schema: z.ZodType<T>, o: { default?: T } = {}) => described('OBJECT', schema, description, o),
};

type Fields = Record<string, Field<any>>;
type Output<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** A driver's configuration: its fields, validated, described and with their secrets known. */
export type DriverConfig<C> = {
  /** Validates a whole config (defaults filled in); throws BAD_USER_INPUT naming `config.<field>`. */
  parse(raw: unknown): C;
  readonly fields: ConfigFieldInfo[];
  readonly secretKeys: readonly string[];
};

/**
 * Declares a driver's config once: the zod schema that checks it (unknown keys refused), the field
 * list the `drivers` query shows, and which keys are secrets. `check` adds rules across fields.
 */
export function driverConfig<F extends Fields>(fields: F, check?: (config: Output<F>, ctx: z.RefinementCtx) => void): DriverConfig<Output<F>> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, f]) => {
      const dflt = f.info.default;
      const schema = dflt !== null ? f.schema.default(dflt as never) : f.info.required ? f.schema : f.schema.nullish().transform((v) => v ?? undefined);
      return [name, schema];
    }),
  );
  let schema: z.ZodType<Output<F>> = z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `has no field ${issue.keys.join(', ')}` : 'must be an object') }) as never;
  if (check) schema = schema.superRefine(check);
  return {
    parse: (raw) => parseInput(schema, raw ?? {}, 'config'),
    fields: Object.entries(fields).map(([name, f]) => ({ name, ...f.info })),
    secretKeys: Object.entries(fields).filter(([, f]) => f.info.secret).map(([name]) => name),
  };
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like 08:00');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone like Europe/Istanbul');

export const sendingHoursSchema = z.strictObject({ from: clock, to: clock, timeZone }, { error: 'must be { from: "08:00", to: "21:00", timeZone: "Europe/Istanbul" }' });
export type SendingHours = z.output<typeof sendingHoursSchema>;

/** What every driver's device may set about when and how fast it sends; defaults differ per driver. */
export type PacingDefaults = { maxPerSecond?: number; maxPerMinute?: number; retryWindowMinutes?: number };

export type PacingConfig = { maxPerSecond?: number; maxPerMinute?: number; sendingHours?: SendingHours; retryWindowMinutes: number };

/** A "not now" keeps a message queued for this long (from its first refusal) before it fails. */
export const DEFAULT_RETRY_WINDOW_MINUTES = 60;

export function pacingFields(defaults: PacingDefaults) {
  return {
    maxPerSecond: field.integer('Most messages sent in one second, across every worker process.', 1, 10_000, { default: defaults.maxPerSecond }),
    maxPerMinute: field.integer('Most messages sent in one minute, across every worker process.', 1, 600_000, { default: defaults.maxPerMinute }),
    sendingHours: field.object(
      'Send only between these times of day in a time zone, like { from: "08:00", to: "21:00", timeZone: "Europe/Istanbul" }; messages wait for the next opening.',
      sendingHoursSchema,
    ),
    retryWindowMinutes: field.number(
      'How long a message waits while the provider says "not now" (busy, down, unreachable) before it fails with the last code; fractions allowed.',
      0.05,
      7 * 24 * 60,
      { default: defaults.retryWindowMinutes ?? DEFAULT_RETRY_WINDOW_MINUTES },
    ),
  };
}
