import { requireViewer } from '../../auth/viewer.ts';
import { builder } from '../builder.ts';
import { idCursor, listType, pagingFields, listOf } from '../lists.ts';
import { parseInput } from '../../validation/parse.ts';
import { createApiKey, listApiKeysInput, revokeApiKey } from '../../auth/api-keys.ts';
import { assertWorkspaceAccess } from '../../auth/viewer.ts';

export const ApiKey = builder.prismaObject('ApiKey', {
  description: 'A credential. The secret is shown once, at creation; only its hash is kept.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId', { nullable: true, description: 'Null for an admin key.' }),
    admin: t.boolean({ resolve: (k) => k.workspaceId === null }),
    prefix: t.exposeString('prefix', { description: 'The start of the key, to recognise it.' }),
    sid: t.exposeString('sid', { description: 'The Twilio-style API key SID (`SK…`): with the secret, Basic credentials of the Twilio-compatible API.' }),
    label: t.exposeString('label'),
    rateLimitPerMinute: t.exposeInt('rateLimitPerMinute', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ApiKeyCreated = builder.simpleObject('ApiKeyCreated', {
  fields: (t) => ({
    apiKey: t.field({ type: ApiKey }),
    secret: t.string({ description: 'The key itself. Store it now: it is never shown again.' }),
  }),
});

const ApiKeyList = listType('ApiKeyList', ApiKey);

const ApiKeysInput = builder.inputType('ApiKeysInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false, description: 'Admin keys: omit to list admin keys.' }),
    includeRevoked: t.boolean({ required: false }),
    ...pagingFields(t),
  }),
});

const ApiKeyCreateInput = builder.inputType('ApiKeyCreateInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false, description: 'Omit (with an admin key) to create an admin key.' }),
    label: t.string({ required: true }),
    rateLimitPerMinute: t.int({ required: false, description: 'Requests per minute for this key; the server default otherwise.' }),
  }),
});

const ApiKeyRevokeInput = builder.inputType('ApiKeyRevokeInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: ApiKeyList,
    args: { input: t.arg({ type: ApiKeysInput, required: false }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const data = parseInput(listApiKeysInput, input ?? {}, 'input');
      const workspaceId = data.workspaceId ?? (v.kind === 'workspace' ? v.workspaceId : null);
      if (workspaceId !== null) assertWorkspaceAccess(v, workspaceId);
      const where = { workspaceId, ...(data.includeRevoked ? {} : { revokedAt: null }) };
      return listOf(ctx.rt.prisma.apiKey, idCursor.hex, data, where);
    },
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: ApiKeyCreated,
    args: { input: t.arg({ type: ApiKeyCreateInput, required: true }) },
    resolve: (_root, { input }, ctx) => createApiKey(ctx.rt, ctx.viewer, input),
  }),
  revokeApiKey: t.field({
    type: ApiKey,
    args: { input: t.arg({ type: ApiKeyRevokeInput, required: true }) },
    resolve: (_root, { input }, ctx) => revokeApiKey(ctx.rt, ctx.viewer, input),
  }),
}));
