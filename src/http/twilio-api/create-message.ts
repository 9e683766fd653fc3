import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { inTransaction } from '../../db/pool.ts';
import { pgSql } from '../../db/sql.ts';
import type { AppError } from '../../errors.ts';
import type { Channel } from '../../generated/prisma/client.ts';
import { SessionWindowError } from '../../messages/accept-request.ts';
import { MAX_ATTACHMENTS, MAX_TEXT } from '../../messages/message-rules.ts';
import { isBlank, toAcceptRequest } from '../../messages/send-input.ts';
import { parseTwilioAddress } from '../../events/twilio-message.ts';
import type { Runtime } from '../../runtime.ts';
import { twilioCallbackUrl } from '../../targets/target-config.ts';
import { assertPublicUrl } from '../../targets/public-url.ts';
import { twilioTarget } from '../../delivery/twilio-targets.ts';
import { e164, httpUrl } from '../../validation/rules.ts';
import { findMessage, type MessageRow } from './message-resource.ts';
import type { TwilioCaller } from './twilio-auth.ts';
import { invalid, TWILIO_CODE as CODE } from './twilio-errors.ts';
import { all, one } from './twilio-params.ts';

type Address = { channel: Channel; address: string };

/**
 * `POST Messages.json`: Twilio's form (To, From or MessagingServiceSid, Body, MediaUrl,
 * StatusCallback) through the accept path every door uses. `From` picks the workspace's active
 * device with that address on its channel; without it the workspace's device for the channel is
 * used, as for any other door. A StatusCallback gets the message's status changes, signed with the
 * key this request authenticated with.
 */
export async function createMessage(rt: Runtime, caller: TwilioCaller, params: TwilioParams): Promise<MessageRow> {
  refuseUnsupported(params);
  const to = recipient(one(params, 'To'));
  const from = sender(one(params, 'From'));
  if (from && from.channel !== to.channel) {
    throw invalid(CODE.CHANNEL_MISMATCH, `Invalid From and To pair: From is on ${from.channel.toLowerCase()}, To on ${to.channel.toLowerCase()}; give both the same channel prefix`);
  }
  const body = one(params, 'Body') ?? null;
  const media = mediaUrls(all(params, 'MediaUrl'));
  checkBody(to.channel, body, media);
  const statusCallback = statusCallbackUrl(rt, one(params, 'StatusCallback'));

  const deviceId = from ? await senderDevice(rt, caller.workspaceId, from) : undefined;
  const statusCallbackTargetId = statusCallback
    ? await inTransaction(rt.pool, (client) => twilioTarget(pgSql(client), rt.boss, rt.secrets, caller, statusCallback))
    : undefined;
  const request = toAcceptRequest(caller.workspaceId, { channel: to.channel, phone: to.address, message: body, attachments: media }, deviceId);
  const result = await rt.accept({ ...request, ...(statusCallbackTargetId ? { statusCallbackTargetId } : {}) });
  if (!result.ok) throw refusal(result.error, from, one(params, 'MessagingServiceSid'));
  return (await findMessage(pgSql(rt.pool), caller.workspaceId, result.messageId))!;
}

/** Content templates and scheduling have no counterpart in Switchboard: refused, never ignored. */
function refuseUnsupported(params: TwilioParams) {
  if (one(params, 'ContentSid') !== undefined) {
    throw invalid(CODE.INVALID_CONTENT_SID, 'ContentSid: Switchboard has no Content Templates; send the text as Body (and media as MediaUrl)');
  }
  if (one(params, 'ContentVariables') !== undefined) throw invalid(CODE.CONTENT_SID_REQUIRED, 'ContentVariables: needs a ContentSid, and Switchboard has no Content Templates');
  for (const name of ['ScheduleType', 'SendAt']) {
    if (one(params, name) !== undefined) throw invalid(CODE.BAD_REQUEST, `${name}: Switchboard does not schedule messages; send the message when it is due`);
  }
}

function recipient(value: string | undefined): Address {
  if (!value?.trim()) throw invalid(CODE.TO_REQUIRED, "A 'To' phone number is required (send the parameters form-encoded)");
  const to = parseTwilioAddress(value.trim());
  if (!to || !e164.safeParse(to.address).success) {
    throw invalid(CODE.INVALID_TO, `The 'To' number ${value} is not a valid phone number: give it in E.164 (+14155552671), with whatsapp:, rcs: or imessage: for those channels`);
  }
  return to;
}

function sender(value: string | undefined): Address | null {
  if (value === undefined || value === '') return null;
  const from = parseTwilioAddress(value.trim());
  if (!from || !from.address || from.address.length > 100) {
    throw invalid(CODE.INVALID_FROM, `The 'From' number ${value} is not a valid phone number, shortcode, or alphanumeric sender ID`);
  }
  return from;
}

function mediaUrls(urls: string[]): string[] {
  if (urls.length > MAX_ATTACHMENTS) throw invalid(CODE.TOO_MANY_MEDIA, `MediaUrl: at most ${MAX_ATTACHMENTS} media per message, not ${urls.length}`);
  const bad = urls.find((url) => !httpUrl.safeParse(url).success);
  if (bad !== undefined) throw invalid(CODE.INVALID_MEDIA_URL, `MediaUrl: ${bad} is not an http or https URL`);
  return urls.map((url) => url.trim());
}

function checkBody(channel: Channel, body: string | null, media: string[]) {
  if (isBlank(body) && !media.length) throw invalid(CODE.BODY_REQUIRED, 'Message body is required: give Body, MediaUrl, or both');
  const max = MAX_TEXT[channel];
  if (body && body.length > max) throw invalid(CODE.BODY_TOO_LONG, `Body: at most ${max} characters on ${channel.toLowerCase()}, not ${body.length}`);
}

function statusCallbackUrl(rt: Runtime, value: string | undefined): string | null {
  if (!value) return null;
  const parsed = twilioCallbackUrl.safeParse(value);
  if (!parsed.success) throw invalid(CODE.INVALID_STATUS_CALLBACK, `StatusCallback: ${parsed.error.issues[0]!.message}`);
  try {
    assertPublicUrl(parsed.data, rt.config.allowPrivateTargets, 'StatusCallback');
  } catch (error) {
    throw invalid(CODE.INVALID_STATUS_CALLBACK, (error as AppError).message);
  }
  return parsed.data;
}

/** The workspace's active device with the From address on its channel. */
async function senderDevice(rt: Runtime, workspaceId: number, from: Address): Promise<string> {
  const { rows } = await pgSql(rt.pool).query<{ id: string }>(
    `SELECT id FROM devices WHERE workspace_id = $1 AND channel = $2::"Channel" AND address = $3 AND status = 'ACTIVE'`,
    [workspaceId, from.channel, from.address],
  );
  if (!rows[0]) {
    throw invalid(CODE.FROM_NOT_OURS, `The 'From' ${from.address} is not an active ${from.channel.toLowerCase()} device of this account; activate it, or leave From out to use the account's`);
  }
  return rows[0].id;
}

/** Why the accept path refused, in Twilio's codes. */
function refusal(error: AppError, from: Address | null, messagingServiceSid: string | undefined) {
  if (error instanceof SessionWindowError) {
    return invalid(CODE.OUTSIDE_WINDOW, "Failed to send freeform message because you are outside the allowed window (WhatsApp's 24 hours since the contact's last message)");
  }
  if (error.details[0]?.field === 'channel') {
    const message = `${error.details[0].message} (give From to choose a device)`;
    return invalid(from ? CODE.FROM_NOT_OURS : messagingServiceSid ? CODE.SERVICE_HAS_NO_SENDERS : CODE.FROM_REQUIRED, message);
  }
  return invalid(CODE.BAD_REQUEST, error.message);
}
