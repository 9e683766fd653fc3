/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": typeof types.FixtureWorkspaceDocument,
    "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.FixtureKeyDocument,
    "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n": typeof types.FixtureDeviceDocument,
    "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.FixtureActivateDocument,
    "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": typeof types.FixtureWebhookDocument,
    "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n": typeof types.GetWorkspaceDocument,
    "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ListWorkspacesDocument,
    "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n": typeof types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.DeleteWorkspaceDocument,
};
const documents: Documents = {
    "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": types.FixtureWorkspaceDocument,
    "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.FixtureKeyDocument,
    "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n": types.FixtureDeviceDocument,
    "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.FixtureActivateDocument,
    "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": types.FixtureWebhookDocument,
    "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n": types.CreateWorkspaceDocument,
    "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n": types.GetWorkspaceDocument,
    "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ListWorkspacesDocument,
    "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n": types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.DeleteWorkspaceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n"): typeof import('./graphql.ts').FixtureWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureActivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n"): typeof import('./graphql.ts').FixtureWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').CreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n"): typeof import('./graphql.ts').GetWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').ListWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n"): typeof import('./graphql.ts').UpdateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').DeleteWorkspaceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
