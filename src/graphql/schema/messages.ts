import { z } from 'zod';
import { requireViewer, visibleWorkspaces } from '../../auth/viewer.ts';
import { notFound } from '../../errors.ts';
import { Channel, MessageDirection, MessageStatus } from '../../generated/prisma/enums.ts';
import { idArg } from '../ids.ts';
import { builder } from '../builder.ts';
import { ChannelEnum, MessageDirectionEnum, MessageStatusEnum, MessageTypeEnum } from '../enums.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { pagingInput } from '../../validation/paging.ts';
import { parseInput } from '../../validation/parse.ts';
import { sendMessage, simulateInbound } from '../../messages/send-message.ts';

export const Message = builder.prismaObject('Message', {
  description: 'One inbound or outbound message.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    conversationId: t.exposeID('conversationId'),
    conversation: t.relation('conversation'),
    clientId: t.exposeID('clientId'),
    client: t.relation('client'),
    deviceId: t.exposeID('deviceId'),
    device: t.relation('device'),
    direction: t.expose('direction', { type: MessageDirectionEnum }),
    channel: t.expose('channel', { type: ChannelEnum }),
    type: t.expose('type', { type: MessageTypeEnum }),
    content: t.exposeString('content', { nullable: true }),
    attachments: t.exposeStringList('attachments'),
    externalId: t.exposeString('externalId', { nullable: true, description: "The caller's message_id (idempotency key)." }),
    providerMessageId: t.exposeString('providerMessageId', { nullable: true }),
    userId: t.exposeString('userId', { nullable: true }),
    isAgent: t.exposeBoolean('isAgent'),
    status: t.expose('status', { type: MessageStatusEnum }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: "The provider's own status, verbatim." }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'The raw provider error, like `twilio:30003` or `wa:131047`.' }),
    error: t.exposeString('error', { nullable: true }),
    segments: t.exposeInt('segments', { nullable: true, description: 'SMS parts.' }),
    encoding: t.exposeString('encoding', { nullable: true, description: 'SMS encoding: GSM-7 or UCS-2.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: "While QUEUED: when it is due to go (the device's pace, its sending hours, or a retry after the provider said not now).",
    }),
    queuedReason: t.exposeString('queuedReason', { nullable: true, description: 'While QUEUED: why it has not gone yet, like `twilio:20429: Too Many Requests`.' }),
  }),
});

export const MessageList = listType('MessageList', Message);

const MessagesInput = builder.inputType('MessagesInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    conversationId: t.id({ required: false }),
    clientId: t.id({ required: false }),
    channel: t.field({ type: ChannelEnum, required: false }),
    direction: t.field({ type: MessageDirectionEnum, required: false }),
    status: t.field({ type: MessageStatusEnum, required: false }),
    ...pagingFields(t),
  }),
});

const MessageSendInput = builder.inputType('MessageSendInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    channel: t.field({ type: ChannelEnum, required: true }),
    phone: t.string({ required: true, description: 'The contact, in E.164.' }),
    message: t.string({ required: false }),
    attachments: t.stringList({ required: false, description: 'Public http(s) media URLs.' }),
    messageId: t.string({ required: false, description: 'Your id: the idempotency key. The same id again returns the same message and sends nothing twice.' }),
    userId: t.string({ required: false }),
    type: t.field({ type: MessageTypeEnum, required: false, description: 'TEMPLATE may go outside the WhatsApp 24-hour window.' }),
  }),
});

const InboundSimulateInput = builder.inputType('InboundSimulateInput', {
  fields: (t) => ({
    deviceId: t.id({ required: true }),
    phone: t.string({ required: true, description: 'The contact writing, in E.164.' }),
    message: t.string({ required: false }),
    attachments: t.stringList({ required: false }),
    type: t.field({ type: MessageTypeEnum, required: false }),
  }),
});

const messagesInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  conversationId: z.string().nullish(),
  clientId: z.string().nullish(),
  channel: z.enum(Channel).nullish(),
  direction: z.enum(MessageDirection).nullish(),
  status: z.enum(MessageStatus).nullish(),
});

builder.queryFields((t) => ({
  messages: t.field({
    type: MessageList,
    args: { input: t.arg({ type: MessagesInput, required: false }) },
    resolve: (_r, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(messagesInput, input ? { ...input, conversationId: input.conversationId?.toString(), clientId: input.clientId?.toString() } : {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.conversationId ? { conversationId: d.conversationId } : {}),
        ...(d.clientId ? { clientId: d.clientId } : {}),
        ...(d.channel ? { channel: d.channel } : {}),
        ...(d.direction ? { direction: d.direction } : {}),
        ...(d.status ? { status: d.status } : {}),
      };
      return listOf(ctx.rt.prisma.message, idCursor.uuid, d, where);
    },
  }),
  message: t.prismaField({
    type: 'Message',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const messageId = idArg(id);
      const found = z.uuid().safeParse(messageId).success ? await ctx.rt.prisma.message.findFirst({ ...query, where: { id: messageId, ...visibleWorkspaces(v) } }) : null;
      if (!found) throw notFound('Message');
      return found;
    },
  }),
}));

builder.mutationFields((t) => ({
  sendMessage: t.prismaField({
    type: 'Message',
    description: 'Queues a message (QUEUED); statuses follow on webhooks. Same rules and idempotency as POST /webhook.',
    args: { input: t.arg({ type: MessageSendInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => ctx.rt.prisma.message.findUniqueOrThrow({ ...query, where: { id: await sendMessage(ctx.rt, ctx.viewer, input) } }),
  }),
  simulateInbound: t.prismaField({
    type: 'Message',
    description: "Injects a contact's message through a device, as if the device had received it.",
    args: { input: t.arg({ type: InboundSimulateInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) =>
      ctx.rt.prisma.message.findUniqueOrThrow({ ...query, where: { id: await simulateInbound(ctx.rt, ctx.viewer, { ...input, deviceId: idArg(input.deviceId, 'deviceId') }) } }),
  }),
}));
