import { createHash } from 'node:crypto';
import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { inTransaction } from '../../db/pool.ts';
import { pgSql, type Sql } from '../../db/sql.ts';
import { mediaIdOfLink } from '../../media/media-links.ts';
import { deleteMessage } from '../../messages/delete-message.ts';
import { redactMessage, type ForgetResult } from '../../messages/redact-message.ts';
import { messageIdOfSid, messageSid, rfc2822 } from '../../events/twilio-message.ts';
import type { Runtime } from '../../runtime.ts';
import { findMessage, messageUri, type MessageRow } from './message-resource.ts';
import { invalid, notFoundAt, TwilioError, TWILIO_CODE as CODE } from './twilio-errors.ts';
import { one } from './twilio-params.ts';

/** Where a request points: the workspace, its account SID, the SID in the path, and the path (for a 404's message). */
export type MessageRef = { workspaceId: number; accountSid: string; sid: string; path: string };

/** The message a SID names in this workspace; 20404 otherwise. */
export async function messageAt(rt: Runtime, ref: MessageRef): Promise<MessageRow> {
  const id = messageIdOfSid(ref.sid);
  const found = id ? await findMessage(pgSql(rt.pool), ref.workspaceId, id) : null;
  if (!found) throw notFoundAt(ref.path);
  return found;
}

/**
 * `POST Messages/{Sid}.json`: `Body=""` redacts the text (once the message left its queue, as
 * Twilio redacts post-flight messages). Switchboard has no scheduling, so `Status=canceled` has
 * nothing to cancel; any other Body is refused. Without either, the message is answered as it is.
 */
export async function updateMessage(rt: Runtime, ref: MessageRef, params: TwilioParams): Promise<MessageRow> {
  const status = one(params, 'Status');
  if (status === 'canceled') throw invalid(CODE.CANNOT_CANCEL, 'This message cannot be canceled: only scheduled messages can, and Switchboard does not schedule');
  if (status !== undefined) throw invalid(CODE.INVALID_UPDATE, 'Status: the only value is canceled');
  const body = one(params, 'Body');
  if (body !== undefined && body !== '') throw invalid(CODE.INVALID_UPDATE, 'Body: a sent message cannot be changed; only an empty Body is accepted, which redacts it');
  const message = await messageAt(rt, ref);
  if (body === '') await forget(rt, ref, message, redactMessage);
  return (await findMessage(pgSql(rt.pool), ref.workspaceId, message.id))!;
}

/** `DELETE Messages/{Sid}.json`: the message and the media Switchboard kept for it. */
export async function removeMessage(rt: Runtime, ref: MessageRef): Promise<void> {
  await forget(rt, ref, await messageAt(rt, ref), deleteMessage);
}

async function forget(rt: Runtime, ref: MessageRef, message: MessageRow, how: (sql: Sql, workspaceId: number, id: string) => Promise<ForgetResult>) {
  const result = await inTransaction(rt.pool, (client) => how(pgSql(client), ref.workspaceId, message.id));
  if (result === 'not-found') throw notFoundAt(ref.path);
  if (result === 'queued') throw new TwilioError(400, CODE.NOT_COMPLETE, 'Cannot delete or redact this resource before it is complete: the message is still queued');
}

/**
 * The message's media as Twilio's Media resources: one per MediaUrl (or, for a contact's message,
 * per link to the media Switchboard keeps), each with a stable `ME` SID. Its content is at its URI
 * without `.json`, which redirects to the media itself.
 */
async function mediaOf(rt: Runtime, ref: MessageRef, message: MessageRow) {
  const parentSid = messageSid(message.id, message.attachments.length);
  const kept = message.attachments.map(mediaIdOfLink).filter((id) => id !== null);
  const { rows } = kept.length
    ? await pgSql(rt.pool).query<{ id: string; content_type: string | null }>('SELECT id, content_type FROM media WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [ref.workspaceId, kept])
    : { rows: [] };
  const contentTypes = new Map(rows.map((r) => [r.id, r.content_type]));
  return message.attachments.map((url, i) => {
    const sid = `ME${createHash('sha256').update(`${message.id}:${i}`).digest('hex').slice(0, 32)}`;
    const keptId = mediaIdOfLink(url);
    return {
      url,
      resource: {
        account_sid: ref.accountSid,
        content_type: (keptId && contentTypes.get(keptId)) ?? null,
        date_created: rfc2822(message.createdAt),
        date_updated: rfc2822(message.createdAt),
        parent_sid: parentSid,
        sid,
        uri: `${messageUri(ref.accountSid, parentSid)}/Media/${sid}.json`,
      },
    };
  });
}

/** `GET Messages/{Sid}/Media.json`: every medium on one page. */
export async function mediaList(rt: Runtime, ref: MessageRef) {
  const message = await messageAt(rt, ref);
  const media = await mediaOf(rt, ref, message);
  const uri = `${messageUri(ref.accountSid, messageSid(message.id, message.attachments.length))}/Media.json?PageSize=50&Page=0`;
  return {
    first_page_uri: uri,
    end: Math.max(media.length - 1, 0),
    media_list: media.map((m) => m.resource),
    next_page_uri: null,
    page: 0,
    page_size: 50,
    previous_page_uri: null,
    start: 0,
    uri,
  };
}

/** One medium by its SID: its resource, or (`content`) its URL to redirect to. */
export async function mediumAt(rt: Runtime, ref: MessageRef, mediaSid: string) {
  const found = (await mediaOf(rt, ref, await messageAt(rt, ref))).find((m) => m.resource.sid === mediaSid);
  if (!found) throw notFoundAt(ref.path);
  return found;
}
