import { z } from 'zod';
import { requireViewer, resolveWorkspaceId, type Viewer } from '../auth/viewer.ts';
import { driverNamed } from '../channels/drivers.ts';
import { type ChannelDriver } from '../channels/driver.ts';
import { DriverError } from '../channels/driver-errors.ts';
import { callbackUrl } from './callback-url.ts';
import { newToken } from '../crypto/tokens.ts';
import { AppError, badInput, isUniqueViolation, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { MASK } from '../crypto/secret-box.ts';
import { createDeviceInput, idsInput, updateDeviceInput } from './device-input.ts';

/** Creates a device (INACTIVE). Its token, for the device endpoints, is returned this once. */
export async function createDevice(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(createDeviceInput, input);
  const workspaceId = resolveWorkspaceId(v, data.workspaceId);
  const driver = driverNamed(data.driver ?? 'simulator');
  if (!driver.channels.includes(data.channel)) throw badInput('channel', `the ${driver.name} driver sends ${driver.channels.join(', ')}`);
  const config = driver.config.parse(data.config);
  if (!(await rt.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } }))) throw notFound('Workspace');
  const { token, prefix, hash } = newToken('sbd');
  const device = await rt.prisma.device.create({
    data: {
      id: newId(),
      workspaceId,
      label: data.label ?? null,
      channel: data.channel,
      address: data.address,
      integrationType: data.integrationType ?? (data.channel === 'WHATSAPP' ? 'WHATSAPP' : 'CUSTOM'),
      driver: driver.name,
      config: rt.secrets.encryptJson(config),
      tokenPrefix: prefix,
      tokenHash: hash,
    },
  });
  return { device, token };
}

export async function findDevice(rt: Runtime, viewer: Viewer | null, id: string) {
  const v = requireViewer(viewer);
  const device = await rt.prisma.device.findUnique({ where: { id } });
  if (!device || (v.kind === 'workspace' && device.workspaceId !== v.workspaceId)) throw notFound('Device');
  return device;
}

export async function updateDevice(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const data = parseInput(updateDeviceInput, input);
  const device = await findDevice(rt, viewer, data.id);
  const config = data.config === undefined ? undefined : rt.secrets.encryptJson(mergedConfig(driverNamed(device.driver), rt.secrets.decryptJson(device.config), data.config));
  return rt.prisma.device.update({
    where: { id: device.id },
    // New credentials may work again: the provider's last refusal no longer describes the device.
    data: { config, integrationType: data.integrationType ?? undefined, label: data.label, ...(config ? { lastError: null, lastErrorAt: null } : {}) },
  });
}

/**
 * An update's config: the keys given replace the current ones (null removes an optional key); a
 * secret left out, or given back as the masked value GraphQL shows, keeps its stored value.
 */
function mergedConfig(driver: ChannelDriver<any>, current: Record<string, unknown>, given: unknown): Record<string, unknown> {
  if (!given || typeof given !== 'object' || Array.isArray(given)) return driver.config.parse(given);
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(given)) {
    if (driver.config.secretKeys.includes(key) && typeof value === 'string' && value.startsWith(MASK)) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return driver.config.parse(next);
}

/** Deletes a device with its conversations and messages. */
export async function deleteDevice(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(z.object({ id: z.string() }), input);
  const device = await findDevice(rt, viewer, id);
  await rt.prisma.device.delete({ where: { id: device.id } });
  return { id: device.id };
}

export type ActivationResult = { deviceId: string; ok: boolean; error: AppError | null };

/**
 * Activates each device independently (seed 002: partial success is normal). A device whose driver
 * refuses goes to ERROR with the reason; a sender already active on the same channel elsewhere is
 * a CONFLICT.
 */
export async function activateDevices(rt: Runtime, viewer: Viewer | null, input: unknown): Promise<ActivationResult[]> {
  requireViewer(viewer);
  const { ids } = parseInput(idsInput, input);
  const results: ActivationResult[] = [];
  for (const id of ids) {
    try {
      results.push({ deviceId: id, ok: true, error: null, ...(await activateDevice(rt, viewer, id)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ deviceId: id, ok: false, error });
    }
  }
  return results;
}

export async function activateDevice(rt: Runtime, viewer: Viewer | null, id: string) {
  const device = await findDevice(rt, viewer, id);
  if (device.status === 'ACTIVE') return {};
  const driver = driverNamed(device.driver);
  const fail = async (error: AppError) => {
    await rt.prisma.device.update({ where: { id }, data: { status: 'ERROR', lastError: error.message, lastErrorAt: new Date() } });
    throw error;
  };
  try {
    await driver.activate({ ...device, config: rt.secrets.decryptJson(device.config) }, { http: rt.providers, callbackUrl: callbackUrl(rt, device), log: rt.log });
  } catch (error) {
    if (!(error instanceof DriverError)) throw error;
    return fail(new AppError('BAD_USER_INPUT', `the ${device.driver} driver refused: ${error.message} (${error.code})`));
  }
  try {
    await rt.prisma.device.update({ where: { id }, data: { status: 'ACTIVE', lastError: null, lastErrorAt: null, activatedAt: new Date() } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await rt.prisma.device.findFirst({ where: { channel: device.channel, address: device.address, status: 'ACTIVE' }, select: { workspaceId: true } });
    const where = holder?.workspaceId === device.workspaceId ? 'by another device of this workspace' : 'in another workspace';
    return fail(new AppError('CONFLICT', `the sender ${device.address} is already active on ${device.channel} ${where}`));
  }
  return {};
}

/** Deactivates devices; their live-chat connections stop too. */
export async function deactivateDevices(rt: Runtime, viewer: Viewer | null, input: unknown): Promise<ActivationResult[]> {
  requireViewer(viewer);
  const { ids } = parseInput(idsInput, input);
  const results: ActivationResult[] = [];
  for (const id of ids) {
    try {
      await findDevice(rt, viewer, id);
      await rt.prisma.$transaction([
        rt.prisma.device.update({ where: { id }, data: { status: 'INACTIVE' } }),
        rt.prisma.liveChatConnection.updateMany({ where: { deviceId: id }, data: { status: 'INACTIVE' } }),
      ]);
      results.push({ deviceId: id, ok: true, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ deviceId: id, ok: false, error });
    }
  }
  return results;
}
