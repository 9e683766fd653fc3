import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { keyFromHeaders } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import { asciiUpperCase, checkContent, messageFields, toAcceptRequest } from '../messages/send-input.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { limitRequest } from './rate-limit-headers.ts';
import { readJson, sendJson } from './respond.ts';
import { headerValue } from './server.ts';

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

type WorkspaceRow = { id: number; legacyAuth: boolean };
const LOCATION_CACHE_MS = 5_000;

/** A location_id worth looking up: one that cannot be (a NUL, too long) is left to validation, after the key check. */
const lookupKey = (value: unknown): string | null => {
  const id = typeof value === 'string' ? value.trim() : '';
  return id && id.length <= MAX_LOCATION_ID && !id.includes('\u0000') ? id : null;
};

const invalid = (res: ServerResponse, details: { field: string; message: string }[]) => sendJson(res, 400, { error: 'Invalid payload', details });

/**
 * POST /webhook, seed 000 exactly: `location_id` routes to the workspace, `message_id` is the
 * idempotency key. 200 queued (the same answer again for a retry), 400 Invalid payload with
 * details, 401 without a valid key, 403 for another workspace's key, 409 for a reused message_id
 * with a different body, 429 with Retry-After.
 */
export function plainWebhookDoor(rt: Runtime) {
  const locations = new Map<string, { row: WorkspaceRow | null; until: number }>();
  const workspaceAt = async (locationId: string): Promise<WorkspaceRow | null> => {
    const cached = locations.get(locationId);
    if (cached && cached.until > Date.now()) return cached.row;
    const { rows } = await rt.pool.query<WorkspaceRow>('SELECT id, legacy_auth AS "legacyAuth" FROM workspaces WHERE location_id = $1', [locationId]);
    if (locations.size > 10_000) locations.clear();
    locations.set(locationId, { row: rows[0] ?? null, until: Date.now() + LOCATION_CACHE_MS });
    return rows[0] ?? null;
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    let raw: unknown;
    try {
      raw = await readJson(req);
    } catch (error) {
      if (error instanceof AppError) return invalid(res, error.details);
      throw error;
    }
    const key = keyFromHeaders((name) => headerValue(req, name));
    const viewer: Viewer | null = key ? await rt.keys.resolve(key) : null;
    if (key && !viewer) return sendJson(res, 401, { error: 'Invalid API key' });
    const locationId = lookupKey((raw as { location_id?: unknown } | null)?.location_id);
    const workspace = locationId ? await workspaceAt(locationId) : null;
    if (!viewer && !workspace?.legacyAuth) {
      return sendJson(res, 401, { error: 'Missing API key: send `Authorization: Bearer <key>`, `authorization: <key>` or `x-api-key: <key>`' });
    }
    await limitRequest(rt, res, viewer ? viewer.keyId : `location:${locationId}`, viewer?.rateLimitPerMinute ?? null);

    let body: z.output<typeof plainWebhookBody>;
    try {
      body = parseInput(plainWebhookBody, raw);
    } catch (error) {
      if (error instanceof AppError) return invalid(res, error.details);
      throw error;
    }
    if (!workspace) return invalid(res, [{ field: 'location_id', message: 'no workspace has this location id' }]);
    if (viewer?.kind === 'workspace' && viewer.workspaceId !== workspace.id) {
      return sendJson(res, 403, { error: 'This API key belongs to another workspace than location_id' });
    }
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
    if (result.ok) return sendJson(res, 200, { message: 'Message queued', messageId: result.messageId, delaySeconds: 0 });
    if (result.error.code === 'CONFLICT') return sendJson(res, 409, { error: 'Conflict', details: [{ field: 'message_id', message: result.error.message.replace(/^message_id: /, '') }] });
    if (result.error.code === 'BAD_USER_INPUT') return invalid(res, result.error.details.length ? result.error.details : [{ field: 'payload', message: result.error.message }]);
    throw result.error;
  };
}
