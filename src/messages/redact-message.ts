import type { Sql } from '../db/sql.ts';

/** What became of a request to redact or delete a message. */
export type ForgetResult = 'done' | 'not-found' | 'queued';

/**
 * Removes a message's text: from its row and from the copies its events carry (which deliveries
 * still to come are rendered from). A QUEUED message is refused: its text has not been sent yet.
 */
export async function redactMessage(sql: Sql, workspaceId: number, messageId: string): Promise<ForgetResult> {
  const { rows } = await sql.query<{ created_at: Date }>(
    `UPDATE messages SET content = NULL, updated_at = now() WHERE id = $1 AND workspace_id = $2 AND status <> 'QUEUED' RETURNING created_at`,
    [messageId, workspaceId],
  );
  if (!rows[0]) return whyNot(sql, workspaceId, messageId);
  await forgetContentInEvents(sql, workspaceId, messageId, rows[0].created_at);
  return 'done';
}

/** Why a message could not be changed: there is none (in this workspace), or it is still QUEUED. */
export async function whyNot(sql: Sql, workspaceId: number, messageId: string): Promise<ForgetResult> {
  const { rows } = await sql.query('SELECT 1 FROM messages WHERE id = $1 AND workspace_id = $2', [messageId, workspaceId]);
  return rows.length ? 'queued' : 'not-found';
}

/** Events about a message are written when it is, or later: that bounds the search. */
export async function forgetContentInEvents(sql: Sql, workspaceId: number, messageId: string, since: Date): Promise<void> {
  await sql.query(
    `UPDATE events SET payload = jsonb_set(payload, '{message,content}', 'null')
      WHERE workspace_id = $1 AND created_at >= $3 AND payload->'message'->>'id' = $2 AND payload->'message'->'content' <> 'null'`,
    [workspaceId, messageId, since],
  );
}
