/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApiKeyCreateInput = {
  label: string;
  /** Requests per minute for this key; the server default otherwise. */
  rateLimitPerMinute?: number | null | undefined;
  /** Omit (with an admin key) to create an admin key. */
  workspaceId?: number | null | undefined;
};

export type Channel =
  | 'IMESSAGE'
  | 'RCS'
  | 'SMS'
  | 'WHATSAPP';

export type DeviceCreateInput = {
  address: string;
  channel: Channel;
  /** The driver's configuration; see the README for each driver's keys. */
  config?: unknown;
  /** One of: simulator (default simulator). */
  driver?: string | null | undefined;
  /** Sent as integrationType in payloads (default WHATSAPP for WhatsApp, CUSTOM otherwise). */
  integrationType?: string | null | undefined;
  label?: string | null | undefined;
  /** Required with an admin key; a workspace key uses its own. */
  workspaceId?: number | null | undefined;
};

export type DevicesActivateInput = {
  ids: Array<string>;
};

export type FieldType =
  /** Sent as written. */
  | 'TEXT'
  /** Replaced by the value of a variable such as {{channel}}. */
  | 'VARIABLE';

export type HttpMethod =
  | 'DELETE'
  | 'GET'
  | 'POST'
  | 'PUT';

export type MessageDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type MessageStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'QUEUED'
  | 'READ'
  | 'RECEIVED'
  | 'SENT'
  | 'UNDELIVERED';

export type TargetAuthInput = {
  /** API_KEY: the header that carries the key. */
  headerName?: string | null | undefined;
  /** BASIC */
  password?: string | null | undefined;
  /** BEARER */
  token?: string | null | undefined;
  type: TargetAuthType;
  /** BASIC */
  username?: string | null | undefined;
  /** API_KEY: the key. */
  value?: string | null | undefined;
};

export type TargetAuthType =
  | 'API_KEY'
  | 'BASIC'
  | 'BEARER'
  | 'NONE';

export type TargetFieldInput = {
  /** Body keys take dot notation (`multimedia.url`) and `[]` for arrays. */
  key: string;
  type?: FieldType | null | undefined;
  value: string;
};

export type WebhookCreateInput = {
  auth?: TargetAuthInput | null | undefined;
  /** Build the body from these fields instead of the event payload. */
  bodyFields?: Array<TargetFieldInput> | null | undefined;
  channels?: Array<Channel> | null | undefined;
  directions?: Array<MessageDirection> | null | undefined;
  event: WebhookEvent;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  label: string;
  /** POST unless given. */
  method?: HttpMethod | null | undefined;
  /** Answers that end a delivery at once, without retries. */
  permanentStatusCodes?: Array<number> | null | undefined;
  queryParams?: Array<TargetFieldInput> | null | undefined;
  /** POST a PING event to the URL now (default true). */
  sendTestPing?: boolean | null | undefined;
  statuses?: Array<MessageStatus> | null | undefined;
  url: string;
  workspaceId: number;
};

/** What a webhook subscribes to. ANY_EVENT receives every event; MESSAGE_UPDATED_SMPP receives status updates as an SMPP-style GET. */
export type WebhookEvent =
  | 'ANY_EVENT'
  | 'CLIENT_UPDATED'
  | 'ENDING_CONV'
  | 'INCOMING_MESSAGE'
  | 'MESSAGE_UPDATED'
  | 'MESSAGE_UPDATED_SMPP'
  | 'NEW_CLIENT'
  | 'NEW_CONV'
  | 'OUTGOING_MESSAGE';

export type WorkspaceCreateInput = {
  address?: string | null | undefined;
  /** Copy this workspace's webhook URL, headers and subscriptions. */
  cloneFromId?: number | null | undefined;
  email?: string | null | undefined;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  /** Let POST /webhook authenticate by location_id alone. */
  legacyAuth?: boolean | null | undefined;
  name: string;
  /** E.164, like +14155552671. */
  phone?: string | null | undefined;
  /** Where seed 000 STATUS-UPDATE and MESSAGE events go. */
  webhookUrl?: string | null | undefined;
};

export type WorkspaceDeleteInput = {
  id: number;
};

export type WorkspaceUpdateInput = {
  address?: string | null | undefined;
  email?: string | null | undefined;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  id: number;
  /** Let POST /webhook authenticate by location_id alone. */
  legacyAuth?: boolean | null | undefined;
  name?: string | null | undefined;
  /** E.164, like +14155552671. */
  phone?: string | null | undefined;
  /** Where seed 000 STATUS-UPDATE and MESSAGE events go. */
  webhookUrl?: string | null | undefined;
};

export type WorkspacesInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  /** Case-insensitive substring of the name. */
  name?: string | null | undefined;
};

export type FixtureWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type FixtureWorkspaceMutation = { createWorkspace: { id: number, locationId: string, webhookSigningSecret: string | null } };

export type FixtureKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type FixtureKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type FixtureDeviceMutationVariables = Exact<{
  input: DeviceCreateInput;
}>;


export type FixtureDeviceMutation = { createDevice: { token: string, device: { id: string, address: string } } };

export type FixtureActivateMutationVariables = Exact<{
  input: DevicesActivateInput;
}>;


export type FixtureActivateMutation = { activateDevices: Array<{ deviceId: string, ok: boolean, error: { code: string, message: string } | null }> };

export type FixtureWebhookMutationVariables = Exact<{
  input: WebhookCreateInput;
}>;


export type FixtureWebhookMutation = { createWebhook: { id: string, signingSecret: string } };

export type CreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type CreateWorkspaceMutation = { createWorkspace: { id: number, locationId: string, name: string, email: string | null, phone: string | null, address: string | null, webhookUrl: string | null, headers: unknown, webhookSigningSecret: string | null, createdAt: string } };

export type GetWorkspaceQueryVariables = Exact<{
  id: number;
}>;


export type GetWorkspaceQuery = { workspace: { id: number, name: string, webhookUrl: string | null, headers: unknown } };

export type ListWorkspacesQueryVariables = Exact<{
  input?: WorkspacesInput | null | undefined;
}>;


export type ListWorkspacesQuery = { workspaces: { totalCount: number, nodes: Array<{ id: number, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateWorkspaceMutationVariables = Exact<{
  input: WorkspaceUpdateInput;
}>;


export type UpdateWorkspaceMutation = { updateWorkspace: { id: number, name: string, email: string | null, webhookUrl: string | null } };

export type DeleteWorkspaceMutationVariables = Exact<{
  input: WorkspaceDeleteInput;
}>;


export type DeleteWorkspaceMutation = { deleteWorkspace: { id: string, deleted: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const FixtureWorkspaceDocument = new TypedDocumentString(`
    mutation FixtureWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    locationId
    webhookSigningSecret
  }
}
    `) as unknown as TypedDocumentString<FixtureWorkspaceMutation, FixtureWorkspaceMutationVariables>;
export const FixtureKeyDocument = new TypedDocumentString(`
    mutation FixtureKey($input: ApiKeyCreateInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureKeyMutation, FixtureKeyMutationVariables>;
export const FixtureDeviceDocument = new TypedDocumentString(`
    mutation FixtureDevice($input: DeviceCreateInput!) {
  createDevice(input: $input) {
    token
    device {
      id
      address
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureDeviceMutation, FixtureDeviceMutationVariables>;
export const FixtureActivateDocument = new TypedDocumentString(`
    mutation FixtureActivate($input: DevicesActivateInput!) {
  activateDevices(input: $input) {
    deviceId
    ok
    error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FixtureActivateMutation, FixtureActivateMutationVariables>;
export const FixtureWebhookDocument = new TypedDocumentString(`
    mutation FixtureWebhook($input: WebhookCreateInput!) {
  createWebhook(input: $input) {
    id
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<FixtureWebhookMutation, FixtureWebhookMutationVariables>;
export const CreateWorkspaceDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreateWorkspaceMutation, CreateWorkspaceMutationVariables>;
export const GetWorkspaceDocument = new TypedDocumentString(`
    query GetWorkspace($id: Int!) {
  workspace(id: $id) {
    id
    name
    webhookUrl
    headers
  }
}
    `) as unknown as TypedDocumentString<GetWorkspaceQuery, GetWorkspaceQueryVariables>;
export const ListWorkspacesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ListWorkspacesQuery, ListWorkspacesQueryVariables>;
export const UpdateWorkspaceDocument = new TypedDocumentString(`
    mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {
  updateWorkspace(input: $input) {
    id
    name
    email
    webhookUrl
  }
}
    `) as unknown as TypedDocumentString<UpdateWorkspaceMutation, UpdateWorkspaceMutationVariables>;
export const DeleteWorkspaceDocument = new TypedDocumentString(`
    mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {
  deleteWorkspace(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<DeleteWorkspaceMutation, DeleteWorkspaceMutationVariables>;