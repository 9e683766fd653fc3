/** The stable codes every door maps errors to (SPEC §3.1). */
/** UNPROCESSABLE is a REST door's 422: well formed, but against a rule of what it acts on. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED' | 'UNPROCESSABLE';

export type FieldProblem = { field: string; message: string };

/** An error whose message is safe to show to the caller. Anything else is reported as unexpected. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: FieldProblem[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'This operation needs an admin API key') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { details: [{ field, message }] });

/** True when a database error is a unique-constraint violation (of the named index, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } } };
  if (e?.code === '23505') return !constraint || e.constraint === constraint;
  if (e?.code === 'P2002') {
    if (!constraint) return true;
    return JSON.stringify(e.meta ?? {}).includes(constraint);
  }
  return false;
}
