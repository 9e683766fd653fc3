import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { activateDevice } from '../devices/manage-devices.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { findIntegration } from './manage-integrations.ts';

export type ConnectionOutcome = { connectionId: string; deviceId: string; ok: boolean; error: AppError | null };

/**
 * Starts an integration as seed 002 describes: the integration and each connection independently.
 * Each connection's device is activated; a sender used by another active integration or active
 * elsewhere is a CONFLICT. None active → the integration stays INACTIVE with an error; some → it
 * is ACTIVE and the answer lists each connection's outcome. Without connections (a chatbot
 * integration) it simply becomes ACTIVE.
 */
export async function startIntegration(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(z.object({ id: z.string() }), input);
  const integration = await findIntegration(rt, viewer, id);
  const outcomes: ConnectionOutcome[] = [];
  for (const connection of integration.connections) {
    const outcome: ConnectionOutcome = { connectionId: connection.id, deviceId: connection.deviceId, ok: true, error: null };
    try {
      await activateDevice(rt, viewer, connection.deviceId);
      await rt.prisma.liveChatConnection.update({ where: { id: connection.id }, data: { status: 'ACTIVE', error: null } });
    } catch (error) {
      const failure = isUniqueViolation(error)
        ? new AppError('CONFLICT', `the sender ${connection.address} (${connection.channel}) is already used by another active live-chat integration`)
        : error instanceof AppError
          ? error
          : null;
      if (!failure) throw error;
      await rt.prisma.liveChatConnection.update({ where: { id: connection.id }, data: { status: 'INACTIVE', error: failure.message } });
      Object.assign(outcome, { ok: false, error: failure });
    }
    outcomes.push(outcome);
  }
  const anyActive = outcomes.length === 0 || outcomes.some((o) => o.ok);
  const lastError = anyActive
    ? outcomes.some((o) => !o.ok)
      ? 'not all connections were activated; see each connection'
      : null
    : 'no connection could be activated; see each connection';
  await rt.prisma.liveChatIntegration.update({ where: { id }, data: { status: anyActive ? 'ACTIVE' : 'INACTIVE', lastError } });
  return { integration: await findIntegration(rt, viewer, id), connections: outcomes };
}

/** Stops the integration and its connections: no more events are delivered to it. */
export async function stopIntegration(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const { id } = parseInput(z.object({ id: z.string() }), input);
  await findIntegration(rt, viewer, id);
  await rt.prisma.$transaction([
    rt.prisma.liveChatConnection.updateMany({ where: { integrationId: id }, data: { status: 'INACTIVE' } }),
    rt.prisma.liveChatIntegration.update({ where: { id }, data: { status: 'INACTIVE', lastError: null } }),
  ]);
  return findIntegration(rt, viewer, id);
}
