import { requireViewer } from '../../auth/viewer.ts';
import { idArg } from '../ids.ts';
import { builder, type InputFields } from '../builder.ts';
import { Deleted } from '../common.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { parseInput } from '../../validation/parse.ts';
import { clientsInput } from '../../clients/client-input.ts';
import { createClient, deleteClient, findClient, updateClient } from '../../clients/manage-clients.ts';

export const Client = builder.prismaObject('Client', {
  description: 'A contact (seed 001 client events). Created automatically the first time a number writes or is written to.',
  fields: (t) => ({
    id: t.exposeID('id'),
    workspaceId: t.exposeInt('workspaceId'),
    phone: t.exposeString('phone'),
    name: t.exposeString('name', { nullable: true }),
    surname: t.exposeString('surname', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    externalClientId: t.exposeString('externalClientId', { nullable: true }),
    tags: t.exposeStringList('tags'),
    stageId: t.exposeString('stageId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    patchedAt: t.expose('patchedAt', { type: 'DateTime' }),
  }),
});

const ClientList = listType('ClientList', Client);

const profileFields = (t: InputFields) => ({
  name: t.string({ required: false }),
  surname: t.string({ required: false }),
  email: t.string({ required: false }),
  address: t.string({ required: false }),
  city: t.string({ required: false }),
  country: t.string({ required: false }),
  externalClientId: t.string({ required: false }),
  tags: t.stringList({ required: false }),
  stageId: t.string({ required: false }),
});

const ClientsInput = builder.inputType('ClientsInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    tag: t.string({ required: false, description: 'Clients with this tag.' }),
    phone: t.string({ required: false, description: 'Phone numbers containing this.' }),
    name: t.string({ required: false, description: 'Case-insensitive substring of name or surname.' }),
    ...pagingFields(t),
  }),
});
const ClientCreateInput = builder.inputType('ClientCreateInput', {
  fields: (t) => ({ workspaceId: t.int({ required: false }), phone: t.string({ required: true, description: 'E.164.' }), ...profileFields(t) }),
});
const ClientUpdateInput = builder.inputType('ClientUpdateInput', {
  fields: (t) => ({ id: t.id({ required: true }), phone: t.string({ required: false }), ...profileFields(t) }),
});
const ClientIdInput = builder.inputType('ClientIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.queryFields((t) => ({
  clients: t.field({
    type: ClientList,
    args: { input: t.arg({ type: ClientsInput, required: false }) },
    resolve: (_r, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(clientsInput, input ?? {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.tag ? { tags: { has: d.tag } } : {}),
        ...(d.phone ? { phone: { contains: d.phone } } : {}),
        ...(d.name
          ? { OR: [{ name: { contains: d.name, mode: 'insensitive' as const } }, { surname: { contains: d.name, mode: 'insensitive' as const } }] }
          : {}),
      };
      return listOf(ctx.rt.prisma.client, idCursor.hex, d, where);
    },
  }),
  client: t.field({ type: Client, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => findClient(ctx.rt, ctx.viewer, idArg(id)) }),
}));

builder.mutationFields((t) => ({
  createClient: t.field({
    type: Client,
    description: 'Emits NEW_CLIENT.',
    args: { input: t.arg({ type: ClientCreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => createClient(ctx.rt, ctx.viewer, input),
  }),
  updateClient: t.field({
    type: Client,
    description: 'Emits CLIENT_UPDATED.',
    args: { input: t.arg({ type: ClientUpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateClient(ctx.rt, ctx.viewer, { ...input, id: idArg(input.id) }),
  }),
  deleteClient: t.field({
    type: Deleted,
    args: { input: t.arg({ type: ClientIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => deleteClient(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
}));
