/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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