import { z } from 'zod';
import { pgSql } from '../db/sql.ts';
import { AppError, badInput } from '../errors.ts';
import { asciiUpperCase, checkContent, messageFields, toAcceptRequest } from '../messages/send-input.ts';
import { workspaceAt } from '../workspaces/locations.ts';
import { parseInput } from '../validation/parse.ts';
import { apiCaller, details, headerOf, jsonBody, rateLimit, standardErrors, type Door, type ErrorAnswer } from './door.ts';
import { STATUS_OF } from './respond.ts';

const MAX_LOCATION_ID = 64;

/** Seed 000's body, with its field names, so every error names the field the caller sent. */
const plainWebhookBody = z
  .object({
    location_id: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(MAX_LOCATION_ID, `must be at most ${MAX_LOCATION_ID} characters`),
    user_id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().max(200, 'must be at most 200 characters')).nullish(),
    phone: z.string({ error: 'is required' }).pipe(messageFields.phone),
    message: z.string({ error: 'must be a string' }).nullish(),
    attachments: messageFields.attachments,
    message_id: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    channel: z
      .string({ error: 'is required' })
      .transform(asciiUpperCase)
      .pipe(z.enum(['SMS', 'WHATSAPP', 'IMESSAGE', 'RCS'], { error: 'must be one of sms, whatsapp, imessage, rcs' })),
  })
  .superRefine((v, ctx) => checkContent(ctx, v.channel, v.message, v.attachments, 'message'));

/** A location_id worth looking up: one that cannot be (a NUL, too long) is left to validation, after the key check. */
const lookupKey = (value: unknown): string | null => {
  const id = typeof value === 'string' ? value.trim() : '';
  return id && id.length <= MAX_LOCATION_ID && !id.includes('\u0000') ? id : null;
};

/** Seed 000's answers: 400 Invalid payload and 409 Conflict with details, 401/403 with an error. */
const plainWebhookErrors: ErrorAnswer = (error, call) => {
  if (!(error instanceof AppError)) return standardErrors(error, call);
  if (error.code === 'BAD_USER_INPUT') return { status: 400, json: { error: 'Invalid payload', details: details(error) } };
  if (error.code === 'CONFLICT') return { status: 409, json: { error: 'Conflict', details: [{ field: 'message_id', message: error.message.replace(/^message_id: /, '') }] } };
  if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') return { status: STATUS_OF[error.code], json: { error: error.message } };
  return standardErrors(error, call);
};

/**
 * POST /webhook, seed 000 exactly: `location_id` routes to the workspace, `message_id` is the
 * idempotency key. 200 queued (the same answer again for a retry), 400 Invalid payload with
 * details, 401 without a valid key, 403 for another workspace's key, 409 for a reused message_id
 * with a different body, 429 with Retry-After.
 */
export const plainWebhookDoor: Door = {
  method: 'POST',
  path: /^\/webhook\/?$/,
  errors: plainWebhookErrors,
  async handle(call) {
    const { rt } = call;
    const raw = await jsonBody(call);
    const { key, viewer } = await apiCaller(rt, headerOf(call.req));
    if (key && !viewer) throw new AppError('UNAUTHENTICATED', 'Invalid API key');
    const locationId = lookupKey((raw as { location_id?: unknown } | null)?.location_id);
    const workspace = locationId ? await workspaceAt(pgSql(rt.pool), locationId) : null;
    if (!viewer && !workspace?.legacyAuth) {
      throw new AppError('UNAUTHENTICATED', 'Missing API key: send `Authorization: Bearer <key>`, `authorization: <key>` or `x-api-key: <key>`');
    }
    await rateLimit(call, viewer ? viewer.keyId : `location:${locationId}`, viewer?.rateLimitPerMinute ?? null);
    const body = parseInput(plainWebhookBody, raw);
    if (!workspace) throw badInput('location_id', 'no workspace has this location id');
    if (viewer?.kind === 'workspace' && viewer.workspaceId !== workspace.id) throw new AppError('FORBIDDEN', 'This API key belongs to another workspace than location_id');
    const result = await rt.accept(
      toAcceptRequest(workspace.id, {
        channel: body.channel,
        phone: body.phone,
        message: body.message,
        attachments: body.attachments,
        messageId: body.message_id,
        userId: body.user_id,
      }),
    );
    if (!result.ok) throw result.error;
    return { status: 200, json: { message: 'Message queued', messageId: result.messageId, delaySeconds: 0 } };
  },
};
