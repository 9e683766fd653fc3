import { z } from 'zod';
import { requireViewer, resolveWorkspaceId, type Viewer } from '../auth/viewer.ts';
import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { AppError, notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { e164, httpUrl } from '../validation/rules.ts';
import { MAX_ATTACHMENTS } from './message-rules.ts';
import { inboundMessage, receiveInbound } from './receive-inbound.ts';
import { contentOf, isBlank, NOTHING_TO_SEND, sendMessageInput, toAcceptRequest } from './send-input.ts';
import { MessageType } from '../generated/prisma/enums.ts';

/** GraphQL sendMessage: the same rules and answers as POST /webhook, with typed errors. */
export async function sendMessage(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(sendMessageInput, input);
  const workspaceId = resolveWorkspaceId(v, data.workspaceId);
  const result = await rt.accept(toAcceptRequest(workspaceId, data));
  if (!result.ok) throw result.error;
  return result.messageId;
}

export const simulateInboundInput = z
  .object({
    deviceId: z.string(),
    phone: e164,
    message: z.string().max(20_000).nullish(),
    attachments: z.array(httpUrl).max(MAX_ATTACHMENTS).nullish(),
    type: z.enum(MessageType).nullish(),
  })
  .refine((v) => !isBlank(v.message) || v.attachments?.length, { path: ['message'], message: NOTHING_TO_SEND });

/** A contact's reply, injected through a simulator device (or any device, for testing). */
export async function simulateInbound(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(simulateInboundInput, input);
  const device = await rt.prisma.device.findUnique({ where: { id: data.deviceId } });
  if (!device || (v.kind === 'workspace' && device.workspaceId !== v.workspaceId)) throw notFound('Device');
  if (device.status !== 'ACTIVE') throw new AppError('BAD_USER_INPUT', 'deviceId: the device is not active', { details: [{ field: 'deviceId', message: 'the device is not active' }] });
  const report = { from: data.phone, content: contentOf(data.message), attachments: data.attachments ?? [], type: data.type ?? undefined };
  const [stored] = await inTransaction(rt.pool, (client) => receiveInbound(pgSql(client), rt.boss, [inboundMessage(device, report)]));
  return stored!.messageId;
}
