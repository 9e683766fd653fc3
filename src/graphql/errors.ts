import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';

/**
 * The one place GraphQL errors are shaped for clients. Our AppErrors keep their message and code;
 * errors in the document or variables become BAD_USER_INPUT; anything else is logged by kind and
 * answered as "Unexpected error." so nothing internal leaks.
 */
export function maskError(log: Logger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? null) : error;
    const base = error instanceof GraphQLError ? error : null;
    if (original instanceof AppError) {
      return new GraphQLError(original.message, {
        nodes: base?.nodes,
        path: base?.path,
        extensions: {
          code: original.code,
          ...(original.details.length ? { details: original.details } : {}),
          ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
        },
      });
    }
    if (base && (original === null || original instanceof GraphQLError || original instanceof SyntaxError)) {
      // A malformed request, document or variables: the caller's mistake, described by graphql-js or Yoga.
      const http = base.extensions?.http;
      return new GraphQLError(base.message, {
        nodes: base.nodes,
        path: base.path,
        extensions: { code: 'BAD_USER_INPUT', ...(http ? { http } : {}) },
      });
    }
    log.error({ err: original, path: base?.path?.join('.') }, 'unexpected error in GraphQL resolver');
    return new GraphQLError('Unexpected error.', { nodes: base?.nodes, path: base?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/** An AppError that stops a request before execution, in the shape maskError gives it. */
export const asGraphQLError = (error: AppError) => new GraphQLError(error.message, { originalError: error, extensions: { code: error.code } });

/** Validation failures (unknown fields, wrong types, armor limits) are the caller's mistake too. */
export const useBadUserInputForInvalidDocuments = (): Plugin => ({
  onValidate: () => ({ valid, result, setResult }) => {
    if (valid) return;
    setResult(result.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } })));
  },
});
