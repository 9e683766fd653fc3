import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';

const test = appTest({ SWITCHBOARD_GRAPHIQL: 'true' });
let app: TestApp;
test.beforeAll(({ app: a }) => {
  app = a;
});

const PLACEHOLDER = '<your API key>';
const WRONG_KEYS = [PLACEHOLDER, 'sba_00000000_notakeyatall', 'Bearer'];
const INTROSPECTION = 'query IntrospectionQuery { __schema { queryType { name } types { name } } }';

const withAuthorization = async (authorization: string | null, query: string) => {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
};

describe('the schema is public, the data is not', () => {
  test('introspection answers without a key, with the placeholder key GraphiQL opens with, and with a wrong key', async () => {
    for (const authorization of [null, `Bearer ${PLACEHOLDER}`, ...WRONG_KEYS.map((k) => `Bearer ${k}`)]) {
      const r = await withAuthorization(authorization, INTROSPECTION);
      expect(r.errors, String(authorization)).toBeUndefined();
      expect(r.data.__schema.queryType.name, String(authorization)).toBe('Query');
      expect(r.data.__schema.types.map((t: { name: string }) => t.name), String(authorization)).toContain('Workspace');
    }
  });

  test('with a wrong or placeholder key, anything that reads or writes data answers UNAUTHENTICATED saying the key is not valid, and writes nothing', async () => {
    const documents = [
      '{ workspaces { totalCount } }',
      '{ __typename workspaces { totalCount } }',
      '{ ...Sneaky } fragment Sneaky on Query { __typename workspaces { totalCount } }',
      '{ ... on Query { workspaces { totalCount } } }',
      'mutation { createWorkspace(input: { name: "Made with a wrong key" }) { id } }',
    ];
    for (const key of WRONG_KEYS) {
      for (const document of documents) {
        const r = await withAuthorization(`Bearer ${key}`, document);
        expect(r.errors?.[0]?.extensions?.code, `${key} ${document}`).toBe('UNAUTHENTICATED');
        expect(r.errors![0]!.message).toMatch(/API key sent is not valid/);
        expect(r.data ?? null).toBeNull();
      }
    }
    const none = await withAuthorization(null, '{ workspaces { totalCount } }');
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(none.errors![0]!.message).toMatch(/A valid API key is required/);

    const names = await rawGraphQL<{ workspaces: { nodes: { name: string }[] } }>(app.url, { query: '{ workspaces(input: { first: 200 }) { nodes { name } } }' });
    expect(names.data!.workspaces.nodes.map((w) => w.name)).not.toContain('Made with a wrong key');
    expect(codeOf(names)).toBeUndefined();
  });

  test("GraphiQL opens with the README's first session, whose operations are all named so GraphiQL can run each", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## A first session in GraphiQL'), readme.indexOf('## Five-minute walkthrough'));
    const example = /```graphql\n([\s\S]*?)```/.exec(section)![1]!;
    const operations = parse(example).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(1);
    expect(operations.map((o) => o.name?.value)).toEqual(['CreateWorkspace', 'CreateApiKey']);

    const page = await (await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain(JSON.stringify(example).slice(1, -1));
    expect(page).toContain(JSON.stringify(JSON.stringify({ Authorization: `Bearer ${PLACEHOLDER}` }, null, 2)).slice(1, -1));
    // Nothing is fetched from a CDN.
    expect(page).not.toMatch(/<script[^>]+src=["']?https?:|<link[^>]+href=["']?https?:/);
  });
});
