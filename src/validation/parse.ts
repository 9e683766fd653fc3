import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Validates untrusted input; every problem is reported with its field path and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const nul = findNul(input);
  if (nul) {
    const field = [prefix, ...nul].filter(Boolean).join('.') || 'input';
    throw new AppError('BAD_USER_INPUT', `${field}: must not contain NUL characters`, { details: [{ field, message: 'must not contain NUL characters' }] });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'input',
    message: issue.message,
  }));
  throw new AppError('BAD_USER_INPUT', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
}

/** PostgreSQL cannot store U+0000 in text: the path of the first string holding one. */
function findNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNul(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
