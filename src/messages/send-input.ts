import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Channel, MessageType } from '../generated/prisma/enums.ts';
import { e164, httpUrl } from '../validation/rules.ts';
import type { AcceptRequest } from './accept-request.ts';
import { inferType, MAX_ATTACHMENTS, MAX_TEXT } from './message-rules.ts';

/** Message fields shared by every door, each failure naming the field and the rule. */
export const messageFields = {
  phone: e164,
  attachments: z.array(httpUrl, { error: 'must be a list of http or https URLs' }).max(MAX_ATTACHMENTS, `must have at most ${MAX_ATTACHMENTS} URLs`).nullish(),
  userId: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
};

/** Upper-cases ASCII letters only, for names sent in any case ("sms", "Sms"): Unicode case mapping would also turn "ſms" into SMS. */
export const asciiUpperCase = (s: string) => s.replace(/[a-z]+/g, (letters) => letters.toUpperCase());

/** Text that is only white space says nothing: it counts as no text. */
export const isBlank = (text: string | null | undefined): boolean => !text?.trim();

/** The text to store: none for blank text. */
export const contentOf = (text: string | null | undefined): string | null => (isBlank(text) ? null : text!);

export const NOTHING_TO_SEND = 'must not be empty or blank (or give attachments)';

/** Checks the text against its channel's limit and that there is something to send. */
export function checkContent(
  ctx: z.RefinementCtx,
  channel: Channel,
  text: string | null | undefined,
  attachments: string[] | null | undefined,
  field: string,
) {
  const max = MAX_TEXT[channel];
  if (text && text.length > max) ctx.addIssue({ code: 'custom', path: [field], message: `must be at most ${max} characters on ${channel}` });
  if (isBlank(text) && !attachments?.length) ctx.addIssue({ code: 'custom', path: [field], message: NOTHING_TO_SEND });
}

export const sendMessageInput = z
  .object({
    workspaceId: z.number().int().nullish(),
    channel: z.enum(Channel),
    message: z.string().nullish(),
    messageId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish(),
    type: z.enum(MessageType).nullish(),
    isAgent: z.boolean().nullish(),
    ...messageFields,
  })
  .superRefine((v, ctx) => checkContent(ctx, v.channel, v.message, v.attachments, 'message'));

/** What a retry with the same message_id must repeat: everything that changes what is sent. */
export function requestHash(r: Pick<AcceptRequest, 'channel' | 'phone' | 'content' | 'attachments' | 'type' | 'userId' | 'deviceId'>): string {
  return createHash('sha256')
    .update(JSON.stringify([r.channel, r.phone, r.content, r.attachments, r.type, r.userId, r.deviceId ?? null]))
    .digest('hex');
}

export function toAcceptRequest(
  workspaceId: number,
  v: { channel: Channel; phone: string; message?: string | null; attachments?: string[] | null; messageId?: string | null; userId?: string | null; type?: MessageType | null; isAgent?: boolean | null },
  deviceId?: string,
): AcceptRequest {
  const attachments = v.attachments ?? [];
  const base = {
    workspaceId,
    channel: v.channel,
    phone: v.phone,
    content: contentOf(v.message),
    attachments,
    type: v.type ?? inferType(attachments),
    externalId: v.messageId ?? null,
    userId: v.userId ?? null,
    isAgent: v.isAgent ?? true,
    ...(deviceId ? { deviceId } : {}),
  };
  return { ...base, requestHash: requestHash(base) };
}
