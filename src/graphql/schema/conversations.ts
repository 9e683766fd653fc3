import { z } from 'zod';
import { requireViewer, visibleWorkspaces } from '../../auth/viewer.ts';
import { notFound } from '../../errors.ts';
import { Channel, ConversationStatus } from '../../generated/prisma/enums.ts';
import { idArg } from '../ids.ts';
import { builder } from '../builder.ts';
import { ChannelEnum, ConversationStatusEnum } from '../enums.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { pagingInput } from '../../validation/paging.ts';
import { MessageList } from './messages.ts';
import { parseInput } from '../../validation/parse.ts';
import { endConversation } from '../../conversations/end-conversation.ts';

export const Conversation = builder.prismaObject('Conversation', {
  description: 'A chat between a client and a device.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    clientId: t.exposeID('clientId'),
    client: t.relation('client'),
    deviceId: t.exposeID('deviceId'),
    device: t.relation('device'),
    channel: t.expose('channel', { type: ChannelEnum }),
    status: t.expose('status', { type: ConversationStatusEnum }),
    lastInboundAt: t.expose('lastInboundAt', { type: 'DateTime', nullable: true, description: "The contact's last message: WhatsApp's 24-hour window runs from here." }),
    lastMessageAt: t.expose('lastMessageAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    endReason: t.exposeString('endReason', { nullable: true }),
    messages: t.field({
      type: MessageList,
      description: 'Newest first.',
      args: { first: t.arg.int({ required: false }), after: t.arg.string({ required: false }) },
      resolve: (c, args, ctx) => {
        const paging = parseInput(pagingInput, args);
        const where = { conversationId: c.id };
        return listOf(ctx.rt.prisma.message, idCursor.uuid, paging, where);
      },
    }),
  }),
});

const ConversationList = listType('ConversationList', Conversation);

const ConversationsInput = builder.inputType('ConversationsInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    status: t.field({ type: ConversationStatusEnum, required: false }),
    clientId: t.id({ required: false }),
    deviceId: t.id({ required: false }),
    channel: t.field({ type: ChannelEnum, required: false }),
    ...pagingFields(t),
  }),
});
const ConversationEndInput = builder.inputType('ConversationEndInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

const conversationsInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  status: z.enum(ConversationStatus).nullish(),
  clientId: z.string().nullish(),
  deviceId: z.string().nullish(),
  channel: z.enum(Channel).nullish(),
});

builder.queryFields((t) => ({
  conversations: t.field({
    type: ConversationList,
    args: { input: t.arg({ type: ConversationsInput, required: false }) },
    resolve: (_r, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(conversationsInput, input ? { ...input, clientId: input.clientId?.toString(), deviceId: input.deviceId?.toString() } : {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.status ? { status: d.status } : {}),
        ...(d.clientId ? { clientId: d.clientId } : {}),
        ...(d.deviceId ? { deviceId: d.deviceId } : {}),
        ...(d.channel ? { channel: d.channel } : {}),
      };
      return listOf(ctx.rt.prisma.conversation, idCursor.hex, d, where);
    },
  }),
  conversation: t.prismaField({
    type: 'Conversation',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const found = await ctx.rt.prisma.conversation.findFirst({ ...query, where: { id: idArg(id), ...visibleWorkspaces(v) } });
      if (!found) throw notFound('Conversation');
      return found;
    },
  }),
}));

builder.mutationFields((t) => ({
  endConversation: t.field({
    type: Conversation,
    description: 'Emits ENDING_CONV (live-chat integrations receive END).',
    args: { input: t.arg({ type: ConversationEndInput, required: true }) },
    resolve: (_r, { input }, ctx) => endConversation(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
}));
