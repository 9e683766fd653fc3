import { z } from 'zod';
import { AppError } from '../errors.ts';
import { LIMITS } from './rules.ts';

/** Validates untrusted input; every problem is reported with its field path and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const path: string[] = [];
  const problem = storableProblem(input, path, 0);
  if (problem) {
    const field = [prefix, ...path].filter(Boolean).join('.') || 'input';
    throw new AppError('BAD_USER_INPUT', `${field}: ${problem}`, { details: [{ field, message: problem }] });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap(matchedBranch).map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'input',
    message: issue.message,
  }));
  throw new AppError('BAD_USER_INPUT', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
}

/**
 * A union's failure told as the one branch whose shape the input had, when only one had it
 * (headers given as an object are judged as an object: `headers.X-Note: must be …`, not "Invalid input").
 */
function matchedBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matched = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (matched.length !== 1) return [issue];
  return matched[0]!.flatMap(matchedBranch).map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/**
 * What makes a value unfit to validate or store, if anything: nesting deeper than LIMITS.nesting,
 * text PostgreSQL cannot hold (U+0000, a lone UTF-16 surrogate), or a key `__proto__` (zod would
 * drop it silently, and copied onto an object it reaches Object.prototype). `path` is one array,
 * pushed and popped on the way down, so it names the place found without copying at every level.
 */
function storableProblem(value: unknown, path: string[], depth: number): string | null {
  if (typeof value === 'string') return textProblem(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  if (depth === LIMITS.nesting) return `must not nest objects and arrays more than ${LIMITS.nesting} levels deep`;
  const isArray = Array.isArray(value);
  for (const [key, item] of isArray ? value.entries() : Object.entries(value)) {
    // A bad key is reported on its object: the key itself cannot be shown.
    const problem = isArray ? null : keyProblem(key as string);
    if (problem) return problem;
    path.push(String(key));
    const inner = storableProblem(item, path, depth + 1);
    if (inner) return inner;
    path.pop();
  }
  return null;
}

function keyProblem(key: string): string | null {
  if (key === '__proto__') return 'must not have a key __proto__';
  const problem = textProblem(key);
  return problem && `has a key that ${problem}`;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (!text.isWellFormed()) return 'must be valid Unicode: it holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)';
  return null;
}
