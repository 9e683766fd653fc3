import { describe, expect } from 'vitest';
import { GRAPHQL_LIMITS } from '../../src/graphql/limits.ts';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { codeOf, execute, ok, rawGraphQL, type GraphQLResponse } from '../support/graphql.ts';

const ErrorsCreateWorkspace = graphql(`
  mutation ErrorsCreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      name
    }
  }
`);

const ErrorsWorkspaces = graphql(`
  query ErrorsWorkspaces($input: WorkspacesInput) {
    workspaces(input: $input) {
      nodes {
        id
        name
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const ErrorsCreateKey = graphql(`
  mutation ErrorsCreateKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      apiKey {
        id
      }
    }
  }
`);

const test = appTest();
let app: TestApp;
test.beforeAll(({ app: a }) => {
  app = a;
});

const workspaceCount = async () => (await ok(app.url, ErrorsWorkspaces, {})).workspaces.totalCount;
const workspaceNames = async () => (await ok(app.url, ErrorsWorkspaces, { input: { first: 200 } })).workspaces.nodes.map((w) => w.name);

/** Nothing internal: no SQL, no stack frames, no file paths, no driver or ORM names. */
function expectNothingInternal(r: GraphQLResponse<unknown>) {
  const text = JSON.stringify(r);
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i);
  expect(text).not.toMatch(/\bat .*\(?(file:\/\/|\/)[^)]*:\d+:\d+/);
  expect(text).not.toMatch(/\.ts:\d+|node_modules|\/work\/|src\//);
  expect(text).not.toMatch(/prisma|postgres|pg_|invalid byte sequence|duplicate key|violates/i);
  for (const e of r.errors ?? []) {
    expect(Object.keys(e.extensions ?? {})).not.toContain('stacktrace');
    expect(Object.keys(e.extensions ?? {})).not.toContain('exception');
    expect(Object.keys(e.extensions ?? {})).not.toContain('originalError');
  }
}

/** `{ __type(name: "Query") { fields { type { ofType { … name } } } } }`: valid at any depth. */
function queryOfDepth(depth: number, operation = 'Deep'): string {
  // __type (1), fields (2), type (3), then ofType levels, then `name` at the deepest level.
  const ofTypes = depth - 4;
  return `query ${operation} { __type(name: "Query") { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
}

describe('GraphQL errors', () => {
  test('answers a malformed JSON body with BAD_USER_INPUT', async () => {
    for (const body of ['{"query": "{ workspaces { totalCount } }"', '{query: workspaces}', 'not json at all', '']) {
      const r = await rawGraphQL(app.url, body);
      expect(codeOf(r), JSON.stringify(body)).toBe('BAD_USER_INPUT');
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.status, JSON.stringify(body)).toBeLessThan(500);
      expectNothingInternal(r);
    }
  });

  test('answers a syntax error in the document with BAD_USER_INPUT', async () => {
    const r = await rawGraphQL(app.url, { query: '{ workspaces { totalCount }' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.data ?? null).toBeNull();
  });

  test(`answers a query deeper than ${GRAPHQL_LIMITS.maxDepth} levels with BAD_USER_INPUT, and executes nothing of the document`, async () => {
    const atLimit = await rawGraphQL<{ __type: unknown }>(app.url, { query: queryOfDepth(GRAPHQL_LIMITS.maxDepth) });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.__type).toBeTruthy();

    const before = await workspaceCount();
    // The deep query travels in the same document as a mutation; asking for the mutation alone
    // must not run it either: the whole document is refused.
    const document = `${queryOfDepth(GRAPHQL_LIMITS.maxDepth + 1)}\nmutation Write { createWorkspace(input: { name: "Written past the depth limit" }) { id } }`;
    for (const operationName of ['Write', 'Deep']) {
      const r = await rawGraphQL(app.url, { query: document, operationName });
      expect(codeOf(r), operationName).toBe('BAD_USER_INPUT');
      expect(r.data ?? null).toBeNull();
      expect(r.errors!.map((e) => e.message).join(' ')).toMatch(/depth/i);
    }
    expect(await workspaceCount()).toBe(before);
    expect(await workspaceNames()).not.toContain('Written past the depth limit');
  });

  test('answers too many aliases with BAD_USER_INPUT', async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: workspaces { totalCount }`).join(' ');
    const r = await rawGraphQL(app.url, { query: `{ ${aliases} }` });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.data ?? null).toBeNull();
  });

  test('answers an unknown field with BAD_USER_INPUT and does not suggest field names', async () => {
    const r = await rawGraphQL(app.url, { query: '{ workspaces { nodes { nam } } }' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.data ?? null).toBeNull();
    const messages = r.errors!.map((e) => e.message).join(' ');
    expect(messages).toContain('nam');
    expect(messages).not.toMatch(/did you mean/i);
    expect(messages).not.toMatch(/"name"/);

    const wrongArgument = await rawGraphQL(app.url, { query: 'mutation { createWorkspace(input: { nme: "x" }) { id } }' });
    expect(codeOf(wrongArgument)).toBe('BAD_USER_INPUT');
    expect(wrongArgument.errors!.map((e) => e.message).join(' ')).not.toMatch(/did you mean/i);
  });

  test('answers variables of the wrong type with BAD_USER_INPUT', async () => {
    const r = await rawGraphQL(app.url, { query: ErrorsCreateWorkspace.toString(), variables: { input: { name: 42, cloneFromId: 'seven' } } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.data ?? null).toBeNull();
  });

  test('rejects oversized strings naming the field, and writes nothing', async () => {
    const before = await workspaceCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'n'.repeat(201) }, 'name'],
      [{ name: 'n'.repeat(100_000) }, 'name'],
      [{ name: 'Big address', address: 'a'.repeat(1001) }, 'address'],
      [{ name: 'Big URL', webhookUrl: `https://example.com/${'p'.repeat(2048)}` }, 'webhookUrl'],
      [{ name: 'Big header', webhookUrl: 'https://example.com/hook', headers: { 'x-big': 'v'.repeat(4097) } }, 'headers'],
      [{ name: 'Big email', email: `${'e'.repeat(250)}@example.com` }, 'email'],
    ];
    for (const [input, field] of cases) {
      const r = await execute(app.url, ErrorsCreateWorkspace, { input: input as { name: string } });
      expect(codeOf(r), field).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details![0]!.field.startsWith(field), JSON.stringify(r.errors![0]!.extensions!.details)).toBe(true);
      expect(r.errors![0]!.message).toContain(field);
      // The answer names the rule, it does not echo the value back.
      expect(JSON.stringify(r).length).toBeLessThan(2_000);
    }
    const label = await execute(app.url, ErrorsCreateKey, { input: { label: 'l'.repeat(201) } });
    expect(codeOf(label)).toBe('BAD_USER_INPUT');
    expect(label.errors![0]!.extensions!.details![0]!.field).toBe('label');
    expect(await workspaceCount()).toBe(before);
  });

  test('answers a forged page cursor with BAD_USER_INPUT naming `after`', async () => {
    for (const after of ['not-a-cursor', Buffer.from('{"x":1}').toString('base64url'), Buffer.from('"abc"').toString('base64url')]) {
      const r = await execute(app.url, ErrorsWorkspaces, { input: { after } });
      expect(codeOf(r), after).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details?.[0]?.field, after).toBe('after');
      expectNothingInternal(r);
    }
  });

  test('an unexpected server error says only "Unexpected error.", never SQL, stack traces or driver messages', async () => {
    // Public inputs that reach the database unchecked today: a NUL character (PostgreSQL refuses it
    // in text) and a page cursor holding a string where the list's ids are integers. Should either
    // become a validation error, the answer must still reveal nothing internal.
    const answers = [
      await execute(app.url, ErrorsCreateWorkspace, { input: { name: 'Null\u0000byte' } }),
      await execute(app.url, ErrorsWorkspaces, { input: { after: Buffer.from('"abc"').toString('base64url') } }),
    ];
    for (const r of answers) {
      expect(r.errors).toHaveLength(1);
      expect(r.data ?? null).toBeNull();
      expectNothingInternal(r);
      if (codeOf(r) === 'INTERNAL_SERVER_ERROR') expect(r.errors![0]!.message).toBe('Unexpected error.');
      else expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
    // Nothing was written, and the server keeps answering.
    expect(await workspaceNames()).not.toContain('Null\u0000byte');
    expect(await workspaceCount()).toBeGreaterThanOrEqual(0);
  });

  test('answers a NUL character in a text field with BAD_USER_INPUT naming the field', async () => {
    const r = await execute(app.url, ErrorsCreateWorkspace, { input: { name: 'Null\u0000byte' } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.details?.[0]?.field).toBe('name');
  });
});

describe('CORS', () => {
  test('does not allow an arbitrary Origin by default', async () => {
    const origin = 'https://evil.example';
    const preflight = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const post = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query: '{ workspaces { totalCount } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('allows exactly the origins listed in SWITCHBOARD_CORS_ORIGINS', async () => {
    const cors = await startTestApp({ SWITCHBOARD_CORS_ORIGINS: 'https://crm.example, https://admin.example' });
    try {
      const preflight = (origin: string) =>
        fetch(`${cors.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
        });
      const allowed = await preflight('https://crm.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example');
      expect((allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain('authorization');
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
    } finally {
      await cors.stop();
      await cors.dropDatabase();
    }
  });
});
