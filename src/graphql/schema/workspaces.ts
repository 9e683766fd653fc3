import { requireViewer } from '../../auth/viewer.ts';
import { notFound } from '../../errors.ts';
import { builder, type InputFields } from '../builder.ts';
import { Deleted } from '../common.ts';
import { idCursor, listType, pagingFields, listOf } from '../lists.ts';
import { mask } from '../../crypto/secret-box.ts';
import { openTargetOnce } from '../../targets/targets.ts';
import { currentSecret } from '../../targets/signing-secrets.ts';
import { withoutCredentials } from '../../targets/url-credentials.ts';
import { parseInput } from '../../validation/parse.ts';
import { createWorkspace } from '../../workspaces/create-workspace.ts';
import { deleteWorkspace } from '../../workspaces/delete-workspace.ts';
import { updateWorkspace } from '../../workspaces/update-workspace.ts';
import { listWorkspacesInput } from '../../workspaces/workspace-input.ts';
import { HeaderInputDescription } from './targets.ts';

export const Workspace = builder.prismaObject('Workspace', {
  description: 'One tenant: one external system, client or integration.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    locationId: t.exposeString('locationId', { description: 'Routes seed 000 requests (`location_id`).' }),
    accountSid: t.exposeString('accountSid', {
      description: "The Twilio-style account SID (`AC…`) of the Twilio-compatible API: the Basic user name, with one of the workspace's API keys as auth token.",
    }),
    twilioSmsUrl: t.string({
      nullable: true,
      description: "Receives incoming messages in Twilio's form, signed (X-Twilio-Signature) with the API key that set it.",
      select: { twilioSmsTarget: true },
      resolve: (w) => (w.twilioSmsTarget ? withoutCredentials(w.twilioSmsTarget.url) : null),
    }),
    name: t.exposeString('name'),
    address: t.exposeString('address', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    legacyAuth: t.exposeBoolean('legacyAuth', { description: 'POST /webhook accepts the location id alone, without an API key.' }),
    webhookUrl: t.string({
      nullable: true,
      description: 'Receives seed 000 STATUS-UPDATE and MESSAGE events.',
      select: { webhookTarget: true },
      resolve: (w) => (w.webhookTarget ? withoutCredentials(w.webhookTarget.url) : null),
    }),
    headers: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Headers sent to the workspace webhook; values are masked.',
      select: { webhookTarget: true },
      resolve: (w, _args, ctx) =>
        w.webhookTarget ? Object.fromEntries(openTargetOnce(ctx.rt.secrets, w.webhookTarget).headers.map((h) => [h.key, mask(h.value)])) : null,
    }),
    webhookSigningSecret: t.string({
      nullable: true,
      description: 'The Standard Webhooks secret (`whsec_…`) that signs the workspace webhook, to verify what arrives.',
      select: { webhookTarget: true },
      resolve: (w, _args, ctx) => (w.webhookTarget ? currentSecret(openTargetOnce(ctx.rt.secrets, w.webhookTarget).signingSecrets) : null),
    }),
    webhookEnabled: t.boolean({ nullable: true, select: { webhookTarget: true }, resolve: (w) => w.webhookTarget?.enabled ?? null }),
    webhookDisabledReason: t.string({ nullable: true, select: { webhookTarget: true }, resolve: (w) => w.webhookTarget?.disabledReason ?? null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const WorkspaceList = listType('WorkspaceList', Workspace);

const WorkspacesInput = builder.inputType('WorkspacesInput', {
  fields: (t) => ({ name: t.string({ required: false, description: 'Case-insensitive substring of the name.' }), ...pagingFields(t) }),
});

const contactFields = (t: InputFields) => ({
  address: t.string({ required: false }),
  email: t.string({ required: false }),
  phone: t.string({ required: false, description: 'E.164, like +14155552671.' }),
  webhookUrl: t.string({ required: false, description: 'Where seed 000 STATUS-UPDATE and MESSAGE events go.' }),
  headers: t.field({ type: 'JSON', required: false, description: HeaderInputDescription }),
  legacyAuth: t.boolean({ required: false, description: 'Let POST /webhook authenticate by location_id alone.' }),
});

const WorkspaceCreateInput = builder.inputType('WorkspaceCreateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    ...contactFields(t),
    cloneFromId: t.int({ required: false, description: "Copy this workspace's webhook URL, headers and subscriptions." }),
  }),
});

const WorkspaceUpdateInput = builder.inputType('WorkspaceUpdateInput', {
  fields: (t) => ({
    id: t.int({ required: true }),
    name: t.string({ required: false }),
    ...contactFields(t),
    twilioSmsUrl: t.string({
      required: false,
      description: "Where incoming messages go in Twilio's form (an app's Twilio inbound handler), signed with the secret of the workspace API key making this call; null stops them.",
    }),
  }),
});

const WorkspaceDeleteInput = builder.inputType('WorkspaceDeleteInput', { fields: (t) => ({ id: t.int({ required: true }) }) });

builder.queryFields((t) => ({
  workspace: t.prismaField({
    type: 'Workspace',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const found = v.kind === 'workspace' && v.workspaceId !== id ? null : await ctx.rt.prisma.workspace.findUnique({ ...query, where: { id } });
      if (!found) throw notFound('Workspace');
      return found;
    },
  }),
  workspaces: t.field({
    type: WorkspaceList,
    args: { input: t.arg({ type: WorkspacesInput, required: false }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const data = parseInput(listWorkspacesInput, input ?? {}, 'input');
      const where = {
        ...(v.kind === 'workspace' ? { id: v.workspaceId } : {}),
        ...(data.name ? { name: { contains: data.name, mode: 'insensitive' as const } } : {}),
      };
      return listOf(ctx.rt.prisma.workspace, idCursor.int, data, where);
    },
  }),
}));

builder.mutationFields((t) => ({
  createWorkspace: t.field({
    type: Workspace,
    description: 'Admin only.',
    args: { input: t.arg({ type: WorkspaceCreateInput, required: true }) },
    resolve: (_root, { input }, ctx) => createWorkspace(ctx.rt, ctx.viewer, input),
  }),
  updateWorkspace: t.field({
    type: Workspace,
    args: { input: t.arg({ type: WorkspaceUpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateWorkspace(ctx.rt, ctx.viewer, input, ctx.key),
  }),
  deleteWorkspace: t.field({
    type: Deleted,
    description: 'Admin only. Deletes the workspace and everything in it.',
    args: { input: t.arg({ type: WorkspaceDeleteInput, required: true }) },
    resolve: (_root, { input }, ctx) => deleteWorkspace(ctx.rt, ctx.viewer, input),
  }),
}));
