import { z } from 'zod';
import { requireViewer, visibleWorkspaces } from '../../auth/viewer.ts';
import { notFound } from '../../errors.ts';
import { DeliveryStatus, EventType } from '../../generated/prisma/enums.ts';
import { idArg } from '../ids.ts';
import { builder } from '../builder.ts';
import { AttemptTriggerEnum, DeliveryStatusEnum, EventTypeEnum, TargetKindEnum } from '../enums.ts';
import { idCursor, listType, pagingFields, timeCursor, listOf, inWorkspace } from '../lists.ts';
import { pagingInput } from '../../validation/paging.ts';
import { withoutCredentials } from '../../targets/url-credentials.ts';
import { parseInput } from '../../validation/parse.ts';
import { replayDelivery } from '../../delivery/replay.ts';
import { replayWebhook } from '../../webhooks/replay-webhook.ts';

export const Event = builder.prismaObject('Event', {
  description: 'Something that happened. Every event reaches every matching subscription at least once.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    type: t.expose('type', { type: EventTypeEnum }),
    payload: t.expose('payload', { type: 'JSON', description: 'The canonical record every webhook dialect is rendered from.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const Attempt = builder.prismaObject('Attempt', {
  description: 'One HTTP request of a delivery.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    trigger: t.expose('trigger', { type: AttemptTriggerEnum }),
    url: t.string({ resolve: (a) => withoutCredentials(a.url) }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    durationMs: t.exposeInt('durationMs'),
    statusCode: t.exposeInt('statusCode', { nullable: true }),
    errorKind: t.exposeString('errorKind', { nullable: true, description: 'NETWORK, DNS, TIMEOUT, TLS, BLOCKED, INVALID_URL or HTTP_STATUS.' }),
    error: t.exposeString('error', { nullable: true }),
    responseBody: t.exposeString('responseBody', { nullable: true, description: 'The first 4 KiB of the answer.' }),
  }),
});

export const Delivery = builder.prismaObject('Delivery', {
  description: 'One event on its way to one target.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    eventId: t.exposeID('eventId'),
    event: t.relation('event'),
    targetId: t.exposeID('targetId'),
    targetKind: t.field({ type: TargetKindEnum, select: { target: { select: { kind: true } } }, resolve: (d) => d.target.kind }),
    webhookId: t.id({ nullable: true, select: { target: { select: { webhook: { select: { id: true } } } } }, resolve: (d) => d.target.webhook?.id ?? null }),
    liveChatIntegrationId: t.id({
      nullable: true,
      select: { target: { select: { liveChatIntegration: { select: { id: true } } } } },
      resolve: (d) => d.target.liveChatIntegration?.id ?? null,
    }),
    status: t.expose('status', { type: DeliveryStatusEnum }),
    attemptCount: t.exposeInt('attemptCount'),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true, description: 'Null when finished, or parked while the target is disabled.' }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    succeededAt: t.expose('succeededAt', { type: 'DateTime', nullable: true }),
    attempts: t.relation('attempts', { query: { orderBy: { number: 'asc' } } }),
  }),
});

const DeliveryList = listType('DeliveryList', Delivery);
const EventList = listType('EventList', Event);
const ReplayResult = builder.simpleObject('ReplayResult', { fields: (t) => ({ count: t.int({ description: 'Deliveries sent again.' }) }) });

const DeliveriesInput = builder.inputType('DeliveriesInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    webhookId: t.id({ required: false }),
    liveChatIntegrationId: t.id({ required: false }),
    eventType: t.field({ type: EventTypeEnum, required: false }),
    status: t.field({ type: DeliveryStatusEnum, required: false }),
    since: t.field({ type: 'DateTime', required: false }),
    until: t.field({ type: 'DateTime', required: false }),
    ...pagingFields(t),
  }),
});

const EventsInput = builder.inputType('EventsInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    type: t.field({ type: EventTypeEnum, required: false }),
    since: t.field({ type: 'DateTime', required: false }),
    until: t.field({ type: 'DateTime', required: false }),
    ...pagingFields(t),
  }),
});

const window = { since: z.date().nullish(), until: z.date().nullish() };
const deliveriesInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  webhookId: z.string().nullish(),
  liveChatIntegrationId: z.string().nullish(),
  eventType: z.enum(EventType).nullish(),
  status: z.enum(DeliveryStatus).nullish(),
  ...window,
});
const eventsInput = pagingInput.extend({ workspaceId: z.number().int().nullish(), type: z.enum(EventType).nullish(), ...window });
const createdWithin = (d: { since?: Date | null; until?: Date | null }) =>
  d.since || d.until ? { createdAt: { ...(d.since ? { gte: d.since } : {}), ...(d.until ? { lt: d.until } : {}) } } : {};

builder.queryFields((t) => ({
  deliveries: t.field({
    type: DeliveryList,
    args: { input: t.arg({ type: DeliveriesInput, required: false }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(deliveriesInput, input ?? {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.webhookId ? { target: { webhook: { id: d.webhookId } } } : {}),
        ...(d.liveChatIntegrationId ? { target: { liveChatIntegration: { id: d.liveChatIntegrationId } } } : {}),
        ...(d.eventType ? { event: { type: d.eventType } } : {}),
        ...(d.status ? { status: d.status } : {}),
        ...createdWithin(d),
      };
      return listOf(ctx.rt.prisma.delivery, timeCursor, d, where);
    },
  }),
  delivery: t.prismaField({
    type: 'Delivery',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const deliveryId = idArg(id);
      const found = z.uuid().safeParse(deliveryId).success
        ? await ctx.rt.prisma.delivery.findFirst({ ...query, where: { id: deliveryId, ...visibleWorkspaces(v) } })
        : null;
      if (!found) throw notFound('Delivery');
      return found;
    },
  }),
  events: t.field({
    type: EventList,
    args: { input: t.arg({ type: EventsInput, required: false }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(eventsInput, input ?? {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.type ? { type: d.type } : {}),
        ...createdWithin(d),
      };
      return listOf(ctx.rt.prisma.event, idCursor.uuid, d, where);
    },
  }),
}));

const DeliveryReplayInput = builder.inputType('DeliveryReplayInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const WebhookReplayInput = builder.inputType('WebhookReplayInput', {
  fields: (t) => ({ id: t.id({ required: true }), since: t.field({ type: 'DateTime', required: true }) }),
});

builder.mutationFields((t) => ({
  replayDelivery: t.prismaField({
    type: 'Delivery',
    args: { input: t.arg({ type: DeliveryReplayInput, required: true }) },
    resolve: (_q, _root, { input }, ctx) => replayDelivery(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
  replayWebhook: t.field({
    type: ReplayResult,
    description: 'Sends again every FAILED or DEAD delivery of the webhook created since a time (at most 10,000).',
    args: { input: t.arg({ type: WebhookReplayInput, required: true }) },
    resolve: (_root, { input }, ctx) => replayWebhook(ctx.rt, ctx.viewer, { id: idArg(input.id), since: input.since }),
  }),
}));
