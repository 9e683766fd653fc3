import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { createYoga } from 'graphql-yoga';
import { keyFromHeaders } from '../auth/authenticate.ts';
import { unauthenticated } from '../auth/viewer.ts';
import type { Runtime } from '../runtime.ts';
import type { Context } from './context.ts';
import { maskError, useBadUserInputForInvalidDocuments } from './errors.ts';
import { schema } from './schema.ts';

/** Limits on what one document may ask for; generous for real clients, fatal for abuse. */
export const GRAPHQL_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 30, maxTokens: 2000, maxCost: 10_000 } as const;

type ServerContext = { requestId: string };

export function createGraphQLHandler(rt: Runtime) {
  const armor = new EnvelopArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  });
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: rt.config.graphiql ? { title: 'Switchboard', defaultQuery: GRAPHIQL_QUERY, headers: '{\n  "Authorization": "Bearer <your API key>"\n}' } : false,
    cors: rt.config.corsOrigins.length
      ? { origin: rt.config.corsOrigins, credentials: false, allowedHeaders: ['content-type', 'authorization', 'x-api-key'] }
      : false,
    landingPage: false,
    multipart: false,
    batching: false,
    healthCheckEndpoint: '/graphql/health',
    logging: false,
    maskedErrors: { maskError: maskError(rt.log), isDev: false },
    plugins: [...armor.protect().plugins, useBadUserInputForInvalidDocuments()],
    context: async ({ request, requestId }) => {
      const key = keyFromHeaders((name) => request.headers.get(name));
      const viewer = key ? await rt.keys.resolve(key) : null;
      if (key && !viewer) throw unauthenticated();
      if (viewer) await rt.limiter.enforce(viewer.keyId, viewer.rateLimitPerMinute ?? rt.config.rateLimitPerMinute);
      return { rt, viewer, key, requestId };
    },
  });
}

const GRAPHIQL_QUERY = `# Welcome to Switchboard. Put your API key in the headers below, then run:
mutation CreateWorkspace {
  createWorkspace(input: { name: "My CRM", email: "ops@example.com" }) {
    id
    locationId
    name
  }
}
`;
