import { createHash } from 'node:crypto';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { ensureAdminKey } from '../../src/auth/api-keys.ts';
import { webhook, workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import { codeOf, execute, ok, rawGraphQL, type GraphQLResponse } from '../support/graphql.ts';
import { eventually } from '../support/wait.ts';

const AuthCreateKey = graphql(`
  mutation AuthCreateKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        prefix
        label
        admin
        workspaceId
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const AuthKeys = graphql(`
  query AuthKeys($input: ApiKeysInput) {
    apiKeys(input: $input) {
      nodes {
        id
        prefix
        label
        admin
        workspaceId
        createdAt
        lastUsedAt
        revokedAt
      }
      totalCount
    }
  }
`);

const AuthRevokeKey = graphql(`
  mutation AuthRevokeKey($input: ApiKeyRevokeInput!) {
    revokeApiKey(input: $input) {
      id
      revokedAt
    }
  }
`);

const AuthCreateWorkspace = graphql(`
  mutation AuthCreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      name
    }
  }
`);

const AuthWorkspace = graphql(`
  query AuthWorkspace($id: Int!) {
    workspace(id: $id) {
      id
      name
    }
  }
`);

const AuthWorkspaces = graphql(`
  query AuthWorkspaces {
    workspaces {
      nodes {
        id
        name
      }
      totalCount
    }
  }
`);

const AuthUpdateWorkspace = graphql(`
  mutation AuthUpdateWorkspace($input: WorkspaceUpdateInput!) {
    updateWorkspace(input: $input) {
      id
      name
    }
  }
`);

const AuthDeleteWorkspace = graphql(`
  mutation AuthDeleteWorkspace($input: WorkspaceDeleteInput!) {
    deleteWorkspace(input: $input) {
      id
      deleted
    }
  }
`);

const AuthWebhook = graphql(`
  query AuthWebhook($id: ID!) {
    webhook(id: $id) {
      id
      label
    }
  }
`);

const test = appTest();
let app: TestApp;
/** Two workspaces, each with a key of its own. */
let mine: { id: number; key: string; keyId: string };
let theirs: { id: number; key: string; keyId: string };

async function workspaceWithKey(name: string) {
  const { id } = (await ok(app.url, AuthCreateWorkspace, { input: { name } })).createWorkspace;
  const created = (await ok(app.url, AuthCreateKey, { input: { workspaceId: id, label: `${name} key` } })).createApiKey;
  return { id, key: created.secret, keyId: created.apiKey.id };
}

/** A GraphQL request with exactly these headers. */
async function withHeaders<R>(doc: { toString(): string }, variables: unknown, headers: Record<string, string>): Promise<GraphQLResponse<R>> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: doc.toString(), variables }),
  });
  return { ...((await res.json()) as GraphQLResponse<R>), status: res.status };
}

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

test.beforeAll(async ({ app: a }) => {
  app = a;
  mine = await workspaceWithKey('Mine');
  theirs = await workspaceWithKey('Theirs');
});

describe('API keys', () => {
  test('createApiKey shows the secret once, with its visible prefix and label; only a hash is stored', async () => {
    const { createApiKey } = await ok(app.url, AuthCreateKey, { input: { workspaceId: mine.id, label: 'CRM production' } });
    const { secret, apiKey } = createApiKey;
    expect(apiKey).toMatchObject({ label: 'CRM production', admin: false, workspaceId: mine.id, lastUsedAt: null, revokedAt: null });
    expect(apiKey.prefix).toMatch(/^sbk_[0-9a-f]{8}$/);
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(secret.length).toBeGreaterThanOrEqual(apiKey.prefix.length + 24);
    expect(Date.now() - Date.parse(apiKey.createdAt)).toBeLessThan(60_000);

    // Never shown again: not in the list, and no field of an ApiKey carries it.
    const listed = await ok(app.url, AuthKeys, { input: { workspaceId: mine.id } });
    const node = listed.apiKeys.nodes.find((k) => k.id === apiKey.id);
    expect(node).toMatchObject({ prefix: apiKey.prefix, label: 'CRM production' });
    expect(JSON.stringify(listed)).not.toContain(secret);
    const asking = await rawGraphQL(app.url, { query: `{ apiKeys { nodes { id secret } } }` });
    expect(codeOf(asking)).toBe('BAD_USER_INPUT');

    // At rest: the hash, never the key.
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT * FROM api_keys WHERE id = $1', [apiKey.id]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows[0])).not.toContain(secret.slice(apiKey.prefix.length + 1));
      expect(rows[0].hash).toBe(sha256(secret));
    } finally {
      await db.end();
    }

    // And the secret works.
    expect((await ok(app.url, AuthWorkspace, { id: mine.id }, { key: secret })).workspace.id).toBe(mine.id);
  });

  test('an admin key can create another admin key, which sees every workspace', async () => {
    const { createApiKey } = await ok(app.url, AuthCreateKey, { input: { label: 'second admin' } });
    expect(createApiKey.apiKey).toMatchObject({ admin: true, workspaceId: null, label: 'second admin' });
    expect(createApiKey.apiKey.prefix).toMatch(/^sba_[0-9a-f]{8}$/);
    const seen = await ok(app.url, AuthWorkspaces, {}, { key: createApiKey.secret });
    expect(seen.workspaces.nodes.map((w) => w.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const admins = await ok(app.url, AuthKeys, {});
    expect(admins.apiKeys.nodes.every((k) => k.admin)).toBe(true);
    expect(admins.apiKeys.nodes.map((k) => k.id)).toContain(createApiKey.apiKey.id);
  });

  test('apiKeys shows when a key was last used', async () => {
    const { createApiKey } = await ok(app.url, AuthCreateKey, { input: { workspaceId: mine.id, label: 'last used' } });
    const lastUsed = async () =>
      (await ok(app.url, AuthKeys, { input: { workspaceId: mine.id } })).apiKeys.nodes.find((k) => k.id === createApiKey.apiKey.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();

    const before = Date.now();
    await ok(app.url, AuthWorkspace, { id: mine.id }, { key: createApiKey.secret });
    const seen = await eventually(lastUsed, Boolean, 'lastUsedAt after the key was used', 5_000);
    expect(Math.abs(Date.parse(seen!) - before)).toBeLessThan(60_000);
  });

  test('a revoked key is refused at once, and stays listed as revoked', async () => {
    const { createApiKey } = await ok(app.url, AuthCreateKey, { input: { workspaceId: mine.id, label: 'to revoke' } });
    const key = createApiKey.secret;
    expect((await ok(app.url, AuthWorkspace, { id: mine.id }, { key })).workspace.id).toBe(mine.id);

    const revoked = (await ok(app.url, AuthRevokeKey, { input: { id: createApiKey.apiKey.id } })).revokeApiKey;
    expect(revoked.id).toBe(createApiKey.apiKey.id);
    expect(revoked.revokedAt).toBeTruthy();

    for (const header of ['bearer', 'authorization', 'x-api-key'] as const) {
      const r = await execute(app.url, AuthWorkspace, { id: mine.id }, { key, header });
      expect(codeOf(r), header).toBe('UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
    }

    const active = await ok(app.url, AuthKeys, { input: { workspaceId: mine.id } });
    expect(active.apiKeys.nodes.map((k) => k.id)).not.toContain(createApiKey.apiKey.id);
    const all = await ok(app.url, AuthKeys, { input: { workspaceId: mine.id, includeRevoked: true } });
    expect(all.apiKeys.nodes.find((k) => k.id === createApiKey.apiKey.id)?.revokedAt).toBeTruthy();
  });

  test('a workspace key can create and revoke keys of its own workspace', async () => {
    const { createApiKey } = await ok(app.url, AuthCreateKey, { input: { workspaceId: mine.id, label: 'made by a workspace key' } }, { key: mine.key });
    expect(createApiKey.apiKey).toMatchObject({ admin: false, workspaceId: mine.id });
    const own = await ok(app.url, AuthKeys, {}, { key: mine.key });
    expect(own.apiKeys.nodes.every((k) => k.workspaceId === mine.id)).toBe(true);
    expect(own.apiKeys.nodes.map((k) => k.id)).toEqual(expect.arrayContaining([mine.keyId, createApiKey.apiKey.id]));
    await ok(app.url, AuthRevokeKey, { input: { id: createApiKey.apiKey.id } }, { key: mine.key });
    expect(codeOf(await execute(app.url, AuthWorkspace, { id: mine.id }, { key: createApiKey.secret }))).toBe('UNAUTHENTICATED');
  });

  test('rejects an empty or oversized label naming the field, and creates nothing', async () => {
    const before = (await ok(app.url, AuthKeys, { input: { workspaceId: mine.id, includeRevoked: true } })).apiKeys.totalCount;
    for (const label of ['', '   ', 'x'.repeat(201)]) {
      const r = await execute(app.url, AuthCreateKey, { input: { workspaceId: mine.id, label } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details![0]!.field).toBe('label');
    }
    const unknown = await execute(app.url, AuthCreateKey, { input: { workspaceId: 999_999, label: 'nowhere' } });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect((await ok(app.url, AuthKeys, { input: { workspaceId: mine.id, includeRevoked: true } })).apiKeys.totalCount).toBe(before);
  });
});

describe('who may do what', () => {
  test('accepts a key as `authorization: <key>`, `Authorization: Bearer <key>` and `x-api-key: <key>`', async () => {
    for (const key of [ADMIN_KEY, mine.key]) {
      const forms: Record<string, string>[] = [
        { authorization: key },
        { Authorization: `Bearer ${key}` },
        { authorization: `bearer ${key}` },
        { 'x-api-key': key },
      ];
      for (const headers of forms) {
        const r = await withHeaders<{ workspace: { id: number } }>(AuthWorkspace, { id: mine.id }, headers);
        expect(r.errors, JSON.stringify(headers)).toBeUndefined();
        expect(r.data?.workspace.id, JSON.stringify(headers)).toBe(mine.id);
      }
    }
  });

  test('answers UNAUTHENTICATED without a key, or with a key it does not know, in every header form', async () => {
    const none = await execute(app.url, AuthWorkspaces, {}, { key: null });
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    expect(none.data ?? null).toBeNull();
    const noneWrite = await execute(app.url, AuthCreateWorkspace, { input: { name: 'Anonymous' } }, { key: null });
    expect(codeOf(noneWrite)).toBe('UNAUTHENTICATED');

    const wrongKeys = [`${ADMIN_KEY}x`, `${mine.key.slice(0, -1)}${mine.key.endsWith('A') ? 'B' : 'A'}`, 'sbk_00000000_notakeyatall', 'Bearer'];
    for (const wrong of wrongKeys) {
      const forms: Record<string, string>[] = [{ authorization: wrong }, { authorization: `Bearer ${wrong}` }, { 'x-api-key': wrong }];
      for (const headers of forms) {
        const r = await withHeaders(AuthWorkspaces, {}, headers);
        expect(codeOf(r), JSON.stringify(headers)).toBe('UNAUTHENTICATED');
        expect(r.data ?? null).toBeNull();
      }
    }
    // Nothing was created by the anonymous attempt.
    const names = (await ok(app.url, AuthWorkspaces, {})).workspaces.nodes.map((w) => w.name);
    expect(names).not.toContain('Anonymous');
  });

  test('an admin key reads and changes any workspace', async () => {
    expect((await ok(app.url, AuthWorkspace, { id: mine.id })).workspace.name).toBe('Mine');
    expect((await ok(app.url, AuthWorkspace, { id: theirs.id })).workspace.name).toBe('Theirs');
    const all = await ok(app.url, AuthWorkspaces, {});
    expect(all.workspaces.nodes.map((w) => w.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await ok(app.url, AuthKeys, { input: { workspaceId: theirs.id } })).apiKeys.nodes.map((k) => k.id)).toContain(theirs.keyId);
  });

  test('a workspace key reads and updates its own workspace, and its workspaces list holds only that one', async () => {
    expect((await ok(app.url, AuthWorkspace, { id: mine.id }, { key: mine.key })).workspace).toEqual({ id: mine.id, name: 'Mine' });
    const list = await ok(app.url, AuthWorkspaces, {}, { key: mine.key });
    expect(list.workspaces.totalCount).toBe(1);
    expect(list.workspaces.nodes).toEqual([{ id: mine.id, name: 'Mine' }]);
    const renamed = await ok(app.url, AuthUpdateWorkspace, { input: { id: mine.id, name: 'Mine, renamed' } }, { key: mine.key });
    expect(renamed.updateWorkspace.name).toBe('Mine, renamed');
    await ok(app.url, AuthUpdateWorkspace, { input: { id: mine.id, name: 'Mine' } }, { key: mine.key });
  });

  test("another workspace's objects are NOT_FOUND to a workspace key, exactly like objects that do not exist", async () => {
    const theirHook = await webhook(app, { id: theirs.id, locationId: '', webhookSigningSecret: null, key: theirs.key }, {
      url: 'http://127.0.0.1:9/hook',
      event: 'ANY_EVENT',
      label: 'their hook',
    });

    const attempts: [string, () => Promise<GraphQLResponse<unknown>>, () => Promise<GraphQLResponse<unknown>>][] = [
      ['workspace', () => execute(app.url, AuthWorkspace, { id: theirs.id }, { key: mine.key }), () => execute(app.url, AuthWorkspace, { id: 999_999 }, { key: mine.key })],
      [
        'updateWorkspace',
        () => execute(app.url, AuthUpdateWorkspace, { input: { id: theirs.id, name: 'Hijacked' } }, { key: mine.key }),
        () => execute(app.url, AuthUpdateWorkspace, { input: { id: 999_999, name: 'Hijacked' } }, { key: mine.key }),
      ],
      [
        'apiKeys',
        () => execute(app.url, AuthKeys, { input: { workspaceId: theirs.id } }, { key: mine.key }),
        () => execute(app.url, AuthKeys, { input: { workspaceId: 999_999 } }, { key: mine.key }),
      ],
      [
        'createApiKey',
        () => execute(app.url, AuthCreateKey, { input: { workspaceId: theirs.id, label: 'intruder' } }, { key: mine.key }),
        () => execute(app.url, AuthCreateKey, { input: { workspaceId: 999_999, label: 'intruder' } }, { key: mine.key }),
      ],
      [
        'revokeApiKey',
        () => execute(app.url, AuthRevokeKey, { input: { id: theirs.keyId } }, { key: mine.key }),
        () => execute(app.url, AuthRevokeKey, { input: { id: '0123456789abcdef01234567' } }, { key: mine.key }),
      ],
      [
        'webhook',
        () => execute(app.url, AuthWebhook, { id: theirHook.id }, { key: mine.key }),
        () => execute(app.url, AuthWebhook, { id: '0123456789abcdef01234567' }, { key: mine.key }),
      ],
    ];
    for (const [what, theirsAttempt, missingAttempt] of attempts) {
      const r = await theirsAttempt();
      const missing = await missingAttempt();
      expect(codeOf(r), what).toBe('NOT_FOUND');
      expect(r.data ?? null, what).toBeNull();
      // Indistinguishable from asking about something that does not exist.
      expect(r.errors!.map((e) => e.message), what).toEqual(missing.errors!.map((e) => e.message));
      expect(JSON.stringify(r), what).not.toMatch(/Theirs|their hook/);
    }

    // Nothing of theirs changed: name, key, keys list.
    expect((await ok(app.url, AuthWorkspace, { id: theirs.id })).workspace.name).toBe('Theirs');
    expect((await ok(app.url, AuthWorkspace, { id: theirs.id }, { key: theirs.key })).workspace.id).toBe(theirs.id);
    const theirKeys = (await ok(app.url, AuthKeys, { input: { workspaceId: theirs.id } })).apiKeys.nodes;
    expect(theirKeys.map((k) => k.label)).not.toContain('intruder');
  });

  test('admin-only operations are FORBIDDEN to a workspace key, and change nothing', async () => {
    const created = await execute(app.url, AuthCreateWorkspace, { input: { name: 'Made by a workspace key' } }, { key: mine.key });
    expect(codeOf(created)).toBe('FORBIDDEN');
    const deletedOwn = await execute(app.url, AuthDeleteWorkspace, { input: { id: mine.id } }, { key: mine.key });
    expect(codeOf(deletedOwn)).toBe('FORBIDDEN');
    const deletedTheirs = await execute(app.url, AuthDeleteWorkspace, { input: { id: theirs.id } }, { key: mine.key });
    expect(codeOf(deletedTheirs)).toBe('FORBIDDEN');

    const names = (await ok(app.url, AuthWorkspaces, {})).workspaces.nodes.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Mine', 'Theirs']));
    expect(names).not.toContain('Made by a workspace key');
  });

  test('a workspace key asking for an admin key (createApiKey without workspaceId) is FORBIDDEN, and no admin key is made', async () => {
    const adminsBefore = (await ok(app.url, AuthKeys, {})).apiKeys.totalCount;
    // SPEC §3.1: createApiKey without a workspaceId asks for an admin key.
    const r = await execute(app.url, AuthCreateKey, { input: { label: 'escalation' } }, { key: mine.key });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect((await ok(app.url, AuthKeys, {})).apiKeys.totalCount).toBe(adminsBefore);
  });

  test('a workspace key never sees admin keys', async () => {
    const own = await ok(app.url, AuthKeys, {}, { key: mine.key });
    expect(own.apiKeys.nodes.some((k) => k.admin)).toBe(false);
  });
});

describe('keys that cannot be had', () => {
  test('a workspace key cannot give a key its own rate limit', async () => {
    const ws = await workspace(app);
    const r = await execute(app.url, AuthCreateKey, { input: { workspaceId: ws.id, label: 'unlimited', rateLimitPerMinute: 1_000_000 } }, { key: ws.key });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  test('changing SWITCHBOARD_ADMIN_KEY revokes the previous bootstrap key, and shows nothing of it', async () => {
    const first = 'sba_first_bootstrap_key_0123456789';
    const second = 'sba_second_bootstrap_key_987654321';
    await ensureAdminKey(app.rt, first, false);
    await ensureAdminKey(app.rt, second, false);
    const keys = await rows<{ prefix: string; revoked_at: Date | null }>(app, "SELECT prefix, revoked_at FROM api_keys WHERE label = 'bootstrap (SWITCHBOARD_ADMIN_KEY)' ORDER BY created_at");
    expect(keys.filter((k) => k.revoked_at === null)).toHaveLength(1);
    for (const k of keys) expect(first.startsWith(k.prefix) || second.startsWith(k.prefix)).toBe(false);
    expect(codeOf(await rawGraphQL(app.url, { query: '{ apiKeys { totalCount } }' }, { key: first }))).toBe('UNAUTHENTICATED');
    expect((await rawGraphQL(app.url, { query: '{ apiKeys { totalCount } }' }, { key: second })).errors).toBeUndefined();
  });
});
