import type { TypedDocumentString } from '../gql/graphql.ts';
import { ADMIN_KEY } from './app.ts';

export type GraphQLResponse<R> = {
  status: number;
  data?: R | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; details?: { field: string; message: string }[] } & Record<string, unknown> }[];
};

type Auth = { key?: string | null; header?: 'bearer' | 'authorization' | 'x-api-key' };

function authHeaders({ key = ADMIN_KEY, header = 'bearer' }: Auth): Record<string, string> {
  if (!key) return {};
  if (header === 'x-api-key') return { 'x-api-key': key };
  return { authorization: header === 'bearer' ? `Bearer ${key}` : key };
}

/** Sends a typed document to the real server over HTTP. */
export async function execute<R, V>(baseUrl: string, doc: TypedDocumentString<R, V>, variables?: V, auth: Auth = {}): Promise<GraphQLResponse<R>> {
  return rawGraphQL<R>(baseUrl, { query: doc.toString(), variables }, auth);
}

export async function rawGraphQL<R = unknown>(baseUrl: string, body: unknown, auth: Auth = {}): Promise<GraphQLResponse<R>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...authHeaders(auth) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as GraphQLResponse<R>;
  return { ...json, status: res.status };
}

/** The data of a response that must have no errors. */
export async function ok<R, V>(baseUrl: string, doc: TypedDocumentString<R, V>, variables?: V, auth: Auth = {}): Promise<R> {
  const r = await execute(baseUrl, doc, variables, auth);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export const codeOf = (r: GraphQLResponse<unknown>) => r.errors?.[0]?.extensions?.code;
