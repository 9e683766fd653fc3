import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, webhook, workspace, type Workspace } from '../support/fixtures.ts';
import { codeOf, rawGraphQL } from '../support/graphql.ts';

const test = appTest();
let app: TestApp;
let mine: Workspace;
let theirs: Workspace;
test.beforeAll(async ({ app: a }) => {
  app = a;
  mine = await workspace(app, { name: 'Scope mine' });
  theirs = await workspace(app, { name: 'Scope theirs' });
  for (const ws of [mine, theirs]) {
    await device(app, ws);
    await webhook(app, ws, { url: 'http://127.0.0.1:9/hook', event: 'ANY_EVENT' });
  }
});

/** Every list whose input takes a workspaceId. */
const LISTS = ['webhooks', 'devices', 'messages', 'clients', 'conversations', 'deliveries', 'events', 'liveChatIntegrations'];

describe('a workspace key implies its workspace', () => {
  test('in every list input: `input: {}` lists its own workspace, no workspaceId needed', async () => {
    for (const list of LISTS) {
      const r = await rawGraphQL<Record<string, { nodes: { workspaceId: number }[] }>>(
        app.url,
        { query: `{ ${list}(input: {}) { nodes { workspaceId } } }` },
        { key: mine.key },
      );
      expect(r.errors, list).toBeUndefined();
      expect(r.data![list]!.nodes.every((n) => n.workspaceId === mine.id), list).toBe(true);
    }
    const own = await rawGraphQL<{ webhooks: { nodes: { workspaceId: number }[] } }>(app.url, { query: '{ webhooks(input: {}) { nodes { workspaceId } } }' }, { key: mine.key });
    expect(own.data!.webhooks.nodes.map((w) => w.workspaceId)).toEqual([mine.id]);
  });

  test('an admin key without workspaceId lists webhooks of every workspace, as it does devices', async () => {
    const r = await rawGraphQL<{ webhooks: { nodes: { workspaceId: number }[] } }>(app.url, { query: '{ webhooks(input: {}) { nodes { workspaceId } } }' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.webhooks.nodes.map((w) => w.workspaceId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  test('in createWebhook: a workspace key creates in its own workspace; an admin key must name one', async () => {
    const create = 'mutation { createWebhook(input: { label: "implied", url: "http://127.0.0.1:9/implied", event: NEW_CLIENT, sendTestPing: false }) { workspaceId label } }';
    const r = await rawGraphQL<{ createWebhook: { workspaceId: number } }>(app.url, { query: create }, { key: mine.key });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createWebhook.workspaceId).toBe(mine.id);

    const admin = await rawGraphQL(app.url, { query: create });
    expect(codeOf(admin)).toBe('BAD_USER_INPUT');
    expect(admin.errors![0]!.extensions!.details![0]!.field).toBe('workspaceId');
  });
});
