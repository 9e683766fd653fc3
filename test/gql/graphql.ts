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

export type ApiKeyRevokeInput = {
  id: string;
};

export type ApiKeysInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  includeRevoked?: boolean | null | undefined;
  /** Admin keys: omit to list admin keys. */
  workspaceId?: number | null | undefined;
};

export type AttemptTrigger =
  | 'MANUAL'
  | 'SCHEDULED';

export type Channel =
  | 'IMESSAGE'
  | 'RCS'
  | 'SMS'
  | 'WHATSAPP';

export type ClientCreateInput = {
  address?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  email?: string | null | undefined;
  externalClientId?: string | null | undefined;
  name?: string | null | undefined;
  /** E.164. */
  phone: string;
  stageId?: string | null | undefined;
  surname?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  workspaceId?: number | null | undefined;
};

export type ClientIdInput = {
  id: string;
};

export type ClientUpdateInput = {
  address?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  email?: string | null | undefined;
  externalClientId?: string | null | undefined;
  id: string;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  stageId?: string | null | undefined;
  surname?: string | null | undefined;
  tags?: Array<string> | null | undefined;
};

export type ClientsInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  /** Case-insensitive substring of name or surname. */
  name?: string | null | undefined;
  /** Phone numbers containing this. */
  phone?: string | null | undefined;
  /** Clients with this tag. */
  tag?: string | null | undefined;
  workspaceId?: number | null | undefined;
};

export type ConversationEndInput = {
  id: string;
};

export type ConversationStatus =
  | 'ENDED'
  | 'OPEN';

export type ConversationsInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  channel?: Channel | null | undefined;
  clientId?: string | null | undefined;
  deviceId?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  status?: ConversationStatus | null | undefined;
  workspaceId?: number | null | undefined;
};

export type DeliveriesInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  eventType?: EventType | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  liveChatIntegrationId?: string | null | undefined;
  since?: string | null | undefined;
  status?: DeliveryStatus | null | undefined;
  until?: string | null | undefined;
  webhookId?: string | null | undefined;
  workspaceId?: number | null | undefined;
};

export type DeliveryReplayInput = {
  id: string;
};

/** PENDING: waiting for its first or next attempt (or parked while its target is disabled). SUCCEEDED: a 2xx arrived. FAILED: stopped early on an answer that cannot succeed. DEAD: the retry schedule ran out. */
export type DeliveryStatus =
  | 'DEAD'
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type DeviceCreateInput = {
  address: string;
  channel: Channel;
  /** The driver's configuration: the drivers query lists its fields. */
  config?: unknown;
  /** One of: simulator, twilio, whatsapp-cloud, bluebubbles, android-sms-gateway, smpp (default simulator); the drivers query lists each one's config. */
  driver?: string | null | undefined;
  /** Sent as integrationType in payloads (default WHATSAPP for WhatsApp, CUSTOM otherwise). */
  integrationType?: string | null | undefined;
  label?: string | null | undefined;
  /** Required with an admin key; a workspace key uses its own. */
  workspaceId?: number | null | undefined;
};

export type DeviceIdInput = {
  id: string;
};

export type DeviceStatus =
  | 'ACTIVE'
  | 'ERROR'
  | 'INACTIVE';

export type DeviceUpdateInput = {
  /** Keys given replace the current ones (null removes one); a secret left out or given back masked keeps its value. */
  config?: unknown;
  id: string;
  integrationType?: string | null | undefined;
  label?: string | null | undefined;
};

export type DevicesActivateInput = {
  ids: Array<string>;
};

export type DevicesInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  channel?: Channel | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  status?: DeviceStatus | null | undefined;
  workspaceId?: number | null | undefined;
};

export type EventType =
  | 'CLIENT_UPDATED'
  | 'ENDING_CONV'
  | 'INCOMING_MESSAGE'
  | 'MESSAGE_UPDATED'
  | 'NEW_CLIENT'
  | 'NEW_CONV'
  | 'OUTGOING_MESSAGE'
  | 'PING';

export type EventsInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  since?: string | null | undefined;
  type?: EventType | null | undefined;
  until?: string | null | undefined;
  workspaceId?: number | null | undefined;
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

export type InboundSimulateInput = {
  attachments?: Array<string> | null | undefined;
  deviceId: string;
  message?: string | null | undefined;
  /** The contact writing, in E.164. */
  phone: string;
  type?: MessageType | null | undefined;
};

/** A device link's state: BOUND (connected and bound), CONNECTING, BACKING_OFF (waiting before trying again after a drop or failure) or STOPPED. */
export type LinkState =
  | 'BACKING_OFF'
  | 'BOUND'
  | 'CONNECTING'
  | 'STOPPED';

export type LiveChatIntegrationCreateInput = {
  alias: string;
  auth?: TargetAuthInput | null | undefined;
  /** Build the body from these fields instead of the event payload. */
  bodyFields?: Array<TargetFieldInput> | null | undefined;
  /** Devices (SMS or WhatsApp) of the workspace. */
  connectionIds?: Array<string> | null | undefined;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  /** POST unless given. */
  method?: HttpMethod | null | undefined;
  /** Answers that end a delivery at once, without retries. */
  permanentStatusCodes?: Array<number> | null | undefined;
  queryParams?: Array<TargetFieldInput> | null | undefined;
  url: string;
  workspaceId?: number | null | undefined;
};

export type LiveChatIntegrationIdInput = {
  id: string;
};

export type LiveChatIntegrationUpdateInput = {
  alias?: string | null | undefined;
  auth?: TargetAuthInput | null | undefined;
  /** Build the body from these fields instead of the event payload. */
  bodyFields?: Array<TargetFieldInput> | null | undefined;
  connectionIds?: Array<string> | null | undefined;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  id: string;
  /** POST unless given. */
  method?: HttpMethod | null | undefined;
  /** Answers that end a delivery at once, without retries. */
  permanentStatusCodes?: Array<number> | null | undefined;
  queryParams?: Array<TargetFieldInput> | null | undefined;
  url?: string | null | undefined;
};

export type LiveChatIntegrationsInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  status?: LiveChatStatus | null | undefined;
  workspaceId?: number | null | undefined;
};

export type LiveChatStatus =
  | 'ACTIVE'
  | 'INACTIVE';

export type MessageDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type MessageSendInput = {
  /** Public http(s) media URLs. */
  attachments?: Array<string> | null | undefined;
  channel: Channel;
  message?: string | null | undefined;
  /** Your id: the idempotency key. The same id again returns the same message and sends nothing twice. */
  messageId?: string | null | undefined;
  /** The contact, in E.164. */
  phone: string;
  /** TEMPLATE may go outside the WhatsApp 24-hour window. */
  type?: MessageType | null | undefined;
  userId?: string | null | undefined;
  workspaceId?: number | null | undefined;
};

export type MessageStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'QUEUED'
  | 'READ'
  | 'RECEIVED'
  | 'SENT'
  | 'UNDELIVERED';

export type MessageType =
  | 'AUDIO'
  | 'CONTACTS'
  | 'DOCUMENT'
  | 'IMAGE'
  | 'INTERACTIVE'
  | 'LOCATION'
  | 'NOTE'
  | 'TEMPLATE'
  | 'TEXT'
  | 'VIDEO';

export type MessagesInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  channel?: Channel | null | undefined;
  clientId?: string | null | undefined;
  conversationId?: string | null | undefined;
  direction?: MessageDirection | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  status?: MessageStatus | null | undefined;
  workspaceId?: number | null | undefined;
};

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

export type TargetKind =
  | 'LIVE_CHAT'
  | 'TWILIO'
  | 'WEBHOOK'
  | 'WORKSPACE';

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
  /** Required with an admin key; a workspace key uses its own. */
  workspaceId?: number | null | undefined;
};

export type WebhookDisableInput = {
  id: string;
  reason?: string | null | undefined;
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

export type WebhookIdInput = {
  id: string;
};

export type WebhookReplayInput = {
  id: string;
  since: string;
};

export type WebhookRotateSecretInput = {
  /** How long the old secret keeps signing (default 24 h, at most 7 days). */
  gracePeriodSeconds?: number | null | undefined;
  id: string;
};

export type WebhookUpdateInput = {
  auth?: TargetAuthInput | null | undefined;
  /** Build the body from these fields instead of the event payload. */
  bodyFields?: Array<TargetFieldInput> | null | undefined;
  channels?: Array<Channel> | null | undefined;
  directions?: Array<MessageDirection> | null | undefined;
  event?: WebhookEvent | null | undefined;
  /** Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked. */
  headers?: unknown;
  id: string;
  label?: string | null | undefined;
  /** POST unless given. */
  method?: HttpMethod | null | undefined;
  /** Answers that end a delivery at once, without retries. */
  permanentStatusCodes?: Array<number> | null | undefined;
  queryParams?: Array<TargetFieldInput> | null | undefined;
  statuses?: Array<MessageStatus> | null | undefined;
  url?: string | null | undefined;
};

export type WebhooksInput = {
  /** The endCursor of the previous page. */
  after?: string | null | undefined;
  event?: WebhookEvent | null | undefined;
  /** How many to return (default 50, at most 200). */
  first?: number | null | undefined;
  /** Case-insensitive substring of the label. */
  label?: string | null | undefined;
  /** A workspace key lists its own; an admin key every workspace unless given. */
  workspaceId?: number | null | undefined;
};

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
  /** Where incoming messages go in Twilio's form (an app's Twilio inbound handler), signed with the secret of the workspace API key making this call; null stops them. */
  twilioSmsUrl?: string | null | undefined;
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

export type AuthCreateKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type AuthCreateKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, prefix: string, label: string, admin: boolean, workspaceId: number | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type AuthKeysQueryVariables = Exact<{
  input?: ApiKeysInput | null | undefined;
}>;


export type AuthKeysQuery = { apiKeys: { totalCount: number, nodes: Array<{ id: string, prefix: string, label: string, admin: boolean, workspaceId: number | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type AuthRevokeKeyMutationVariables = Exact<{
  input: ApiKeyRevokeInput;
}>;


export type AuthRevokeKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AuthCreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type AuthCreateWorkspaceMutation = { createWorkspace: { id: number, name: string } };

export type AuthWorkspaceQueryVariables = Exact<{
  id: number;
}>;


export type AuthWorkspaceQuery = { workspace: { id: number, name: string } };

export type AuthWorkspacesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthWorkspacesQuery = { workspaces: { totalCount: number, nodes: Array<{ id: number, name: string }> } };

export type AuthUpdateWorkspaceMutationVariables = Exact<{
  input: WorkspaceUpdateInput;
}>;


export type AuthUpdateWorkspaceMutation = { updateWorkspace: { id: number, name: string } };

export type AuthDeleteWorkspaceMutationVariables = Exact<{
  input: WorkspaceDeleteInput;
}>;


export type AuthDeleteWorkspaceMutation = { deleteWorkspace: { id: string, deleted: boolean } };

export type AuthWebhookQueryVariables = Exact<{
  id: string;
}>;


export type AuthWebhookQuery = { webhook: { id: string, label: string } };

export type DriversQueryVariables = Exact<{ [key: string]: never; }>;


export type DriversQuery = { drivers: Array<{ name: string, channels: Array<Channel>, configFields: Array<{ name: string, type: string, required: boolean, secret: boolean, default: unknown, description: string }> }> };

export type SmppDeviceUpdateMutationVariables = Exact<{
  input: DeviceUpdateInput;
}>;


export type SmppDeviceUpdateMutation = { updateDevice: { id: string } };

export type WaSendMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type WaSendMutation = { sendMessage: { id: string } };

export type ClientCreateMutationVariables = Exact<{
  input: ClientCreateInput;
}>;


export type ClientCreateMutation = { createClient: { id: string, workspaceId: number, phone: string, name: string | null, surname: string | null, email: string | null, address: string | null, city: string | null, country: string | null, externalClientId: string | null, tags: Array<string>, stageId: string | null, createdAt: string, patchedAt: string } };

export type ClientUpdateMutationVariables = Exact<{
  input: ClientUpdateInput;
}>;


export type ClientUpdateMutation = { updateClient: { id: string, phone: string, name: string | null, surname: string | null, email: string | null, city: string | null, country: string | null, tags: Array<string>, patchedAt: string } };

export type ClientDeleteMutationVariables = Exact<{
  input: ClientIdInput;
}>;


export type ClientDeleteMutation = { deleteClient: { id: string, deleted: boolean } };

export type ClientGetQueryVariables = Exact<{
  id: string;
}>;


export type ClientGetQuery = { client: { id: string, phone: string, name: string | null, tags: Array<string> } };

export type ClientListQueryVariables = Exact<{
  input?: ClientsInput | null | undefined;
}>;


export type ClientListQuery = { clients: { totalCount: number, nodes: Array<{ id: string, phone: string, name: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClientInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type ClientInboundMutation = { simulateInbound: { id: string, clientId: string } };

export type ConvInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type ConvInboundMutation = { simulateInbound: { id: string, clientId: string, conversationId: string } };

export type ConvSendMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type ConvSendMutation = { sendMessage: { id: string, clientId: string, conversationId: string } };

export type ConvListQueryVariables = Exact<{
  input?: ConversationsInput | null | undefined;
}>;


export type ConvListQuery = { conversations: { totalCount: number, nodes: Array<{ id: string, status: ConversationStatus, channel: Channel, clientId: string, deviceId: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConvGetQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConvGetQuery = { conversation: { id: string, status: ConversationStatus, channel: Channel, clientId: string, deviceId: string, lastInboundAt: string | null, lastMessageAt: string, createdAt: string, endedAt: string | null, endReason: string | null, client: { phone: string }, device: { id: string }, messages: { totalCount: number, nodes: Array<{ id: string, content: string | null, direction: MessageDirection }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ConvEndMutationVariables = Exact<{
  input: ConversationEndInput;
}>;


export type ConvEndMutation = { endConversation: { id: string, status: ConversationStatus, endedAt: string | null, endReason: string | null } };

export type IdleInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type IdleInboundMutation = { simulateInbound: { id: string, conversationId: string } };

export type IdleConversationQueryVariables = Exact<{
  id: string;
}>;


export type IdleConversationQuery = { conversation: { id: string, status: ConversationStatus, endedAt: string | null, endReason: string | null } };

export type AdEnableMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type AdEnableMutation = { enableWebhook: { id: string, enabled: boolean, disabledReason: string | null, failingSince: string | null } };

export type CrashCreateClientMutationVariables = Exact<{
  input: ClientCreateInput;
}>;


export type CrashCreateClientMutation = { createClient: { id: string } };

export type DlMessageQueryVariables = Exact<{
  id: string;
}>;


export type DlMessageQuery = { message: { id: string, externalId: string | null, providerMessageId: string | null, conversationId: string, clientId: string, deviceId: string, content: string | null, createdAt: string, status: MessageStatus } };

export type DlConversationQueryVariables = Exact<{
  id: string;
}>;


export type DlConversationQuery = { conversation: { id: string, createdAt: string, endedAt: string | null } };

export type DlClientQueryVariables = Exact<{
  id: string;
}>;


export type DlClientQuery = { client: { id: string, phone: string, name: string | null, surname: string | null, email: string | null, address: string | null, city: string | null, country: string | null, externalClientId: string | null, tags: Array<string>, stageId: string | null, createdAt: string, patchedAt: string } };

export type DlEventIdsQueryVariables = Exact<{
  input?: EventsInput | null | undefined;
}>;


export type DlEventIdsQuery = { events: { nodes: Array<{ id: string, type: EventType }> } };

export type DlLiveChatCreateMutationVariables = Exact<{
  input: LiveChatIntegrationCreateInput;
}>;


export type DlLiveChatCreateMutation = { createLiveChatIntegration: { id: string, signingSecret: string } };

export type DlLiveChatStartMutationVariables = Exact<{
  input: LiveChatIntegrationIdInput;
}>;


export type DlLiveChatStartMutation = { startLiveChatIntegration: { integration: { id: string, status: LiveChatStatus }, connections: Array<{ ok: boolean, error: string | null }> } };

export type DlRotateMutationVariables = Exact<{
  input: WebhookRotateSecretInput;
}>;


export type DlRotateMutation = { rotateWebhookSecret: { signingSecret: string } };

export type DlTestMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type DlTestMutation = { testWebhook: { id: string, eventId: string } };

export type ObEventsQueryVariables = Exact<{
  input?: EventsInput | null | undefined;
}>;


export type ObEventsQuery = { events: { totalCount: number, nodes: Array<{ id: string, type: EventType }> } };

export type ObCreateClientMutationVariables = Exact<{
  input: ClientCreateInput;
}>;


export type ObCreateClientMutation = { createClient: { id: string } };

export type RtReplayWebhookMutationVariables = Exact<{
  input: WebhookReplayInput;
}>;


export type RtReplayWebhookMutation = { replayWebhook: { count: number } };

export type SsrfCreateMutationVariables = Exact<{
  input: WebhookCreateInput;
}>;


export type SsrfCreateMutation = { createWebhook: { id: string, url: string } };

export type SsrfUpdateMutationVariables = Exact<{
  input: WebhookUpdateInput;
}>;


export type SsrfUpdateMutation = { updateWebhook: { id: string, url: string } };

export type SsrfWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type SsrfWorkspaceMutation = { createWorkspace: { id: number } };

export type SsrfLiveChatMutationVariables = Exact<{
  input: LiveChatIntegrationCreateInput;
}>;


export type SsrfLiveChatMutation = { createLiveChatIntegration: { id: string } };

export type SubCreateMutationVariables = Exact<{
  input: WebhookCreateInput;
}>;


export type SubCreateMutation = { createWebhook: { id: string, signingSecret: string, testDelivery: { id: string, status: DeliveryStatus } | null } };

export type SubTestDeliveryQueryVariables = Exact<{
  id: string;
}>;


export type SubTestDeliveryQuery = { webhook: { testDelivery: { id: string, status: DeliveryStatus, lastStatusCode: number | null, event: { type: EventType }, attempts: Array<{ number: number, statusCode: number | null, durationMs: number, responseBody: string | null }> } | null } };

export type SubEventsQueryVariables = Exact<{
  input?: EventsInput | null | undefined;
}>;


export type SubEventsQuery = { events: { nodes: Array<{ id: string, type: EventType }> } };

export type EndpointConversationsQueryVariables = Exact<{
  input?: ConversationsInput | null | undefined;
}>;


export type EndpointConversationsQuery = { conversations: { totalCount: number, nodes: Array<{ id: string, status: ConversationStatus, clientId: string, deviceId: string, lastInboundAt: string | null, client: { phone: string } }> } };

export type DeviceCreateMutationVariables = Exact<{
  input: DeviceCreateInput;
}>;


export type DeviceCreateMutation = { createDevice: { token: string, device: { id: string, workspaceId: number, label: string | null, channel: Channel, address: string, driver: string, config: unknown, integrationType: string, status: DeviceStatus, lastError: string | null, activatedAt: string | null, tokenPrefix: string, inboundUrl: string, statusUrl: string } } };

export type DeviceUpdateMutationVariables = Exact<{
  input: DeviceUpdateInput;
}>;


export type DeviceUpdateMutation = { updateDevice: { id: string, label: string | null, config: unknown, integrationType: string } };

export type DeviceDeleteMutationVariables = Exact<{
  input: DeviceIdInput;
}>;


export type DeviceDeleteMutation = { deleteDevice: { id: string, deleted: boolean } };

export type DeviceGetQueryVariables = Exact<{
  id: string;
}>;


export type DeviceGetQuery = { device: { id: string, status: DeviceStatus, lastError: string | null, activatedAt: string | null, label: string | null, config: unknown, tokenPrefix: string } };

export type DeviceListQueryVariables = Exact<{
  input?: DevicesInput | null | undefined;
}>;


export type DeviceListQuery = { devices: { totalCount: number, nodes: Array<{ id: string, channel: Channel, status: DeviceStatus }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DeviceActivateMutationVariables = Exact<{
  input: DevicesActivateInput;
}>;


export type DeviceActivateMutation = { activateDevices: Array<{ deviceId: string, ok: boolean, error: { code: string, message: string } | null, device: { id: string, status: DeviceStatus, lastError: string | null } | null }> };

export type DeviceDeactivateMutationVariables = Exact<{
  input: DevicesActivateInput;
}>;


export type DeviceDeactivateMutation = { deactivateDevices: Array<{ deviceId: string, ok: boolean, error: { code: string } | null, device: { status: DeviceStatus } | null }> };

export type ErrorsCreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type ErrorsCreateWorkspaceMutation = { createWorkspace: { id: number, name: string } };

export type ErrorsWorkspacesQueryVariables = Exact<{
  input?: WorkspacesInput | null | undefined;
}>;


export type ErrorsWorkspacesQuery = { workspaces: { totalCount: number, nodes: Array<{ id: number, name: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ErrorsCreateKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type ErrorsCreateKeyMutation = { createApiKey: { apiKey: { id: string } } };

export type TwilioIdsQueryVariables = Exact<{
  id: number;
}>;


export type TwilioIdsQuery = { workspace: { accountSid: string }, apiKeys: { nodes: Array<{ sid: string }> } };

export type SetTwilioSmsUrlMutationVariables = Exact<{
  input: WorkspaceUpdateInput;
}>;


export type SetTwilioSmsUrlMutation = { updateWorkspace: { id: number, twilioSmsUrl: string | null } };

export type ReplayTwilioDeliveryMutationVariables = Exact<{
  input: DeliveryReplayInput;
}>;


export type ReplayTwilioDeliveryMutation = { replayDelivery: { id: string } };

export type LcReplayMutationVariables = Exact<{
  input: DeliveryReplayInput;
}>;


export type LcReplayMutation = { replayDelivery: { id: string, status: DeliveryStatus } };

export type LcDeliveryAttemptsQueryVariables = Exact<{
  id: string;
}>;


export type LcDeliveryAttemptsQuery = { delivery: { id: string, status: DeliveryStatus, attemptCount: number, attempts: Array<{ number: number, statusCode: number | null, error: string | null }> } };

export type LcSendMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type LcSendMutation = { sendMessage: { id: string, deviceId: string, conversationId: string } };

export type LogsCreateKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type LogsCreateKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, prefix: string } } };

export type LogsRevokeKeyMutationVariables = Exact<{
  input: ApiKeyRevokeInput;
}>;


export type LogsRevokeKeyMutation = { revokeApiKey: { id: string } };

export type LogsWorkspaceQueryVariables = Exact<{
  id: number;
}>;


export type LogsWorkspaceQuery = { workspace: { id: number, headers: unknown, webhookSigningSecret: string | null } };

export type LogsUpdateWorkspaceMutationVariables = Exact<{
  input: WorkspaceUpdateInput;
}>;


export type LogsUpdateWorkspaceMutation = { updateWorkspace: { id: number } };

export type LogsWorkspacesQueryVariables = Exact<{
  input?: WorkspacesInput | null | undefined;
}>;


export type LogsWorkspacesQuery = { workspaces: { totalCount: number } };

export type FlowSimulateInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type FlowSimulateInboundMutation = { simulateInbound: { id: string, direction: MessageDirection, status: MessageStatus, content: string | null, clientId: string, conversationId: string } };

export type FlowClientQueryVariables = Exact<{
  id: string;
}>;


export type FlowClientQuery = { client: { id: string, phone: string } };

export type FlowConversationQueryVariables = Exact<{
  id: string;
}>;


export type FlowConversationQuery = { conversation: { id: string, status: ConversationStatus, clientId: string, deviceId: string, channel: Channel, lastInboundAt: string | null } };

export type SharedLimitMessagesQueryVariables = Exact<{ [key: string]: never; }>;


export type SharedLimitMessagesQuery = { messages: { totalCount: number } };

export type GqlSendMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type GqlSendMutation = { sendMessage: { id: string, workspaceId: number, status: MessageStatus, direction: MessageDirection, channel: Channel, type: MessageType, content: string | null, attachments: Array<string>, externalId: string | null, userId: string | null, isAgent: boolean, segments: number | null, encoding: string | null, clientId: string, conversationId: string, deviceId: string, client: { phone: string } } };

export type GqlMessageQueryVariables = Exact<{
  id: string;
}>;


export type GqlMessageQuery = { message: { id: string, status: MessageStatus, content: string | null, providerMessageId: string | null, sentAt: string | null, deliveredAt: string | null, conversation: { id: string, status: ConversationStatus }, device: { id: string, channel: Channel } } };

export type GqlMessagesQueryVariables = Exact<{
  input?: MessagesInput | null | undefined;
}>;


export type GqlMessagesQuery = { messages: { totalCount: number, nodes: Array<{ id: string, content: string | null, direction: MessageDirection, channel: Channel, status: MessageStatus }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GqlInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type GqlInboundMutation = { simulateInbound: { id: string, clientId: string, conversationId: string } };

export type WindowSendMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type WindowSendMutation = { sendMessage: { id: string, type: MessageType, status: MessageStatus } };

export type WindowInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type WindowInboundMutation = { simulateInbound: { id: string, conversationId: string } };

export type DoorMessagesQueryVariables = Exact<{
  input?: MessagesInput | null | undefined;
}>;


export type DoorMessagesQuery = { messages: { totalCount: number } };

export type LifecycleCreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type LifecycleCreateWorkspaceMutation = { createWorkspace: { id: number, name: string } };

export type ProcCreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type ProcCreateWorkspaceMutation = { createWorkspace: { id: number, name: string } };

export type ProcWorkspaceQueryVariables = Exact<{
  id: number;
}>;


export type ProcWorkspaceQuery = { workspace: { id: number, name: string } };

export type RootHomeCreateWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type RootHomeCreateWorkspaceMutation = { createWorkspace: { name: string } };

export type DhDeliveriesQueryVariables = Exact<{
  input?: DeliveriesInput | null | undefined;
}>;


export type DhDeliveriesQuery = { deliveries: { totalCount: number, nodes: Array<{ id: string, eventId: string, webhookId: string | null, liveChatIntegrationId: string | null, targetKind: TargetKind, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, succeededAt: string | null, event: { id: string, type: EventType }, attempts: Array<{ number: number, trigger: AttemptTrigger, url: string, startedAt: string, durationMs: number, statusCode: number | null, errorKind: string | null, error: string | null, responseBody: string | null }> }> } };

export type DhWebhookStateQueryVariables = Exact<{
  id: string;
}>;


export type DhWebhookStateQuery = { webhook: { id: string, enabled: boolean, disabledReason: string | null, disabledAt: string | null, failingSince: string | null } };

export type DhCreateClientMutationVariables = Exact<{
  input: ClientCreateInput;
}>;


export type DhCreateClientMutation = { createClient: { id: string, phone: string, createdAt: string, patchedAt: string } };

export type DhUpdateClientMutationVariables = Exact<{
  input: ClientUpdateInput;
}>;


export type DhUpdateClientMutation = { updateClient: { id: string, patchedAt: string } };

export type DhSendMessageMutationVariables = Exact<{
  input: MessageSendInput;
}>;


export type DhSendMessageMutation = { sendMessage: { id: string, externalId: string | null, conversationId: string, clientId: string, deviceId: string, status: MessageStatus } };

export type DhSimulateInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type DhSimulateInboundMutation = { simulateInbound: { id: string, conversationId: string, clientId: string, deviceId: string, createdAt: string } };

export type DhEndConversationMutationVariables = Exact<{
  input: ConversationEndInput;
}>;


export type DhEndConversationMutation = { endConversation: { id: string, status: ConversationStatus, endedAt: string | null } };

export type DriverDeviceCreateMutationVariables = Exact<{
  input: DeviceCreateInput;
}>;


export type DriverDeviceCreateMutation = { createDevice: { device: { id: string, callbackUrl: string } } };

export type DriverDeviceActivateMutationVariables = Exact<{
  input: DevicesActivateInput;
}>;


export type DriverDeviceActivateMutation = { activateDevices: Array<{ ok: boolean, error: { code: string, message: string } | null, device: { status: DeviceStatus, lastError: string | null } | null }> };

export type DriverMessageQueryVariables = Exact<{
  id: string;
}>;


export type DriverMessageQuery = { message: { id: string, status: MessageStatus, providerMessageId: string | null, rawStatus: string | null, errorCode: string | null, error: string | null, nextAttemptAt: string | null, queuedReason: string | null, attachments: Array<string>, content: string | null, type: MessageType } };

export type DriverDeviceStateQueryVariables = Exact<{
  id: string;
}>;


export type DriverDeviceStateQuery = { device: { status: DeviceStatus, lastError: string | null, lastErrorAt: string | null, callbackUrl: string, config: unknown } };

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

export type LcIntegrationFieldsFragment = { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> };

export type LcCreateMutationVariables = Exact<{
  input: LiveChatIntegrationCreateInput;
}>;


export type LcCreateMutation = { createLiveChatIntegration: { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> } };

export type LcUpdateMutationVariables = Exact<{
  input: LiveChatIntegrationUpdateInput;
}>;


export type LcUpdateMutation = { updateLiveChatIntegration: { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> } };

export type LcDeleteMutationVariables = Exact<{
  input: LiveChatIntegrationIdInput;
}>;


export type LcDeleteMutation = { deleteLiveChatIntegration: { id: string, deleted: boolean } };

export type LcGetQueryVariables = Exact<{
  id: string;
}>;


export type LcGetQuery = { liveChatIntegration: { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> } };

export type LcListQueryVariables = Exact<{
  input?: LiveChatIntegrationsInput | null | undefined;
}>;


export type LcListQuery = { liveChatIntegrations: { totalCount: number, nodes: Array<{ id: string, alias: string, status: LiveChatStatus, workspaceId: number }> } };

export type LcStartMutationVariables = Exact<{
  input: LiveChatIntegrationIdInput;
}>;


export type LcStartMutation = { startLiveChatIntegration: { integration: { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> }, connections: Array<{ connectionId: string, deviceId: string, ok: boolean, error: string | null, errorCode: string | null }> } };

export type LcStopMutationVariables = Exact<{
  input: LiveChatIntegrationIdInput;
}>;


export type LcStopMutation = { stopLiveChatIntegration: { id: string, workspaceId: number, alias: string, status: LiveChatStatus, lastError: string | null, url: string, method: HttpMethod, headers: unknown, permanentStatusCodes: Array<number>, signingSecret: string, responseEndpoint: string, createdAt: string, updatedAt: string, queryParams: Array<{ key: string, type: FieldType, value: string }>, headerFields: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, connections: Array<{ id: string, deviceId: string, channel: Channel, sender: string, status: LiveChatStatus, error: string | null, device: { id: string, status: DeviceStatus, lastError: string | null } }> } };

export type LcCurlQueryVariables = Exact<{
  id: string;
  contact: string;
  connectionId?: string | null | undefined;
  message?: string | null | undefined;
}>;


export type LcCurlQuery = { liveChatIntegration: { id: string, responseEndpoint: string, curlExample: string } };

export type LcCreateDeviceMutationVariables = Exact<{
  input: DeviceCreateInput;
}>;


export type LcCreateDeviceMutation = { createDevice: { device: { id: string, address: string, channel: Channel, status: DeviceStatus } } };

export type LcDeviceQueryVariables = Exact<{
  id: string;
}>;


export type LcDeviceQuery = { device: { id: string, address: string, channel: Channel, status: DeviceStatus, lastError: string | null } };

export type LcUpdateDeviceMutationVariables = Exact<{
  input: DeviceUpdateInput;
}>;


export type LcUpdateDeviceMutation = { updateDevice: { id: string } };

export type LcActivateDevicesMutationVariables = Exact<{
  input: DevicesActivateInput;
}>;


export type LcActivateDevicesMutation = { activateDevices: Array<{ deviceId: string, ok: boolean, error: { code: string, message: string } | null }> };

export type LcInboundMutationVariables = Exact<{
  input: InboundSimulateInput;
}>;


export type LcInboundMutation = { simulateInbound: { id: string, conversationId: string, clientId: string, deviceId: string, createdAt: string } };

export type LcEndConversationMutationVariables = Exact<{
  input: ConversationEndInput;
}>;


export type LcEndConversationMutation = { endConversation: { id: string, status: ConversationStatus, endedAt: string | null } };

export type LcMessageQueryVariables = Exact<{
  id: string;
}>;


export type LcMessageQuery = { message: { id: string, workspaceId: number, conversationId: string, deviceId: string, direction: MessageDirection, channel: Channel, content: string | null, externalId: string | null, providerMessageId: string | null, isAgent: boolean, status: MessageStatus, rawStatus: string | null, sentAt: string | null, deliveredAt: string | null, readAt: string | null, client: { phone: string } } };

export type LcMessagesQueryVariables = Exact<{
  input?: MessagesInput | null | undefined;
}>;


export type LcMessagesQuery = { messages: { totalCount: number, nodes: Array<{ id: string, direction: MessageDirection, content: string | null, status: MessageStatus }> } };

export type LcDeliveriesQueryVariables = Exact<{
  input?: DeliveriesInput | null | undefined;
}>;


export type LcDeliveriesQuery = { deliveries: { totalCount: number, nodes: Array<{ id: string, status: DeliveryStatus, eventId: string, liveChatIntegrationId: string | null, targetKind: TargetKind, event: { type: EventType } }> } };

export type MessagingWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type MessagingWorkspaceMutation = { createWorkspace: { id: number, locationId: string, webhookSigningSecret: string | null } };

export type MessagingKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type MessagingKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type MessagingMessageQueryVariables = Exact<{
  id: string;
}>;


export type MessagingMessageQuery = { message: { id: string, workspaceId: number, conversationId: string, clientId: string, deviceId: string, direction: MessageDirection, channel: Channel, type: MessageType, content: string | null, attachments: Array<string>, externalId: string | null, providerMessageId: string | null, userId: string | null, isAgent: boolean, status: MessageStatus, rawStatus: string | null, errorCode: string | null, error: string | null, segments: number | null, encoding: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, readAt: string | null, failedAt: string | null } };

export type SmppDeviceQueryVariables = Exact<{
  id: string;
}>;


export type SmppDeviceQuery = { device: { status: DeviceStatus, lastError: string | null, lastErrorAt: string | null, link: { state: LinkState, since: string, lastError: string | null, inFlight: number, holder: string | null } | null } };

export type TwilioWorkspaceMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type TwilioWorkspaceMutation = { createWorkspace: { id: number, locationId: string, accountSid: string, webhookSigningSecret: string | null } };

export type TwilioKeyMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type TwilioKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, sid: string } } };

export type WebhooksQueryVariables = Exact<{
  input: WebhooksInput;
}>;


export type WebhooksQuery = { webhooks: { nodes: Array<{ workspaceId: number, id: string, label: string, url: string, event: WebhookEvent, createdAt: string }> } };

export type CreateWebhookMutationVariables = Exact<{
  input: WebhookCreateInput;
}>;


export type CreateWebhookMutation = { createWebhook: { workspaceId: number, id: string, label: string, url: string, event: WebhookEvent, headers: unknown, createdAt: string } };

export type WhWebhookQueryVariables = Exact<{
  id: string;
}>;


export type WhWebhookQuery = { webhook: { id: string, workspaceId: number, label: string, url: string, event: WebhookEvent, method: HttpMethod, channels: Array<Channel>, directions: Array<MessageDirection>, statuses: Array<MessageStatus>, headers: unknown, permanentStatusCodes: Array<number>, enabled: boolean, disabledReason: string | null, disabledAt: string | null, failingSince: string | null, signingSecret: string, createdAt: string, updatedAt: string, headerFields: Array<{ key: string, type: FieldType, value: string }>, queryParams: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null, testDelivery: { id: string, status: DeliveryStatus } | null } };

export type WhWebhookListQueryVariables = Exact<{
  input: WebhooksInput;
}>;


export type WhWebhookListQuery = { webhooks: { totalCount: number, nodes: Array<{ id: string, headers: unknown, signingSecret: string, headerFields: Array<{ key: string, value: string }>, auth: { secret: string | null } }> } };

export type WhCreateFullMutationVariables = Exact<{
  input: WebhookCreateInput;
}>;


export type WhCreateFullMutation = { createWebhook: { id: string, url: string, method: HttpMethod, event: WebhookEvent, headers: unknown, channels: Array<Channel>, directions: Array<MessageDirection>, statuses: Array<MessageStatus>, permanentStatusCodes: Array<number>, signingSecret: string, enabled: boolean, headerFields: Array<{ key: string, type: FieldType, value: string }>, queryParams: Array<{ key: string, type: FieldType, value: string }>, auth: { type: TargetAuthType, headerName: string | null, username: string | null, secret: string | null }, bodyFields: Array<{ key: string, type: FieldType, value: string }> | null } };

export type WhUpdateMutationVariables = Exact<{
  input: WebhookUpdateInput;
}>;


export type WhUpdateMutation = { updateWebhook: { id: string, label: string, url: string, event: WebhookEvent, method: HttpMethod, headers: unknown, channels: Array<Channel>, directions: Array<MessageDirection>, statuses: Array<MessageStatus>, permanentStatusCodes: Array<number>, auth: { type: TargetAuthType, secret: string | null } } };

export type WhDeleteMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type WhDeleteMutation = { deleteWebhook: { id: string, deleted: boolean } };

export type WhDisableMutationVariables = Exact<{
  input: WebhookDisableInput;
}>;


export type WhDisableMutation = { disableWebhook: { id: string, enabled: boolean, disabledReason: string | null, disabledAt: string | null } };

export type WhEnableMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type WhEnableMutation = { enableWebhook: { id: string, enabled: boolean, disabledReason: string | null, disabledAt: string | null } };

export type WhRotateMutationVariables = Exact<{
  input: WebhookRotateSecretInput;
}>;


export type WhRotateMutation = { rotateWebhookSecret: { id: string, signingSecret: string } };

export type WhTestMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type WhTestMutation = { testWebhook: { id: string, status: DeliveryStatus, webhookId: string | null, event: { id: string, type: EventType } } };

export type WhDeliveryQueryVariables = Exact<{
  id: string;
}>;


export type WhDeliveryQuery = { delivery: { id: string, workspaceId: number, eventId: string, webhookId: string | null, targetKind: TargetKind, status: DeliveryStatus, attemptCount: number, lastStatusCode: number | null, succeededAt: string | null, event: { id: string, type: EventType, payload: unknown, createdAt: string }, attempts: Array<{ number: number, trigger: AttemptTrigger, statusCode: number | null, errorKind: string | null, durationMs: number, startedAt: string, responseBody: string | null }> } };

export type WhEventsQueryVariables = Exact<{
  input?: EventsInput | null | undefined;
}>;


export type WhEventsQuery = { events: { totalCount: number, nodes: Array<{ id: string, workspaceId: number, type: EventType, payload: unknown, createdAt: string }> } };

export type WhReplayDeliveryMutationVariables = Exact<{
  input: DeliveryReplayInput;
}>;


export type WhReplayDeliveryMutation = { replayDelivery: { id: string, status: DeliveryStatus } };

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
export const LcIntegrationFieldsFragmentDoc = new TypedDocumentString(`
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}
    `, {"fragmentName":"LcIntegrationFields"}) as unknown as TypedDocumentString<LcIntegrationFieldsFragment, unknown>;
export const AuthCreateKeyDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AuthCreateKeyMutation, AuthCreateKeyMutationVariables>;
export const AuthKeysDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AuthKeysQuery, AuthKeysQueryVariables>;
export const AuthRevokeKeyDocument = new TypedDocumentString(`
    mutation AuthRevokeKey($input: ApiKeyRevokeInput!) {
  revokeApiKey(input: $input) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<AuthRevokeKeyMutation, AuthRevokeKeyMutationVariables>;
export const AuthCreateWorkspaceDocument = new TypedDocumentString(`
    mutation AuthCreateWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AuthCreateWorkspaceMutation, AuthCreateWorkspaceMutationVariables>;
export const AuthWorkspaceDocument = new TypedDocumentString(`
    query AuthWorkspace($id: Int!) {
  workspace(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AuthWorkspaceQuery, AuthWorkspaceQueryVariables>;
export const AuthWorkspacesDocument = new TypedDocumentString(`
    query AuthWorkspaces {
  workspaces {
    nodes {
      id
      name
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AuthWorkspacesQuery, AuthWorkspacesQueryVariables>;
export const AuthUpdateWorkspaceDocument = new TypedDocumentString(`
    mutation AuthUpdateWorkspace($input: WorkspaceUpdateInput!) {
  updateWorkspace(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AuthUpdateWorkspaceMutation, AuthUpdateWorkspaceMutationVariables>;
export const AuthDeleteWorkspaceDocument = new TypedDocumentString(`
    mutation AuthDeleteWorkspace($input: WorkspaceDeleteInput!) {
  deleteWorkspace(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<AuthDeleteWorkspaceMutation, AuthDeleteWorkspaceMutationVariables>;
export const AuthWebhookDocument = new TypedDocumentString(`
    query AuthWebhook($id: ID!) {
  webhook(id: $id) {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<AuthWebhookQuery, AuthWebhookQueryVariables>;
export const DriversDocument = new TypedDocumentString(`
    query Drivers {
  drivers {
    name
    channels
    configFields {
      name
      type
      required
      secret
      default
      description
    }
  }
}
    `) as unknown as TypedDocumentString<DriversQuery, DriversQueryVariables>;
export const SmppDeviceUpdateDocument = new TypedDocumentString(`
    mutation SmppDeviceUpdate($input: DeviceUpdateInput!) {
  updateDevice(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SmppDeviceUpdateMutation, SmppDeviceUpdateMutationVariables>;
export const WaSendDocument = new TypedDocumentString(`
    mutation WaSend($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<WaSendMutation, WaSendMutationVariables>;
export const ClientCreateDocument = new TypedDocumentString(`
    mutation ClientCreate($input: ClientCreateInput!) {
  createClient(input: $input) {
    id
    workspaceId
    phone
    name
    surname
    email
    address
    city
    country
    externalClientId
    tags
    stageId
    createdAt
    patchedAt
  }
}
    `) as unknown as TypedDocumentString<ClientCreateMutation, ClientCreateMutationVariables>;
export const ClientUpdateDocument = new TypedDocumentString(`
    mutation ClientUpdate($input: ClientUpdateInput!) {
  updateClient(input: $input) {
    id
    phone
    name
    surname
    email
    city
    country
    tags
    patchedAt
  }
}
    `) as unknown as TypedDocumentString<ClientUpdateMutation, ClientUpdateMutationVariables>;
export const ClientDeleteDocument = new TypedDocumentString(`
    mutation ClientDelete($input: ClientIdInput!) {
  deleteClient(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<ClientDeleteMutation, ClientDeleteMutationVariables>;
export const ClientGetDocument = new TypedDocumentString(`
    query ClientGet($id: ID!) {
  client(id: $id) {
    id
    phone
    name
    tags
  }
}
    `) as unknown as TypedDocumentString<ClientGetQuery, ClientGetQueryVariables>;
export const ClientListDocument = new TypedDocumentString(`
    query ClientList($input: ClientsInput) {
  clients(input: $input) {
    nodes {
      id
      phone
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ClientListQuery, ClientListQueryVariables>;
export const ClientInboundDocument = new TypedDocumentString(`
    mutation ClientInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    clientId
  }
}
    `) as unknown as TypedDocumentString<ClientInboundMutation, ClientInboundMutationVariables>;
export const ConvInboundDocument = new TypedDocumentString(`
    mutation ConvInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    clientId
    conversationId
  }
}
    `) as unknown as TypedDocumentString<ConvInboundMutation, ConvInboundMutationVariables>;
export const ConvSendDocument = new TypedDocumentString(`
    mutation ConvSend($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
    clientId
    conversationId
  }
}
    `) as unknown as TypedDocumentString<ConvSendMutation, ConvSendMutationVariables>;
export const ConvListDocument = new TypedDocumentString(`
    query ConvList($input: ConversationsInput) {
  conversations(input: $input) {
    nodes {
      id
      status
      channel
      clientId
      deviceId
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ConvListQuery, ConvListQueryVariables>;
export const ConvGetDocument = new TypedDocumentString(`
    query ConvGet($id: ID!, $first: Int, $after: String) {
  conversation(id: $id) {
    id
    status
    channel
    clientId
    deviceId
    lastInboundAt
    lastMessageAt
    createdAt
    endedAt
    endReason
    client {
      phone
    }
    device {
      id
    }
    messages(first: $first, after: $after) {
      nodes {
        id
        content
        direction
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<ConvGetQuery, ConvGetQueryVariables>;
export const ConvEndDocument = new TypedDocumentString(`
    mutation ConvEnd($input: ConversationEndInput!) {
  endConversation(input: $input) {
    id
    status
    endedAt
    endReason
  }
}
    `) as unknown as TypedDocumentString<ConvEndMutation, ConvEndMutationVariables>;
export const IdleInboundDocument = new TypedDocumentString(`
    mutation IdleInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    conversationId
  }
}
    `) as unknown as TypedDocumentString<IdleInboundMutation, IdleInboundMutationVariables>;
export const IdleConversationDocument = new TypedDocumentString(`
    query IdleConversation($id: ID!) {
  conversation(id: $id) {
    id
    status
    endedAt
    endReason
  }
}
    `) as unknown as TypedDocumentString<IdleConversationQuery, IdleConversationQueryVariables>;
export const AdEnableDocument = new TypedDocumentString(`
    mutation AdEnable($input: WebhookIdInput!) {
  enableWebhook(input: $input) {
    id
    enabled
    disabledReason
    failingSince
  }
}
    `) as unknown as TypedDocumentString<AdEnableMutation, AdEnableMutationVariables>;
export const CrashCreateClientDocument = new TypedDocumentString(`
    mutation CrashCreateClient($input: ClientCreateInput!) {
  createClient(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CrashCreateClientMutation, CrashCreateClientMutationVariables>;
export const DlMessageDocument = new TypedDocumentString(`
    query DlMessage($id: ID!) {
  message(id: $id) {
    id
    externalId
    providerMessageId
    conversationId
    clientId
    deviceId
    content
    createdAt
    status
  }
}
    `) as unknown as TypedDocumentString<DlMessageQuery, DlMessageQueryVariables>;
export const DlConversationDocument = new TypedDocumentString(`
    query DlConversation($id: ID!) {
  conversation(id: $id) {
    id
    createdAt
    endedAt
  }
}
    `) as unknown as TypedDocumentString<DlConversationQuery, DlConversationQueryVariables>;
export const DlClientDocument = new TypedDocumentString(`
    query DlClient($id: ID!) {
  client(id: $id) {
    id
    phone
    name
    surname
    email
    address
    city
    country
    externalClientId
    tags
    stageId
    createdAt
    patchedAt
  }
}
    `) as unknown as TypedDocumentString<DlClientQuery, DlClientQueryVariables>;
export const DlEventIdsDocument = new TypedDocumentString(`
    query DlEventIds($input: EventsInput) {
  events(input: $input) {
    nodes {
      id
      type
    }
  }
}
    `) as unknown as TypedDocumentString<DlEventIdsQuery, DlEventIdsQueryVariables>;
export const DlLiveChatCreateDocument = new TypedDocumentString(`
    mutation DlLiveChatCreate($input: LiveChatIntegrationCreateInput!) {
  createLiveChatIntegration(input: $input) {
    id
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<DlLiveChatCreateMutation, DlLiveChatCreateMutationVariables>;
export const DlLiveChatStartDocument = new TypedDocumentString(`
    mutation DlLiveChatStart($input: LiveChatIntegrationIdInput!) {
  startLiveChatIntegration(input: $input) {
    integration {
      id
      status
    }
    connections {
      ok
      error
    }
  }
}
    `) as unknown as TypedDocumentString<DlLiveChatStartMutation, DlLiveChatStartMutationVariables>;
export const DlRotateDocument = new TypedDocumentString(`
    mutation DlRotate($input: WebhookRotateSecretInput!) {
  rotateWebhookSecret(input: $input) {
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<DlRotateMutation, DlRotateMutationVariables>;
export const DlTestDocument = new TypedDocumentString(`
    mutation DlTest($input: WebhookIdInput!) {
  testWebhook(input: $input) {
    id
    eventId
  }
}
    `) as unknown as TypedDocumentString<DlTestMutation, DlTestMutationVariables>;
export const ObEventsDocument = new TypedDocumentString(`
    query ObEvents($input: EventsInput) {
  events(input: $input) {
    totalCount
    nodes {
      id
      type
    }
  }
}
    `) as unknown as TypedDocumentString<ObEventsQuery, ObEventsQueryVariables>;
export const ObCreateClientDocument = new TypedDocumentString(`
    mutation ObCreateClient($input: ClientCreateInput!) {
  createClient(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ObCreateClientMutation, ObCreateClientMutationVariables>;
export const RtReplayWebhookDocument = new TypedDocumentString(`
    mutation RtReplayWebhook($input: WebhookReplayInput!) {
  replayWebhook(input: $input) {
    count
  }
}
    `) as unknown as TypedDocumentString<RtReplayWebhookMutation, RtReplayWebhookMutationVariables>;
export const SsrfCreateDocument = new TypedDocumentString(`
    mutation SsrfCreate($input: WebhookCreateInput!) {
  createWebhook(input: $input) {
    id
    url
  }
}
    `) as unknown as TypedDocumentString<SsrfCreateMutation, SsrfCreateMutationVariables>;
export const SsrfUpdateDocument = new TypedDocumentString(`
    mutation SsrfUpdate($input: WebhookUpdateInput!) {
  updateWebhook(input: $input) {
    id
    url
  }
}
    `) as unknown as TypedDocumentString<SsrfUpdateMutation, SsrfUpdateMutationVariables>;
export const SsrfWorkspaceDocument = new TypedDocumentString(`
    mutation SsrfWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SsrfWorkspaceMutation, SsrfWorkspaceMutationVariables>;
export const SsrfLiveChatDocument = new TypedDocumentString(`
    mutation SsrfLiveChat($input: LiveChatIntegrationCreateInput!) {
  createLiveChatIntegration(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SsrfLiveChatMutation, SsrfLiveChatMutationVariables>;
export const SubCreateDocument = new TypedDocumentString(`
    mutation SubCreate($input: WebhookCreateInput!) {
  createWebhook(input: $input) {
    id
    signingSecret
    testDelivery {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<SubCreateMutation, SubCreateMutationVariables>;
export const SubTestDeliveryDocument = new TypedDocumentString(`
    query SubTestDelivery($id: ID!) {
  webhook(id: $id) {
    testDelivery {
      id
      status
      lastStatusCode
      event {
        type
      }
      attempts {
        number
        statusCode
        durationMs
        responseBody
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubTestDeliveryQuery, SubTestDeliveryQueryVariables>;
export const SubEventsDocument = new TypedDocumentString(`
    query SubEvents($input: EventsInput) {
  events(input: $input) {
    nodes {
      id
      type
    }
  }
}
    `) as unknown as TypedDocumentString<SubEventsQuery, SubEventsQueryVariables>;
export const EndpointConversationsDocument = new TypedDocumentString(`
    query EndpointConversations($input: ConversationsInput) {
  conversations(input: $input) {
    nodes {
      id
      status
      clientId
      deviceId
      lastInboundAt
      client {
        phone
      }
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<EndpointConversationsQuery, EndpointConversationsQueryVariables>;
export const DeviceCreateDocument = new TypedDocumentString(`
    mutation DeviceCreate($input: DeviceCreateInput!) {
  createDevice(input: $input) {
    token
    device {
      id
      workspaceId
      label
      channel
      address
      driver
      config
      integrationType
      status
      lastError
      activatedAt
      tokenPrefix
      inboundUrl
      statusUrl
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceCreateMutation, DeviceCreateMutationVariables>;
export const DeviceUpdateDocument = new TypedDocumentString(`
    mutation DeviceUpdate($input: DeviceUpdateInput!) {
  updateDevice(input: $input) {
    id
    label
    config
    integrationType
  }
}
    `) as unknown as TypedDocumentString<DeviceUpdateMutation, DeviceUpdateMutationVariables>;
export const DeviceDeleteDocument = new TypedDocumentString(`
    mutation DeviceDelete($input: DeviceIdInput!) {
  deleteDevice(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<DeviceDeleteMutation, DeviceDeleteMutationVariables>;
export const DeviceGetDocument = new TypedDocumentString(`
    query DeviceGet($id: ID!) {
  device(id: $id) {
    id
    status
    lastError
    activatedAt
    label
    config
    tokenPrefix
  }
}
    `) as unknown as TypedDocumentString<DeviceGetQuery, DeviceGetQueryVariables>;
export const DeviceListDocument = new TypedDocumentString(`
    query DeviceList($input: DevicesInput) {
  devices(input: $input) {
    nodes {
      id
      channel
      status
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DeviceListQuery, DeviceListQueryVariables>;
export const DeviceActivateDocument = new TypedDocumentString(`
    mutation DeviceActivate($input: DevicesActivateInput!) {
  activateDevices(input: $input) {
    deviceId
    ok
    error {
      code
      message
    }
    device {
      id
      status
      lastError
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceActivateMutation, DeviceActivateMutationVariables>;
export const DeviceDeactivateDocument = new TypedDocumentString(`
    mutation DeviceDeactivate($input: DevicesActivateInput!) {
  deactivateDevices(input: $input) {
    deviceId
    ok
    error {
      code
    }
    device {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceDeactivateMutation, DeviceDeactivateMutationVariables>;
export const ErrorsCreateWorkspaceDocument = new TypedDocumentString(`
    mutation ErrorsCreateWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ErrorsCreateWorkspaceMutation, ErrorsCreateWorkspaceMutationVariables>;
export const ErrorsWorkspacesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ErrorsWorkspacesQuery, ErrorsWorkspacesQueryVariables>;
export const ErrorsCreateKeyDocument = new TypedDocumentString(`
    mutation ErrorsCreateKey($input: ApiKeyCreateInput!) {
  createApiKey(input: $input) {
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ErrorsCreateKeyMutation, ErrorsCreateKeyMutationVariables>;
export const TwilioIdsDocument = new TypedDocumentString(`
    query TwilioIds($id: Int!) {
  workspace(id: $id) {
    accountSid
  }
  apiKeys(input: {workspaceId: $id}) {
    nodes {
      sid
    }
  }
}
    `) as unknown as TypedDocumentString<TwilioIdsQuery, TwilioIdsQueryVariables>;
export const SetTwilioSmsUrlDocument = new TypedDocumentString(`
    mutation SetTwilioSmsUrl($input: WorkspaceUpdateInput!) {
  updateWorkspace(input: $input) {
    id
    twilioSmsUrl
  }
}
    `) as unknown as TypedDocumentString<SetTwilioSmsUrlMutation, SetTwilioSmsUrlMutationVariables>;
export const ReplayTwilioDeliveryDocument = new TypedDocumentString(`
    mutation ReplayTwilioDelivery($input: DeliveryReplayInput!) {
  replayDelivery(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReplayTwilioDeliveryMutation, ReplayTwilioDeliveryMutationVariables>;
export const LcReplayDocument = new TypedDocumentString(`
    mutation LcReplay($input: DeliveryReplayInput!) {
  replayDelivery(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<LcReplayMutation, LcReplayMutationVariables>;
export const LcDeliveryAttemptsDocument = new TypedDocumentString(`
    query LcDeliveryAttempts($id: ID!) {
  delivery(id: $id) {
    id
    status
    attemptCount
    attempts {
      number
      statusCode
      error
    }
  }
}
    `) as unknown as TypedDocumentString<LcDeliveryAttemptsQuery, LcDeliveryAttemptsQueryVariables>;
export const LcSendDocument = new TypedDocumentString(`
    mutation LcSend($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
    deviceId
    conversationId
  }
}
    `) as unknown as TypedDocumentString<LcSendMutation, LcSendMutationVariables>;
export const LogsCreateKeyDocument = new TypedDocumentString(`
    mutation LogsCreateKey($input: ApiKeyCreateInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<LogsCreateKeyMutation, LogsCreateKeyMutationVariables>;
export const LogsRevokeKeyDocument = new TypedDocumentString(`
    mutation LogsRevokeKey($input: ApiKeyRevokeInput!) {
  revokeApiKey(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LogsRevokeKeyMutation, LogsRevokeKeyMutationVariables>;
export const LogsWorkspaceDocument = new TypedDocumentString(`
    query LogsWorkspace($id: Int!) {
  workspace(id: $id) {
    id
    headers
    webhookSigningSecret
  }
}
    `) as unknown as TypedDocumentString<LogsWorkspaceQuery, LogsWorkspaceQueryVariables>;
export const LogsUpdateWorkspaceDocument = new TypedDocumentString(`
    mutation LogsUpdateWorkspace($input: WorkspaceUpdateInput!) {
  updateWorkspace(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LogsUpdateWorkspaceMutation, LogsUpdateWorkspaceMutationVariables>;
export const LogsWorkspacesDocument = new TypedDocumentString(`
    query LogsWorkspaces($input: WorkspacesInput) {
  workspaces(input: $input) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<LogsWorkspacesQuery, LogsWorkspacesQueryVariables>;
export const FlowSimulateInboundDocument = new TypedDocumentString(`
    mutation FlowSimulateInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    direction
    status
    content
    clientId
    conversationId
  }
}
    `) as unknown as TypedDocumentString<FlowSimulateInboundMutation, FlowSimulateInboundMutationVariables>;
export const FlowClientDocument = new TypedDocumentString(`
    query FlowClient($id: ID!) {
  client(id: $id) {
    id
    phone
  }
}
    `) as unknown as TypedDocumentString<FlowClientQuery, FlowClientQueryVariables>;
export const FlowConversationDocument = new TypedDocumentString(`
    query FlowConversation($id: ID!) {
  conversation(id: $id) {
    id
    status
    clientId
    deviceId
    channel
    lastInboundAt
  }
}
    `) as unknown as TypedDocumentString<FlowConversationQuery, FlowConversationQueryVariables>;
export const SharedLimitMessagesDocument = new TypedDocumentString(`
    query SharedLimitMessages {
  messages {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SharedLimitMessagesQuery, SharedLimitMessagesQueryVariables>;
export const GqlSendDocument = new TypedDocumentString(`
    mutation GqlSend($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
    workspaceId
    status
    direction
    channel
    type
    content
    attachments
    externalId
    userId
    isAgent
    segments
    encoding
    clientId
    conversationId
    deviceId
    client {
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<GqlSendMutation, GqlSendMutationVariables>;
export const GqlMessageDocument = new TypedDocumentString(`
    query GqlMessage($id: ID!) {
  message(id: $id) {
    id
    status
    content
    providerMessageId
    sentAt
    deliveredAt
    conversation {
      id
      status
    }
    device {
      id
      channel
    }
  }
}
    `) as unknown as TypedDocumentString<GqlMessageQuery, GqlMessageQueryVariables>;
export const GqlMessagesDocument = new TypedDocumentString(`
    query GqlMessages($input: MessagesInput) {
  messages(input: $input) {
    nodes {
      id
      content
      direction
      channel
      status
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<GqlMessagesQuery, GqlMessagesQueryVariables>;
export const GqlInboundDocument = new TypedDocumentString(`
    mutation GqlInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    clientId
    conversationId
  }
}
    `) as unknown as TypedDocumentString<GqlInboundMutation, GqlInboundMutationVariables>;
export const WindowSendDocument = new TypedDocumentString(`
    mutation WindowSend($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
    type
    status
  }
}
    `) as unknown as TypedDocumentString<WindowSendMutation, WindowSendMutationVariables>;
export const WindowInboundDocument = new TypedDocumentString(`
    mutation WindowInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    conversationId
  }
}
    `) as unknown as TypedDocumentString<WindowInboundMutation, WindowInboundMutationVariables>;
export const DoorMessagesDocument = new TypedDocumentString(`
    query DoorMessages($input: MessagesInput) {
  messages(input: $input) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DoorMessagesQuery, DoorMessagesQueryVariables>;
export const LifecycleCreateWorkspaceDocument = new TypedDocumentString(`
    mutation LifecycleCreateWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<LifecycleCreateWorkspaceMutation, LifecycleCreateWorkspaceMutationVariables>;
export const ProcCreateWorkspaceDocument = new TypedDocumentString(`
    mutation ProcCreateWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ProcCreateWorkspaceMutation, ProcCreateWorkspaceMutationVariables>;
export const ProcWorkspaceDocument = new TypedDocumentString(`
    query ProcWorkspace($id: Int!) {
  workspace(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ProcWorkspaceQuery, ProcWorkspaceQueryVariables>;
export const RootHomeCreateWorkspaceDocument = new TypedDocumentString(`
    mutation RootHomeCreateWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<RootHomeCreateWorkspaceMutation, RootHomeCreateWorkspaceMutationVariables>;
export const DhDeliveriesDocument = new TypedDocumentString(`
    query DhDeliveries($input: DeliveriesInput) {
  deliveries(input: $input) {
    totalCount
    nodes {
      id
      eventId
      webhookId
      liveChatIntegrationId
      targetKind
      status
      attemptCount
      nextAttemptAt
      lastStatusCode
      lastError
      createdAt
      succeededAt
      event {
        id
        type
      }
      attempts {
        number
        trigger
        url
        startedAt
        durationMs
        statusCode
        errorKind
        error
        responseBody
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DhDeliveriesQuery, DhDeliveriesQueryVariables>;
export const DhWebhookStateDocument = new TypedDocumentString(`
    query DhWebhookState($id: ID!) {
  webhook(id: $id) {
    id
    enabled
    disabledReason
    disabledAt
    failingSince
  }
}
    `) as unknown as TypedDocumentString<DhWebhookStateQuery, DhWebhookStateQueryVariables>;
export const DhCreateClientDocument = new TypedDocumentString(`
    mutation DhCreateClient($input: ClientCreateInput!) {
  createClient(input: $input) {
    id
    phone
    createdAt
    patchedAt
  }
}
    `) as unknown as TypedDocumentString<DhCreateClientMutation, DhCreateClientMutationVariables>;
export const DhUpdateClientDocument = new TypedDocumentString(`
    mutation DhUpdateClient($input: ClientUpdateInput!) {
  updateClient(input: $input) {
    id
    patchedAt
  }
}
    `) as unknown as TypedDocumentString<DhUpdateClientMutation, DhUpdateClientMutationVariables>;
export const DhSendMessageDocument = new TypedDocumentString(`
    mutation DhSendMessage($input: MessageSendInput!) {
  sendMessage(input: $input) {
    id
    externalId
    conversationId
    clientId
    deviceId
    status
  }
}
    `) as unknown as TypedDocumentString<DhSendMessageMutation, DhSendMessageMutationVariables>;
export const DhSimulateInboundDocument = new TypedDocumentString(`
    mutation DhSimulateInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    conversationId
    clientId
    deviceId
    createdAt
  }
}
    `) as unknown as TypedDocumentString<DhSimulateInboundMutation, DhSimulateInboundMutationVariables>;
export const DhEndConversationDocument = new TypedDocumentString(`
    mutation DhEndConversation($input: ConversationEndInput!) {
  endConversation(input: $input) {
    id
    status
    endedAt
  }
}
    `) as unknown as TypedDocumentString<DhEndConversationMutation, DhEndConversationMutationVariables>;
export const DriverDeviceCreateDocument = new TypedDocumentString(`
    mutation DriverDeviceCreate($input: DeviceCreateInput!) {
  createDevice(input: $input) {
    device {
      id
      callbackUrl
    }
  }
}
    `) as unknown as TypedDocumentString<DriverDeviceCreateMutation, DriverDeviceCreateMutationVariables>;
export const DriverDeviceActivateDocument = new TypedDocumentString(`
    mutation DriverDeviceActivate($input: DevicesActivateInput!) {
  activateDevices(input: $input) {
    ok
    error {
      code
      message
    }
    device {
      status
      lastError
    }
  }
}
    `) as unknown as TypedDocumentString<DriverDeviceActivateMutation, DriverDeviceActivateMutationVariables>;
export const DriverMessageDocument = new TypedDocumentString(`
    query DriverMessage($id: ID!) {
  message(id: $id) {
    id
    status
    providerMessageId
    rawStatus
    errorCode
    error
    nextAttemptAt
    queuedReason
    attachments
    content
    type
  }
}
    `) as unknown as TypedDocumentString<DriverMessageQuery, DriverMessageQueryVariables>;
export const DriverDeviceStateDocument = new TypedDocumentString(`
    query DriverDeviceState($id: ID!) {
  device(id: $id) {
    status
    lastError
    lastErrorAt
    callbackUrl
    config
  }
}
    `) as unknown as TypedDocumentString<DriverDeviceStateQuery, DriverDeviceStateQueryVariables>;
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
export const LcCreateDocument = new TypedDocumentString(`
    mutation LcCreate($input: LiveChatIntegrationCreateInput!) {
  createLiveChatIntegration(input: $input) {
    ...LcIntegrationFields
  }
}
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LcCreateMutation, LcCreateMutationVariables>;
export const LcUpdateDocument = new TypedDocumentString(`
    mutation LcUpdate($input: LiveChatIntegrationUpdateInput!) {
  updateLiveChatIntegration(input: $input) {
    ...LcIntegrationFields
  }
}
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LcUpdateMutation, LcUpdateMutationVariables>;
export const LcDeleteDocument = new TypedDocumentString(`
    mutation LcDelete($input: LiveChatIntegrationIdInput!) {
  deleteLiveChatIntegration(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<LcDeleteMutation, LcDeleteMutationVariables>;
export const LcGetDocument = new TypedDocumentString(`
    query LcGet($id: ID!) {
  liveChatIntegration(id: $id) {
    ...LcIntegrationFields
  }
}
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LcGetQuery, LcGetQueryVariables>;
export const LcListDocument = new TypedDocumentString(`
    query LcList($input: LiveChatIntegrationsInput) {
  liveChatIntegrations(input: $input) {
    nodes {
      id
      alias
      status
      workspaceId
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<LcListQuery, LcListQueryVariables>;
export const LcStartDocument = new TypedDocumentString(`
    mutation LcStart($input: LiveChatIntegrationIdInput!) {
  startLiveChatIntegration(input: $input) {
    integration {
      ...LcIntegrationFields
    }
    connections {
      connectionId
      deviceId
      ok
      error
      errorCode
    }
  }
}
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LcStartMutation, LcStartMutationVariables>;
export const LcStopDocument = new TypedDocumentString(`
    mutation LcStop($input: LiveChatIntegrationIdInput!) {
  stopLiveChatIntegration(input: $input) {
    ...LcIntegrationFields
  }
}
    fragment LcIntegrationFields on LiveChatIntegration {
  id
  workspaceId
  alias
  status
  lastError
  url
  method
  queryParams {
    key
    type
    value
  }
  headers
  headerFields {
    key
    type
    value
  }
  auth {
    type
    headerName
    username
    secret
  }
  bodyFields {
    key
    type
    value
  }
  permanentStatusCodes
  signingSecret
  responseEndpoint
  connections {
    id
    deviceId
    channel
    sender
    status
    error
    device {
      id
      status
      lastError
    }
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LcStopMutation, LcStopMutationVariables>;
export const LcCurlDocument = new TypedDocumentString(`
    query LcCurl($id: ID!, $contact: String!, $connectionId: ID, $message: String) {
  liveChatIntegration(id: $id) {
    id
    responseEndpoint
    curlExample(contact: $contact, connectionId: $connectionId, message: $message)
  }
}
    `) as unknown as TypedDocumentString<LcCurlQuery, LcCurlQueryVariables>;
export const LcCreateDeviceDocument = new TypedDocumentString(`
    mutation LcCreateDevice($input: DeviceCreateInput!) {
  createDevice(input: $input) {
    device {
      id
      address
      channel
      status
    }
  }
}
    `) as unknown as TypedDocumentString<LcCreateDeviceMutation, LcCreateDeviceMutationVariables>;
export const LcDeviceDocument = new TypedDocumentString(`
    query LcDevice($id: ID!) {
  device(id: $id) {
    id
    address
    channel
    status
    lastError
  }
}
    `) as unknown as TypedDocumentString<LcDeviceQuery, LcDeviceQueryVariables>;
export const LcUpdateDeviceDocument = new TypedDocumentString(`
    mutation LcUpdateDevice($input: DeviceUpdateInput!) {
  updateDevice(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LcUpdateDeviceMutation, LcUpdateDeviceMutationVariables>;
export const LcActivateDevicesDocument = new TypedDocumentString(`
    mutation LcActivateDevices($input: DevicesActivateInput!) {
  activateDevices(input: $input) {
    deviceId
    ok
    error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LcActivateDevicesMutation, LcActivateDevicesMutationVariables>;
export const LcInboundDocument = new TypedDocumentString(`
    mutation LcInbound($input: InboundSimulateInput!) {
  simulateInbound(input: $input) {
    id
    conversationId
    clientId
    deviceId
    createdAt
  }
}
    `) as unknown as TypedDocumentString<LcInboundMutation, LcInboundMutationVariables>;
export const LcEndConversationDocument = new TypedDocumentString(`
    mutation LcEndConversation($input: ConversationEndInput!) {
  endConversation(input: $input) {
    id
    status
    endedAt
  }
}
    `) as unknown as TypedDocumentString<LcEndConversationMutation, LcEndConversationMutationVariables>;
export const LcMessageDocument = new TypedDocumentString(`
    query LcMessage($id: ID!) {
  message(id: $id) {
    id
    workspaceId
    conversationId
    deviceId
    direction
    channel
    content
    externalId
    providerMessageId
    isAgent
    status
    rawStatus
    sentAt
    deliveredAt
    readAt
    client {
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<LcMessageQuery, LcMessageQueryVariables>;
export const LcMessagesDocument = new TypedDocumentString(`
    query LcMessages($input: MessagesInput) {
  messages(input: $input) {
    totalCount
    nodes {
      id
      direction
      content
      status
    }
  }
}
    `) as unknown as TypedDocumentString<LcMessagesQuery, LcMessagesQueryVariables>;
export const LcDeliveriesDocument = new TypedDocumentString(`
    query LcDeliveries($input: DeliveriesInput) {
  deliveries(input: $input) {
    totalCount
    nodes {
      id
      status
      eventId
      liveChatIntegrationId
      targetKind
      event {
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LcDeliveriesQuery, LcDeliveriesQueryVariables>;
export const MessagingWorkspaceDocument = new TypedDocumentString(`
    mutation MessagingWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    locationId
    webhookSigningSecret
  }
}
    `) as unknown as TypedDocumentString<MessagingWorkspaceMutation, MessagingWorkspaceMutationVariables>;
export const MessagingKeyDocument = new TypedDocumentString(`
    mutation MessagingKey($input: ApiKeyCreateInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MessagingKeyMutation, MessagingKeyMutationVariables>;
export const MessagingMessageDocument = new TypedDocumentString(`
    query MessagingMessage($id: ID!) {
  message(id: $id) {
    id
    workspaceId
    conversationId
    clientId
    deviceId
    direction
    channel
    type
    content
    attachments
    externalId
    providerMessageId
    userId
    isAgent
    status
    rawStatus
    errorCode
    error
    segments
    encoding
    createdAt
    sentAt
    deliveredAt
    readAt
    failedAt
  }
}
    `) as unknown as TypedDocumentString<MessagingMessageQuery, MessagingMessageQueryVariables>;
export const SmppDeviceDocument = new TypedDocumentString(`
    query SmppDevice($id: ID!) {
  device(id: $id) {
    status
    lastError
    lastErrorAt
    link {
      state
      since
      lastError
      inFlight
      holder
    }
  }
}
    `) as unknown as TypedDocumentString<SmppDeviceQuery, SmppDeviceQueryVariables>;
export const TwilioWorkspaceDocument = new TypedDocumentString(`
    mutation TwilioWorkspace($input: WorkspaceCreateInput!) {
  createWorkspace(input: $input) {
    id
    locationId
    accountSid
    webhookSigningSecret
  }
}
    `) as unknown as TypedDocumentString<TwilioWorkspaceMutation, TwilioWorkspaceMutationVariables>;
export const TwilioKeyDocument = new TypedDocumentString(`
    mutation TwilioKey($input: ApiKeyCreateInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
      sid
    }
  }
}
    `) as unknown as TypedDocumentString<TwilioKeyMutation, TwilioKeyMutationVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query webhooks($input: WebhooksInput!) {
  webhooks(input: $input) {
    nodes {
      workspaceId
      id
      label
      url
      event
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation createWebhook($input: WebhookCreateInput!) {
  createWebhook(input: $input) {
    workspaceId
    id
    label
    url
    event
    headers
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const WhWebhookDocument = new TypedDocumentString(`
    query WhWebhook($id: ID!) {
  webhook(id: $id) {
    id
    workspaceId
    label
    url
    event
    method
    channels
    directions
    statuses
    headers
    headerFields {
      key
      type
      value
    }
    queryParams {
      key
      type
      value
    }
    auth {
      type
      headerName
      username
      secret
    }
    bodyFields {
      key
      type
      value
    }
    permanentStatusCodes
    enabled
    disabledReason
    disabledAt
    failingSince
    signingSecret
    testDelivery {
      id
      status
    }
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<WhWebhookQuery, WhWebhookQueryVariables>;
export const WhWebhookListDocument = new TypedDocumentString(`
    query WhWebhookList($input: WebhooksInput!) {
  webhooks(input: $input) {
    totalCount
    nodes {
      id
      headers
      headerFields {
        key
        value
      }
      auth {
        secret
      }
      signingSecret
    }
  }
}
    `) as unknown as TypedDocumentString<WhWebhookListQuery, WhWebhookListQueryVariables>;
export const WhCreateFullDocument = new TypedDocumentString(`
    mutation WhCreateFull($input: WebhookCreateInput!) {
  createWebhook(input: $input) {
    id
    url
    method
    event
    headers
    headerFields {
      key
      type
      value
    }
    queryParams {
      key
      type
      value
    }
    auth {
      type
      headerName
      username
      secret
    }
    bodyFields {
      key
      type
      value
    }
    channels
    directions
    statuses
    permanentStatusCodes
    signingSecret
    enabled
  }
}
    `) as unknown as TypedDocumentString<WhCreateFullMutation, WhCreateFullMutationVariables>;
export const WhUpdateDocument = new TypedDocumentString(`
    mutation WhUpdate($input: WebhookUpdateInput!) {
  updateWebhook(input: $input) {
    id
    label
    url
    event
    method
    headers
    auth {
      type
      secret
    }
    channels
    directions
    statuses
    permanentStatusCodes
  }
}
    `) as unknown as TypedDocumentString<WhUpdateMutation, WhUpdateMutationVariables>;
export const WhDeleteDocument = new TypedDocumentString(`
    mutation WhDelete($input: WebhookIdInput!) {
  deleteWebhook(input: $input) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<WhDeleteMutation, WhDeleteMutationVariables>;
export const WhDisableDocument = new TypedDocumentString(`
    mutation WhDisable($input: WebhookDisableInput!) {
  disableWebhook(input: $input) {
    id
    enabled
    disabledReason
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<WhDisableMutation, WhDisableMutationVariables>;
export const WhEnableDocument = new TypedDocumentString(`
    mutation WhEnable($input: WebhookIdInput!) {
  enableWebhook(input: $input) {
    id
    enabled
    disabledReason
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<WhEnableMutation, WhEnableMutationVariables>;
export const WhRotateDocument = new TypedDocumentString(`
    mutation WhRotate($input: WebhookRotateSecretInput!) {
  rotateWebhookSecret(input: $input) {
    id
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<WhRotateMutation, WhRotateMutationVariables>;
export const WhTestDocument = new TypedDocumentString(`
    mutation WhTest($input: WebhookIdInput!) {
  testWebhook(input: $input) {
    id
    status
    webhookId
    event {
      id
      type
    }
  }
}
    `) as unknown as TypedDocumentString<WhTestMutation, WhTestMutationVariables>;
export const WhDeliveryDocument = new TypedDocumentString(`
    query WhDelivery($id: ID!) {
  delivery(id: $id) {
    id
    workspaceId
    eventId
    webhookId
    targetKind
    status
    attemptCount
    lastStatusCode
    succeededAt
    event {
      id
      type
      payload
      createdAt
    }
    attempts {
      number
      trigger
      statusCode
      errorKind
      durationMs
      startedAt
      responseBody
    }
  }
}
    `) as unknown as TypedDocumentString<WhDeliveryQuery, WhDeliveryQueryVariables>;
export const WhEventsDocument = new TypedDocumentString(`
    query WhEvents($input: EventsInput) {
  events(input: $input) {
    totalCount
    nodes {
      id
      workspaceId
      type
      payload
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<WhEventsQuery, WhEventsQueryVariables>;
export const WhReplayDeliveryDocument = new TypedDocumentString(`
    mutation WhReplayDelivery($input: DeliveryReplayInput!) {
  replayDelivery(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WhReplayDeliveryMutation, WhReplayDeliveryMutationVariables>;
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