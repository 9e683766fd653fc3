import { requireViewer } from '../../auth/viewer.ts';
import { Device } from './devices.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { idArg, idsArg } from '../ids.ts';
import { builder } from '../builder.ts';
import { Deleted } from '../common.ts';
import { ChannelEnum, LiveChatStatusEnum } from '../enums.ts';
import type { Context } from '../context.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { currentSecret } from '../../targets/signing-secrets.ts';
import { targetInputFields, targetOutputFields } from './targets.ts';
import { openTargetOnce } from '../../targets/targets.ts';
import { parseInput } from '../../validation/parse.ts';
import { integrationsInput } from '../../live-chat/live-chat-input.ts';
import { createIntegration, deleteIntegration, findIntegration, updateIntegration, withConnections } from '../../live-chat/manage-integrations.ts';
import { startIntegration, stopIntegration, type ConnectionOutcome } from '../../live-chat/start-stop.ts';

type Integration = Prisma.LiveChatIntegrationGetPayload<{ include: typeof withConnections }>;

const open = (i: Integration, ctx: Context) => openTargetOnce(ctx.rt.secrets, i.target);

const responseUrl = (ctx: Context, id: string, chat: string) => `${ctx.rt.config.publicUrl}/integrations/live-chat/${id}/chats/${chat}/events`;

export const LiveChatConnection = builder.objectRef<Integration['connections'][number]>('LiveChatConnection').implement({
  description: 'A device used by the integration. A sender belongs to one active integration at a time.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The connection identifier for `channel.connection` in SMS responses.' }),
    deviceId: t.exposeID('deviceId'),
    device: t.field({ type: Device, resolve: (c) => c.device }),
    channel: t.field({ type: ChannelEnum, resolve: (c) => c.channel }),
    sender: t.exposeString('address', { description: 'The sender (short code, long code, alphanumeric or WhatsApp number).' }),
    status: t.field({ type: LiveChatStatusEnum, resolve: (c) => c.status }),
    error: t.exposeString('error', { nullable: true, description: 'Why it did not activate.' }),
  }),
});

export const LiveChatIntegration = builder.objectRef<Integration>('LiveChatIntegration').implement({
  description: "Seed 002's Custom Webhook: contacts' messages go to the target; replies come back through the response endpoint.",
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    alias: t.exposeString('alias'),
    status: t.field({ type: LiveChatStatusEnum, resolve: (i) => i.status }),
    lastError: t.exposeString('lastError', { nullable: true }),
    connections: t.field({ type: [LiveChatConnection], resolve: (i) => i.connections }),
    ...targetOutputFields(t, open),
    signingSecret: t.string({ description: 'The Standard Webhooks secret that signs what the target receives.', resolve: (i, _a, ctx) => currentSecret(open(i, ctx).signingSecrets) }),
    responseEndpoint: t.string({
      description: 'Where replies go: POST with `Authorization: Bearer <API key>`; {chatIdentifier} is the contact number.',
      resolve: (i, _a, ctx) => responseUrl(ctx, i.id, '{chatIdentifier}'),
    }),
    curlExample: t.string({
      description: "Seed 002's Try Out: a ready-to-run cURL that sends `message` to the chat with `contact` through `connectionId` (or the first connection).",
      args: { contact: t.arg.string({ required: true }), connectionId: t.arg.id({ required: false }), message: t.arg.string({ required: false }) },
      resolve: (i, args, ctx) => {
        const connection = i.connections.find((c) => c.id === String(args.connectionId ?? '')) ?? i.connections[0];
        const channel =
          connection?.channel === 'WHATSAPP'
            ? { type: 'WHATSAPP', sender: connection.address.replace(/^\+/, '') }
            : { type: 'SMS', route: connection?.address ?? '<route>', connection: connection?.id ?? '<connection>' };
        const body = JSON.stringify({ type: 'MESSAGE', channel, msg: args.message ?? 'Thank you for your message.' });
        return [
          `curl -X POST '${responseUrl(ctx, i.id, args.contact.replace(/[^\d]/g, ''))}'`,
          `  -H 'Authorization: Bearer <YOUR_API_KEY>'`,
          `  -H 'Content-Type: application/json'`,
          `  --data '${body.replaceAll("'", "'\\''")}'`,
        ].join(' \\\n');
      },
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (i) => i.updatedAt }),
  }),
});

const ConnectionResult = builder.objectRef<ConnectionOutcome>('LiveChatConnectionResult').implement({
  fields: (t) => ({
    connectionId: t.exposeID('connectionId'),
    deviceId: t.exposeID('deviceId'),
    ok: t.exposeBoolean('ok'),
    error: t.string({ nullable: true, resolve: (o) => o.error?.message ?? null }),
    errorCode: t.string({ nullable: true, resolve: (o) => o.error?.code ?? null }),
  }),
});

const StartResult = builder.simpleObject('LiveChatStartResult', {
  fields: (t) => ({
    integration: t.field({ type: LiveChatIntegration }),
    connections: t.field({ type: [ConnectionResult], description: 'Each connection’s outcome: partial activation is normal.' }),
  }),
});

const IntegrationList = listType('LiveChatIntegrationList', LiveChatIntegration);

const LiveChatIntegrationsInput = builder.inputType('LiveChatIntegrationsInput', {
  fields: (t) => ({ workspaceId: t.int({ required: false }), status: t.field({ type: LiveChatStatusEnum, required: false }), ...pagingFields(t) }),
});
const LiveChatIntegrationCreateInput = builder.inputType('LiveChatIntegrationCreateInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    alias: t.string({ required: true }),
    url: t.string({ required: true }),
    ...targetInputFields(t),
    connectionIds: t.idList({ required: false, description: 'Devices (SMS or WhatsApp) of the workspace.' }),
  }),
});
const LiveChatIntegrationUpdateInput = builder.inputType('LiveChatIntegrationUpdateInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    alias: t.string({ required: false }),
    url: t.string({ required: false }),
    ...targetInputFields(t),
    connectionIds: t.idList({ required: false }),
  }),
});
const LiveChatIntegrationIdInput = builder.inputType('LiveChatIntegrationIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

const withIds = <T extends { id: string | number; connectionIds?: (string | number)[] | null }>(input: T) => ({
  ...input,
  id: idArg(input.id),
  ...(input.connectionIds ? { connectionIds: idsArg(input.connectionIds, 'connectionIds') } : {}),
});

builder.queryFields((t) => ({
  liveChatIntegrations: t.field({
    type: IntegrationList,
    args: { input: t.arg({ type: LiveChatIntegrationsInput, required: false }) },
    resolve: (_r, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(integrationsInput, input ?? {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.status ? { status: d.status } : {}),
      };
      return listOf(
        { findMany: (a) => ctx.rt.prisma.liveChatIntegration.findMany({ ...a, include: withConnections }), count: (a) => ctx.rt.prisma.liveChatIntegration.count(a) },
        idCursor.hex,
        d,
        where,
      );
    },
  }),
  liveChatIntegration: t.field({
    type: LiveChatIntegration,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => findIntegration(ctx.rt, ctx.viewer, idArg(id)),
  }),
}));

builder.mutationFields((t) => ({
  createLiveChatIntegration: t.field({
    type: LiveChatIntegration,
    args: { input: t.arg({ type: LiveChatIntegrationCreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => createIntegration(ctx.rt, ctx.viewer, { ...input, connectionIds: input.connectionIds && idsArg(input.connectionIds, 'connectionIds') }),
  }),
  updateLiveChatIntegration: t.field({
    type: LiveChatIntegration,
    args: { input: t.arg({ type: LiveChatIntegrationUpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateIntegration(ctx.rt, ctx.viewer, withIds(input)),
  }),
  startLiveChatIntegration: t.field({
    type: StartResult,
    args: { input: t.arg({ type: LiveChatIntegrationIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => startIntegration(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
  stopLiveChatIntegration: t.field({
    type: LiveChatIntegration,
    args: { input: t.arg({ type: LiveChatIntegrationIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => stopIntegration(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
  deleteLiveChatIntegration: t.field({
    type: Deleted,
    args: { input: t.arg({ type: LiveChatIntegrationIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => deleteIntegration(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
}));
