import type { Sql } from '../db/sql.ts';
import { mediaIdOfLink } from '../media/media-links.ts';
import { forgetContentInEvents, whyNot, type ForgetResult } from './redact-message.ts';

/**
 * Deletes a message with the media Switchboard kept for it, and removes its text from its events'
 * copies (the events stay: they record that it was sent). A QUEUED message is refused, as Twilio
 * refuses to delete one still being sent.
 */
export async function deleteMessage(sql: Sql, workspaceId: number, messageId: string): Promise<ForgetResult> {
  const { rows } = await sql.query<{ created_at: Date; attachments: string[] }>(
    `DELETE FROM messages WHERE id = $1 AND workspace_id = $2 AND status <> 'QUEUED' RETURNING created_at, attachments`,
    [messageId, workspaceId],
  );
  if (!rows[0]) return whyNot(sql, workspaceId, messageId);
  const mediaIds = rows[0].attachments.map(mediaIdOfLink).filter((id) => id !== null);
  if (mediaIds.length) await sql.query('DELETE FROM media WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, mediaIds]);
  await forgetContentInEvents(sql, workspaceId, messageId, rows[0].created_at);
  return 'done';
}
