import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { createYoga } from 'graphql-yoga';
import { callerOf } from '../auth/authenticate.ts';
import type { Runtime } from '../runtime.ts';
import type { Context } from './context.ts';
import { maskError, useBadUserInputForInvalidDocuments } from './errors.ts';
import { GRAPHIQL_OPTIONS, renderGraphiQLPage } from './graphiql.ts';
import { GRAPHQL_LIMITS, useListLimits } from './limits.ts';
import { useSchemaWithoutKey } from './public-schema.ts';
import { schema } from './schema.ts';

type ServerContext = { requestId: string };

export function createGraphQLHandler(rt: Runtime) {
  const armor = new EnvelopArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
    // List items are priced by useListLimits, which knows page sizes; armor's cost does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: rt.config.graphiql ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL: renderGraphiQLPage,
    cors: rt.config.corsOrigins.length
      ? { origin: rt.config.corsOrigins, credentials: false, allowedHeaders: ['content-type', 'authorization', 'x-api-key'] }
      : false,
    landingPage: false,
    multipart: false,
    batching: false,
    healthCheckEndpoint: '/graphql/health',
    logging: false,
    maskedErrors: { maskError: maskError(rt.log), isDev: false },
    plugins: [...armor.protect().plugins, useBadUserInputForInvalidDocuments(), useSchemaWithoutKey(), useListLimits()],
    context: async ({ request, requestId }) => {
      const { key, viewer } = await callerOf(rt.keys, (name) => request.headers.get(name));
      if (viewer) await rt.limiter.enforce(viewer.keyId, viewer.rateLimitPerMinute ?? rt.config.rateLimitPerMinute);
      return { rt, viewer, key: viewer ? key : null, keyRejected: key !== null && viewer === null, listedNodes: 0, requestId };
    },
  });
}
