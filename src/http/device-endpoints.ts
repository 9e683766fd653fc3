import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { keyFromHeaders } from '../auth/authenticate.ts';
import { sha256 } from '../crypto/tokens.ts';
import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { AppError, notFound } from '../errors.ts';
import { MessageType } from '../generated/prisma/enums.ts';
import { applyStatusUpdates } from '../messages/apply-status-updates.ts';
import { MAX_ATTACHMENTS } from '../messages/message-rules.ts';
import { asciiUpperCase, contentOf, isBlank, NOTHING_TO_SEND } from '../messages/send-input.ts';
import { inboundMessage, receiveInbound, type InboundMessage } from '../messages/receive-inbound.ts';
import { parseInput } from '../validation/parse.ts';
import { e164, httpUrl } from '../validation/rules.ts';
import { headerOf, jsonBody, rateLimit, type Door, type DoorCall } from './door.ts';

/**
 * How far back a device may date what it reports: a device that was offline for a while (a phone
 * without signal, a gateway down for maintenance) sends what happened meanwhile, and SMS delivery
 * reports can come days after the send.
 */
const MAX_REPORT_AGE_DAYS = 30;
/** How far ahead of ours a device's clock may be. */
const MAX_CLOCK_AHEAD_MINUTES = 5;

/** When something happened on the device: a real time, within the window above (1970 or 9999 is a broken clock). */
const reportedAt = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .transform((s) => new Date(s))
  .refine(
    (at) => at.getTime() >= Date.now() - MAX_REPORT_AGE_DAYS * 86_400_000 && at.getTime() <= Date.now() + MAX_CLOCK_AHEAD_MINUTES * 60_000,
    `must be within the last ${MAX_REPORT_AGE_DAYS} days and at most ${MAX_CLOCK_AHEAD_MINUTES} minutes ahead of the server's clock`,
  )
  .nullish();

const inboundBody = z
  .object({
    from: e164,
    message: z.string().max(20_000, 'must be at most 20000 characters').nullish(),
    attachments: z.array(httpUrl).max(MAX_ATTACHMENTS, `must have at most ${MAX_ATTACHMENTS} URLs`).nullish(),
    type: z.string().transform(asciiUpperCase).pipe(z.enum(MessageType, { error: 'must be a message type like text or image' })).nullish(),
    id: z.string().trim().min(1).max(200).nullish(),
    timestamp: reportedAt,
  })
  .refine((v) => !isBlank(v.message) || v.attachments?.length, { path: ['message'], message: NOTHING_TO_SEND });

const statusBody = z
  .object({
    providerMessageId: z.string().trim().min(1).max(200).nullish(),
    messageId: z.uuid({ error: 'must be a Switchboard message id' }).nullish(),
    status: z
      .string()
      .transform(asciiUpperCase)
      .pipe(z.enum(['SENT', 'DELIVERED', 'READ', 'FAILED', 'UNDELIVERED'], { error: 'must be one of sent, delivered, read, failed, undelivered' })),
    rawStatus: z.string().max(200).nullish(),
    errorCode: z.string().max(200).nullish(),
    error: z.string().max(1000).nullish(),
    eventId: z.string().max(200).nullish(),
    timestamp: reportedAt,
  })
  .refine((v) => v.providerMessageId || v.messageId, { path: ['providerMessageId'], message: 'providerMessageId or messageId is required' });

/** The device a request is for, when its own token (`Authorization: Bearer <token>`) says so; rate-limited per device. */
async function deviceCaller(call: DoorCall): Promise<InboundMessage['device']> {
  const token = keyFromHeaders(headerOf(call.req));
  if (!token) throw new AppError('UNAUTHENTICATED', "Send the device's token as `Authorization: Bearer <token>`");
  const { rows } = await call.rt.pool.query<InboundMessage['device'] & { tokenHash: string }>(
    `SELECT id, workspace_id AS "workspaceId", channel, address, integration_type AS "integrationType", token_hash AS "tokenHash" FROM devices WHERE id = $1`,
    [call.params.id],
  );
  const device = rows[0];
  if (!device || !timingSafeEqual(Buffer.from(device.tokenHash), Buffer.from(sha256(token)))) {
    throw new AppError('UNAUTHENTICATED', 'Unknown device or wrong device token');
  }
  await rateLimit(call, `device:${device.id}`, null);
  return device;
}

/**
 * The generic device door: a device (an Android SIM gateway, a bridge) posts what it received and
 * what became of what it sent, authenticated by its own token.
 */
export const deviceInboundDoor: Door = {
  method: 'POST',
  path: /^\/devices\/(?<id>[^/]+)\/inbound$/,
  async handle(call) {
    const device = await deviceCaller(call);
    const body = parseInput(inboundBody, await jsonBody(call));
    const report = { from: body.from, content: contentOf(body.message), attachments: body.attachments ?? [], type: body.type ?? undefined, providerMessageId: body.id, at: body.timestamp ?? undefined };
    const [stored] = await inTransaction(call.rt.pool, (client) => receiveInbound(pgSql(client), call.rt.boss, [inboundMessage(device, report)]));
    return { status: stored!.duplicate ? 200 : 201, json: stored };
  },
};

/** A status report matching no message yet answers 404, so the device can send it again. */
export const deviceStatusDoor: Door = {
  method: 'POST',
  path: /^\/devices\/(?<id>[^/]+)\/status$/,
  async handle(call) {
    const device = await deviceCaller(call);
    const body = parseInput(statusBody, await jsonBody(call));
    const matched = await inTransaction(call.rt.pool, (client) =>
      applyStatusUpdates(pgSql(client), call.rt.boss, [
        {
          deviceId: device.id,
          messageId: body.messageId ?? undefined,
          providerMessageId: body.providerMessageId ?? null,
          status: body.status,
          rawStatus: body.rawStatus ?? null,
          errorCode: body.errorCode ?? null,
          error: body.error ?? null,
          eventId: body.eventId ?? null,
          at: body.timestamp ?? new Date(),
        },
      ]),
    );
    if (!matched) throw notFound('Message');
    return { status: 200, json: { accepted: true } };
  },
};
