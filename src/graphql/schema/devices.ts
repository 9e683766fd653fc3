import { requireViewer, visibleWorkspaces } from '../../auth/viewer.ts';
import { DRIVERS } from '../../channels/drivers.ts';
import { callbackUrl } from '../../devices/callback-url.ts';
import type { ConfigFieldInfo } from '../../channels/config-fields.ts';
import type { ChannelDriver } from '../../channels/driver.ts';
import { mask } from '../../crypto/secret-box.ts';
import { idArg, idsArg } from '../ids.ts';
import { builder } from '../builder.ts';
import { Deleted } from '../common.ts';
import { ChannelEnum, DeviceStatusEnum, LinkStateEnum } from '../enums.ts';
import { linkStatus, type LinkStatus } from '../../links/link-state.ts';
import { idCursor, listType, pagingFields, listOf, inWorkspace } from '../lists.ts';
import { parseInput } from '../../validation/parse.ts';
import { devicesInput } from '../../devices/device-input.ts';
import { activateDevices, createDevice, deactivateDevices, deleteDevice, findDevice, updateDevice, type ActivationResult } from '../../devices/manage-devices.ts';

const DeviceLink = builder.objectRef<LinkStatus>('DeviceLink').implement({
  description: "A device's long-lived connection to its provider (an SMPP bind), held by one worker process.",
  fields: (t) => ({
    state: t.field({ type: LinkStateEnum, resolve: (l) => l.state }),
    since: t.field({ type: 'DateTime', description: 'When the link entered this state.', resolve: (l) => l.since }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the link last dropped or failed to open.' }),
    inFlight: t.exposeInt('inFlight', { description: 'Messages sent and not yet answered (submit_sm awaiting submit_sm_resp), as of the last few seconds.' }),
    holder: t.string({
      nullable: true,
      description: 'The worker process holding the link (host/pid). Shown to admin keys only.',
      resolve: (l, _a, ctx) => (ctx.viewer?.kind === 'admin' ? l.holder : null),
    }),
  }),
});

export const Device = builder.prismaObject('Device', {
  description: 'A sender the workspace may use: a SIM gateway, WhatsApp number, iMessage bridge, SMPP link, or the built-in simulator.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The integrationId in payloads.' }),
    workspaceId: t.exposeInt('workspaceId'),
    label: t.exposeString('label', { nullable: true }),
    channel: t.expose('channel', { type: ChannelEnum }),
    address: t.exposeString('address', { description: 'E.164 number, short code or alphanumeric sender.' }),
    integrationType: t.exposeString('integrationType'),
    driver: t.exposeString('driver'),
    config: t.field({
      type: 'JSON',
      description: "The driver's configuration; credentials are masked.",
      resolve: (d, _a, ctx) => {
        const config = ctx.rt.secrets.decryptJson<Record<string, unknown>>(d.config);
        const secret = new Set(DRIVERS[d.driver]?.config.secretKeys ?? []);
        return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secret.has(k) && typeof v === 'string' ? mask(v) : v]));
      },
    }),
    status: t.expose('status', { type: DeviceStatusEnum }),
    lastError: t.exposeString('lastError', { nullable: true, description: "Why the last activation failed, or the provider's last refusal of the device's credentials." }),
    lastErrorAt: t.expose('lastErrorAt', { type: 'DateTime', nullable: true, description: 'When lastError happened.' }),
    callbackUrl: t.string({
      description: "Where the device's provider sends statuses and contacts' messages: paste it at the provider (the README says where, per driver).",
      resolve: (d, _a, ctx) => callbackUrl(ctx.rt, d),
    }),
    link: t.field({
      type: DeviceLink,
      nullable: true,
      description: 'The connection to the provider, for drivers that keep one open (smpp); null for the others.',
      resolve: async (d, _a, ctx) => {
        if (!DRIVERS[d.driver]?.linked) return null;
        return linkStatus(await ctx.rt.prisma.deviceLink.findUnique({ where: { deviceId: d.id } }), d);
      },
    }),
    activatedAt: t.expose('activatedAt', { type: 'DateTime', nullable: true }),
    tokenPrefix: t.exposeString('tokenPrefix', { description: 'The start of the device token.' }),
    inboundUrl: t.string({ description: "POST a contact's message here with the device token.", resolve: (d, _a, ctx) => `${ctx.rt.config.publicUrl}/devices/${d.id}/inbound` }),
    statusUrl: t.string({ description: 'POST a status report here with the device token.', resolve: (d, _a, ctx) => `${ctx.rt.config.publicUrl}/devices/${d.id}/status` }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const DriverConfigField = builder.objectRef<ConfigFieldInfo>('DriverConfigField').implement({
  description: "One field of a driver's config, as createDevice(input: { config }) takes it.",
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type', { description: 'STRING, SECRET, URL, BOOLEAN, INTEGER, NUMBER, ENUM or OBJECT.' }),
    required: t.exposeBoolean('required'),
    secret: t.exposeBoolean('secret', { description: 'Stored encrypted and shown masked.' }),
    default: t.field({ type: 'JSON', nullable: true, resolve: (f) => f.default }),
    values: t.exposeStringList('values', { nullable: true, description: 'The values an ENUM takes.' }),
    description: t.exposeString('description'),
  }),
});

const Driver = builder.objectRef<ChannelDriver<any>>('Driver').implement({
  description: 'A kind of device: the provider it talks to and the config it needs.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What createDevice(input: { driver }) takes.' }),
    description: t.exposeString('description'),
    channels: t.field({ type: [ChannelEnum], resolve: (d) => [...d.channels] }),
    configFields: t.field({ type: [DriverConfigField], resolve: (d) => d.config.fields }),
  }),
});

const DeviceCreated = builder.simpleObject('DeviceCreated', {
  fields: (t) => ({
    device: t.field({ type: Device }),
    token: t.string({ description: "The device's own token for POST /devices/{id}/inbound and /status. Shown once." }),
  }),
});

const ErrorInfo = builder.simpleObject('ErrorInfo', { fields: (t) => ({ code: t.string(), message: t.string() }) });

const DeviceActivation = builder.objectRef<ActivationResult>('DeviceActivation').implement({
  description: 'The outcome for one device: partial success is normal.',
  fields: (t) => ({
    deviceId: t.exposeID('deviceId'),
    ok: t.exposeBoolean('ok'),
    error: t.field({ type: ErrorInfo, nullable: true, resolve: (r) => (r.error ? { code: r.error.code, message: r.error.message } : null) }),
    device: t.prismaField({
      type: 'Device',
      nullable: true,
      resolve: (query, r, _a, ctx) => ctx.rt.prisma.device.findUnique({ ...query, where: { id: r.deviceId, ...visibleWorkspaces(ctx.viewer!) } }),
    }),
  }),
});

const DeviceList = listType('DeviceList', Device);

const DevicesInput = builder.inputType('DevicesInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false }),
    channel: t.field({ type: ChannelEnum, required: false }),
    status: t.field({ type: DeviceStatusEnum, required: false }),
    ...pagingFields(t),
  }),
});

const DeviceCreateInput = builder.inputType('DeviceCreateInput', {
  fields: (t) => ({
    workspaceId: t.int({ required: false, description: "Required with an admin key; a workspace key uses its own." }),
    channel: t.field({ type: ChannelEnum, required: true }),
    address: t.string({ required: true }),
    driver: t.string({ required: false, description: `One of: ${Object.keys(DRIVERS).join(', ')} (default simulator); the drivers query lists each one's config.` }),
    config: t.field({ type: 'JSON', required: false, description: "The driver's configuration: the drivers query lists its fields." }),
    integrationType: t.string({ required: false, description: 'Sent as integrationType in payloads (default WHATSAPP for WhatsApp, CUSTOM otherwise).' }),
    label: t.string({ required: false }),
  }),
});

const DeviceUpdateInput = builder.inputType('DeviceUpdateInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    config: t.field({
      type: 'JSON',
      required: false,
      description: 'Keys given replace the current ones (null removes one); a secret left out or given back masked keeps its value.',
    }),
    integrationType: t.string({ required: false }),
    label: t.string({ required: false }),
  }),
});

const DeviceIdInput = builder.inputType('DeviceIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const DevicesActivateInput = builder.inputType('DevicesActivateInput', { fields: (t) => ({ ids: t.idList({ required: true }) }) });

builder.queryFields((t) => ({
  drivers: t.field({
    type: [Driver],
    description: 'Every driver, with its channels and config fields. Needs no API key.',
    resolve: () => Object.values(DRIVERS),
  }),
  devices: t.field({
    type: DeviceList,
    args: { input: t.arg({ type: DevicesInput, required: false }) },
    resolve: (_root, { input }, ctx) => {
      const v = requireViewer(ctx.viewer);
      const d = parseInput(devicesInput, input ?? {}, 'input');
      const where = {
        ...inWorkspace(v, d.workspaceId),
        ...(d.channel ? { channel: d.channel } : {}),
        ...(d.status ? { status: d.status } : {}),
      };
      return listOf(ctx.rt.prisma.device, idCursor.hex, d, where);
    },
  }),
  device: t.field({ type: Device, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => findDevice(ctx.rt, ctx.viewer, idArg(id)) }),
}));

const ids = (input: { ids: (string | number)[] }) => ({ ids: idsArg(input.ids, 'ids') });

builder.mutationFields((t) => ({
  createDevice: t.field({
    type: DeviceCreated,
    args: { input: t.arg({ type: DeviceCreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => createDevice(ctx.rt, ctx.viewer, input),
  }),
  updateDevice: t.field({
    type: Device,
    args: { input: t.arg({ type: DeviceUpdateInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateDevice(ctx.rt, ctx.viewer, { ...input, id: idArg(input.id) }),
  }),
  deleteDevice: t.field({
    type: Deleted,
    args: { input: t.arg({ type: DeviceIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => deleteDevice(ctx.rt, ctx.viewer, { id: idArg(input.id) }),
  }),
  activateDevices: t.field({
    type: [DeviceActivation],
    description: 'Activates each device independently and answers one result per device.',
    args: { input: t.arg({ type: DevicesActivateInput, required: true }) },
    resolve: (_r, { input }, ctx) => activateDevices(ctx.rt, ctx.viewer, ids(input)),
  }),
  deactivateDevices: t.field({
    type: [DeviceActivation],
    args: { input: t.arg({ type: DevicesActivateInput, required: true }) },
    resolve: (_r, { input }, ctx) => deactivateDevices(ctx.rt, ctx.viewer, ids(input)),
  }),
}));
