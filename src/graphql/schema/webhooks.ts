import { requireViewer } from '../../auth/viewer.ts';
import { Delivery } from './delivery.ts';
import { idArg } from '../ids.ts';
import { builder, type InputFields } from '../builder.ts';
import { Deleted } from '../common.ts';
import { ChannelEnum, MessageDirectionEnum, MessageStatusEnum, WebhookEventEnum } from '../enums.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { currentSecret } from '../../targets/signing-secrets.ts';
import { targetInputFields, targetOutputFields } from './targets.ts';
import { openTargetOnce } from '../../targets/targets.ts';
import { parseInput } from '../../validation/parse.ts';
import type { Context } from '../context.ts';
import type { Target } from '../../generated/prisma/client.ts';
import { createWebhook } from '../../webhooks/create-webhook.ts';
import { findWebhook } from '../../webhooks/find-webhook.ts';
import { deleteWebhook } from '../../webhooks/delete-webhook.ts';
import { rotateWebhookSecret } from '../../webhooks/rotate-webhook-secret.ts';
import { disableWebhook, enableWebhook } from '../../webhooks/set-webhook-enabled.ts';
import { testWebhook } from '../../webhooks/test-webhook.ts';
import { updateWebhook } from '../../webhooks/update-webhook.ts';
import { listWebhooksInput } from '../../webhooks/webhook-input.ts';

const open = (target: Target, ctx: Context) => openTargetOnce(ctx.rt.secrets, target);

export const Webhook = builder.prismaObject('Webhook', {
  description: 'An event subscription (seed 001), with seed 004 filters and seed 002 target options.',
  include: { target: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    label: t.exposeString('label'),
    event: t.expose('event', { type: WebhookEventEnum }),
    channels: t.expose('channels', { type: [ChannelEnum], description: 'Only events on these channels (empty: any).' }),
    directions: t.expose('directions', { type: [MessageDirectionEnum], description: 'Only messages in these directions (empty: any).' }),
    statuses: t.expose('statuses', { type: [MessageStatusEnum], description: 'Only MESSAGE_UPDATED with these statuses; [FAILED, UNDELIVERED] is seed 004\'s "message failed".' }),
    ...targetOutputFields(t, (w, ctx) => open(w.target, ctx)),
    enabled: t.boolean({ resolve: (w) => w.target.enabled }),
    disabledReason: t.string({ nullable: true, resolve: (w) => w.target.disabledReason }),
    disabledAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.target.disabledAt }),
    failingSince: t.field({ type: 'DateTime', nullable: true, description: 'First failure since the last success.', resolve: (w) => w.target.failingSince }),
    signingSecret: t.string({
      description: 'The current Standard Webhooks secret (`whsec_…`), in full: receivers need it to verify signatures.',
      resolve: (w, _a, ctx) => currentSecret(open(w.target, ctx).signingSecrets),
    }),
    testDelivery: t.field({
      type: Delivery,
      nullable: true,
      description: 'The latest test ping (on creation or by testWebhook) and its result.',
      resolve: (w, _a, ctx) =>
        ctx.rt.prisma.delivery.findFirst({ where: { targetId: w.targetId, event: { type: 'PING' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const WebhookList = listType('WebhookList', Webhook);

const WebhooksInput = builder.inputType('WebhooksInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false, description: 'A workspace key lists its own; an admin key every workspace unless given.' }),
    label: t.string({ required: false, description: 'Case-insensitive substring of the label.' }),
    event: t.field({ type: WebhookEventEnum, required: false }),
    ...pagingFields(t),
  }),
});

const filterFields = (t: InputFields) => ({
  channels: t.field({ type: [ChannelEnum], required: false }),
  directions: t.field({ type: [MessageDirectionEnum], required: false }),
  statuses: t.field({ type: [MessageStatusEnum], required: false }),
});

const WebhookCreateInput = builder.inputType('WebhookCreateInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false, description: 'Required with an admin key; a workspace key uses its own.' }),
    label: t.string({ required: true }),
    url: t.string({ required: true }),
    event: t.field({ type: WebhookEventEnum, required: true }),
    ...targetInputFields(t),
    ...filterFields(t),
    sendTestPing: t.boolean({ required: false, description: 'POST a PING event to the URL now (default true).' }),
  }),
});

const WebhookUpdateInput = builder.inputType('WebhookUpdateInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    label: t.string({ required: false }),
    url: t.string({ required: false }),
    event: t.field({ type: WebhookEventEnum, required: false }),
    ...targetInputFields(t),
    ...filterFields(t),
  }),
});

const WebhookIdInput = builder.inputType('WebhookIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const WebhookDisableInput = builder.inputType('WebhookDisableInput', {
  fields: (t) => ({ id: t.id({ required: true }), reason: t.string({ required: false }) }),
});
const WebhookRotateSecretInput = builder.inputType('WebhookRotateSecretInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    gracePeriodSeconds: t.int({ required: false, description: 'How long the old secret keeps signing (default 24 h, at most 7 days).' }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    type: WebhookList,
    args: { input: t.arg({ type: WebhooksInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(listWebhooksInput, input, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.label ? { label: { contains: d.label, mode: 'insensitive' as const } } : {}),
        ...(d.event ? { event: d.event } : {}),
      };
      return listOf(
        { findMany: (a) => ctx.rt.prisma.webhook.findMany({ ...a, include: { target: true } }), count: (a) => ctx.rt.prisma.webhook.count(a) },
        idCursor.hex,
        d,
        where,
      );
    },
  }),
  webhook: t.field({
    type: Webhook,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findWebhook(ctx.rt, ctx.viewer, idArg(id)),
  }),
}));

const idOf = (input: { id: string | number }) => ({ ...input, id: idArg(input.id) });

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: Webhook,
    args: { input: t.arg({ type: WebhookCreateInput, required: true }) },
    resolve: (_root, { input }, ctx) => createWebhook(ctx.rt, ctx.viewer, input),
  }),
  updateWebhook: t.field({
    type: Webhook,
    args: { input: t.arg({ type: WebhookUpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateWebhook(ctx.rt, ctx.viewer, idOf(input)),
  }),
  deleteWebhook: t.field({
    type: Deleted,
    args: { input: t.arg({ type: WebhookIdInput, required: true }) },
    resolve: (_root, { input }, ctx) => deleteWebhook(ctx.rt, ctx.viewer, idOf(input)),
  }),
  enableWebhook: t.field({
    type: Webhook,
    description: 'Deliveries parked while the webhook was disabled are sent now.',
    args: { input: t.arg({ type: WebhookIdInput, required: true }) },
    resolve: (_root, { input }, ctx) => enableWebhook(ctx.rt, ctx.viewer, idOf(input)),
  }),
  disableWebhook: t.field({
    type: Webhook,
    args: { input: t.arg({ type: WebhookDisableInput, required: true }) },
    resolve: (_root, { input }, ctx) => disableWebhook(ctx.rt, ctx.viewer, idOf(input)),
  }),
  rotateWebhookSecret: t.field({
    type: Webhook,
    args: { input: t.arg({ type: WebhookRotateSecretInput, required: true }) },
    resolve: (_root, { input }, ctx) => rotateWebhookSecret(ctx.rt, ctx.viewer, idOf(input)),
  }),
  testWebhook: t.field({
    type: Delivery,
    args: { input: t.arg({ type: WebhookIdInput, required: true }) },
    resolve: (_root, { input }, ctx) => testWebhook(ctx.rt, ctx.viewer, idOf(input)),
  }),
}));
