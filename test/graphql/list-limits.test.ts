import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { describe, expect } from 'vitest';
import { GRAPHQL_LIMITS, plannedNodes } from '../../src/graphql/limits.ts';
import { schema } from '../../src/graphql/schema.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { simulateInbound } from '../support/delivery-helpers.ts';
import { device, phone, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';
import { rows } from '../support/messaging.ts';

/** One conversation of this many messages: nested lists over it multiply. */
const MESSAGES = 250;

const test = appTest();
let app: TestApp;
let ws: Workspace;
test.beforeAll(async ({ app: a }) => {
  app = a;
  ws = await workspace(app, { name: 'List limits' });
  const d = await device(app, ws);
  const first = await simulateInbound(app, ws, { deviceId: d.id, phone: phone(), message: 'hello' });
  // The rest of the conversation: copies of the first message, written directly.
  await rows(
    app,
    `INSERT INTO messages SELECT r.* FROM messages m, generate_series(2, $1::int) g,
       LATERAL jsonb_populate_record(NULL::messages, to_jsonb(m) || jsonb_build_object('id', gen_random_uuid(), 'external_id', null, 'provider_message_id', 'copy-' || g)) r
      WHERE m.id = $2`,
    [MESSAGES, first.id],
  );
});

const gql = <R = any>(query: string, variables?: Record<string, unknown>) => rawGraphQL<R>(app.url, { query, variables }, { key: ws.key });

/** The server answers, and the conversation is all there. */
async function expectAlive() {
  const r = await gql<{ messages: { totalCount: number } }>('{ messages(input: { first: 1 }) { totalCount } }');
  expect(r.errors).toBeUndefined();
  expect(r.data!.messages.totalCount).toBe(MESSAGES);
}

describe('list limits', () => {
  test('refuses, before running it, a small query whose nested default pages would answer millions of messages, and keeps serving', async () => {
    // The worst-hour query: four nested lists of the default page size (50⁴ messages).
    const r = await gql('{ messages { nodes { conversation { messages { nodes { conversation { messages { nodes { conversation { messages { nodes { id } } } } } } } } } } } }');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.message).toMatch(new RegExp(`more than ${GRAPHQL_LIMITS.maxNodes}.*page size`));
    expect(r.data ?? null).toBeNull();
    await expectAlive();
  });

  test('prices `first` given as a literal, in a variable, or inside a variable input', async () => {
    const nested = 'query Q($n: Int, $input: MessagesInput) { messages(input: $input) { nodes { conversation { messages(first: $n) { nodes { id } } } } } }';
    const refused = await gql(nested, { n: 200, input: { first: 100 } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/up to 20100 list items/);

    const small = await gql<{ messages: { nodes: { conversation: { messages: { nodes: unknown[] } } }[] } }>(nested, { n: 10, input: { first: 10 } });
    expect(small.errors).toBeUndefined();
    expect(small.data!.messages.nodes).toHaveLength(10);
    expect(small.data!.messages.nodes[0]!.conversation.messages.nodes).toHaveLength(10);

    const literal = await gql('{ messages(input: { first: 100 }) { nodes { conversation { messages(first: 200) { nodes { id } } } } } }');
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
  });

  test(`answers BAD_USER_INPUT, once, when a running answer passes ${GRAPHQL_LIMITS.maxListedNodes} list items, and keeps serving`, async () => {
    // Planned within maxNodes (40 + 40 × 200), and this conversation really holds that many.
    const r = await gql('{ messages(input: { first: 40 }) { nodes { conversation { messages(first: 200) { nodes { id } } } } } }');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.message).toMatch(new RegExp(`more than ${GRAPHQL_LIMITS.maxListedNodes} list items`));
    expect(r.data ?? null).toBeNull();
    await expectAlive();
  });

  test('answers a full page of 200 with a nested object for each, and a page of conversations with their messages', async () => {
    const page = await gql<{ messages: { nodes: { conversation: { id: string } }[] } }>('{ messages(input: { first: 200 }) { nodes { id conversation { id } } } }');
    expect(page.errors).toBeUndefined();
    expect(page.data!.messages.nodes).toHaveLength(200);
    const conversations = await gql<{ conversations: { nodes: { messages: { nodes: unknown[] } }[] } }>(
      '{ conversations(input: { first: 100 }) { nodes { id messages(first: 50) { nodes { id content } } } } }',
    );
    expect(conversations.errors).toBeUndefined();
    expect(conversations.data!.conversations.nodes[0]!.messages.nodes).toHaveLength(50);
  });

  test("every GraphQL example in the README is within the limits", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));
    expect(examples.length).toBeGreaterThan(2);
    for (const document of examples) {
      for (const operation of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
        expect(plannedNodes(schema, document, operation.name?.value, {}), operation.name?.value).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxNodes);
      }
    }
    expect(plannedNodes(schema, parse('{ messages(input: { first: 100 }) { nodes { conversation { messages(first: 100) { nodes { id } } } } } }'), null, {})).toBe(10_100);
    expect(plannedNodes(schema, parse('{ deliveries(input: { first: 200 }) { nodes { id attempts { id } } } }'), null, {})).toBe(2_200);
  });
});
