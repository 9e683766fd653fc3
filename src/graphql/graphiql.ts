import type { GraphiQLOptions } from 'graphql-yoga';

/** What GraphiQL opens with: the README's first session ("A first session in GraphiQL"). */
export const GRAPHIQL_QUERY = `# Welcome to Switchboard. Put the admin key in the headers pane below, then run
# CreateWorkspace, and CreateApiKey with the id CreateWorkspace answered.
mutation CreateWorkspace {
  createWorkspace(input: { name: "Acme CRM", email: "ops@acme.example", phone: "+14155552671" }) {
    id
    locationId
  }
}

mutation CreateApiKey {
  createApiKey(input: { workspaceId: 1, label: "CRM production" }) {
    secret        # shown this once: store it
    apiKey { id prefix label }
  }
}
`;

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Switchboard',
  defaultQuery: GRAPHIQL_QUERY,
  headers: JSON.stringify({ Authorization: 'Bearer <your API key>' }, null, 2),
};

/**
 * The GraphiQL page with every script, style and worker inlined from the installed package, so it
 * works on a server without internet access. Loaded on the first page view only: it is 9 MB.
 */
export async function renderGraphiQLPage(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}
