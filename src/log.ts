import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Errors are logged by kind and code only: a stack trace, a SQL statement or a value that
 * violated a constraint never reaches a log line.
 */
export function describeError(error: unknown): { type: string; code?: string; message: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const { name } = error;
  const code = (error as { code?: unknown }).code;
  if (name.startsWith('PrismaClient')) return { type: name, code: typeof code === 'string' ? code : undefined, message: 'database request failed' };
  if (name === 'DatabaseError' || (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))) {
    const constraint = (error as { constraint?: string }).constraint;
    return { type: 'DatabaseError', code: code as string, message: constraint ? `constraint ${constraint}` : 'database error' };
  }
  return { type: name, code: typeof code === 'string' ? code : undefined, message: error.message.split('\n')[0]!.slice(0, 200) };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: { err: describeError, error: describeError },
      // Belt and braces: fields that may carry credentials are never printed.
      redact: { paths: ['*.authorization', '*.password', '*.secret', '*.token', '*.apiKey', 'headers'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream | undefined,
  );
}
