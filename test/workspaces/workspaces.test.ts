import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { codeOf, execute, ok } from '../support/graphql.ts';

const CreateWorkspace = graphql(`
  mutation CreateWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      locationId
      name
      email
      phone
      address
      webhookUrl
      headers
      webhookSigningSecret
      createdAt
    }
  }
`);

const GetWorkspace = graphql(`
  query GetWorkspace($id: Int!) {
    workspace(id: $id) {
      id
      name
      webhookUrl
      headers
    }
  }
`);

const ListWorkspaces = graphql(`
  query ListWorkspaces($input: WorkspacesInput) {
    workspaces(input: $input) {
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const UpdateWorkspace = graphql(`
  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {
    updateWorkspace(input: $input) {
      id
      name
      email
      webhookUrl
    }
  }
`);

const DeleteWorkspace = graphql(`
  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {
    deleteWorkspace(input: $input) {
      id
      deleted
    }
  }
`);

const test = appTest();
let app: TestApp;
test.beforeAll(({ app: a }) => {
  app = a;
});

describe('workspaces', () => {
  test('creates a workspace with a generated 20-hex location id and masked headers', async () => {
    const { createWorkspace: ws } = await ok(app.url, CreateWorkspace, {
      input: {
        name: 'Acme CRM',
        email: 'ops@acme.example',
        phone: '+14155552671',
        address: '1 Market St',
        webhookUrl: 'https://crm.acme.example/hooks',
        headers: { Authorization: 'Bearer sk_live_abcdefghijkl' },
      },
    });
    expect(ws.locationId).toMatch(/^[0-9a-f]{20}$/);
    expect(ws).toMatchObject({ name: 'Acme CRM', email: 'ops@acme.example', phone: '+14155552671', webhookUrl: 'https://crm.acme.example/hooks' });
    expect(ws.headers).toEqual({ Authorization: '••••••••ijkl' });
    expect(ws.webhookSigningSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  });

  test('reads, lists with paging, updates and deletes', async () => {
    const ids: number[] = [];
    for (const name of ['Page A', 'Page B', 'Page C']) {
      ids.push((await ok(app.url, CreateWorkspace, { input: { name } })).createWorkspace.id);
    }
    const first = await ok(app.url, ListWorkspaces, { input: { name: 'page', first: 2 } });
    expect(first.workspaces.totalCount).toBe(3);
    expect(first.workspaces.nodes.map((n) => n.name)).toEqual(['Page C', 'Page B']);
    expect(first.workspaces.pageInfo.hasNextPage).toBe(true);
    const second = await ok(app.url, ListWorkspaces, { input: { name: 'page', first: 2, after: first.workspaces.pageInfo.endCursor } });
    expect(second.workspaces.nodes.map((n) => n.name)).toEqual(['Page A']);
    expect(second.workspaces.pageInfo.hasNextPage).toBe(false);

    const updated = await ok(app.url, UpdateWorkspace, { input: { id: ids[0]!, name: 'Renamed', email: 'new@example.com', webhookUrl: 'https://example.com/in' } });
    expect(updated.updateWorkspace).toMatchObject({ name: 'Renamed', email: 'new@example.com', webhookUrl: 'https://example.com/in' });
    const removedUrl = await ok(app.url, UpdateWorkspace, { input: { id: ids[0]!, webhookUrl: null } });
    expect(removedUrl.updateWorkspace.webhookUrl).toBeNull();

    expect((await ok(app.url, DeleteWorkspace, { input: { id: ids[1]! } })).deleteWorkspace).toEqual({ id: String(ids[1]), deleted: true });
    const gone = await execute(app.url, GetWorkspace, { id: ids[1]! });
    expect(codeOf(gone)).toBe('NOT_FOUND');
  });

  test('clones the webhook URL, headers and subscriptions of another workspace, never its data', async () => {
    const source = (
      await ok(app.url, CreateWorkspace, {
        input: { name: 'Source', webhookUrl: 'https://source.example/hook', headers: { 'x-client-id': 'mycrm-client-01' } },
      })
    ).createWorkspace;
    const clone = (await ok(app.url, CreateWorkspace, { input: { name: 'Clone', cloneFromId: source.id } })).createWorkspace;
    expect(clone.webhookUrl).toBe('https://source.example/hook');
    expect(clone.headers).toEqual({ 'x-client-id': '••••••••t-01' });
    expect(clone.locationId).not.toBe(source.locationId);
    expect(clone.webhookSigningSecret).not.toBe(source.webhookSigningSecret);
  });

  test('rejects bad input naming the field and the rule, and writes nothing', async () => {
    const before = (await ok(app.url, ListWorkspaces, {})).workspaces.totalCount;
    const cases = [
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', phone: '0300 123' }, 'phone'],
      [{ name: 'X', phone: '+1415555' }, 'phone'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X', webhookUrl: 'ftp://example.com' }, 'webhookUrl'],
      [{ name: 'X', headers: { 'bad header': 'v' } }, 'headers'],
    ] as const;
    for (const [input, field] of cases) {
      const r = await execute(app.url, CreateWorkspace, { input });
      expect(codeOf(r), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.details![0]!.field.startsWith(field)).toBe(true);
      expect(r.errors![0]!.message).toContain(field);
    }
    const unknownSource = await execute(app.url, CreateWorkspace, { input: { name: 'X', cloneFromId: 999999 } });
    expect(codeOf(unknownSource)).toBe('NOT_FOUND');
    expect(unknownSource.errors![0]!.message).toContain('cloneFromId');
    expect((await ok(app.url, ListWorkspaces, {})).workspaces.totalCount).toBe(before);
  });
});
