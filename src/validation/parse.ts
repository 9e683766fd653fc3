import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Validates untrusted input; every problem is reported with its field path and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'input',
    message: issue.message,
  }));
  throw new AppError('BAD_USER_INPUT', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
}
