import type { PgBoss } from 'pg-boss';
import { inTransaction } from '../db/pool.ts';
import { pgSql, type Sql } from '../db/sql.ts';
import { newEvent, recordEvents } from '../delivery/record-events.ts';
import { clientSnapshot, conversationSnapshot, deviceSnapshot, messageSnapshot } from '../events/snapshots.ts';
import { scheduledJob } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';
import { CLIENT_COLUMNS, conversationColumns } from './contacts.ts';

type Ended = Parameters<typeof conversationSnapshot>[0] & {
  workspaceId: number;
  locationId: string;
  client: Parameters<typeof clientSnapshot>[0];
  device: Parameters<typeof deviceSnapshot>[0];
  lastMessage: Parameters<typeof messageSnapshot>[0] | null;
};

/**
 * Ends open conversations matching `where` (SQL over `c`) and emits ENDING_CONV for each, with
 * the conversation's last message. Live-chat integrations receive it as `END`.
 */
export async function endWhere(sql: Sql, boss: PgBoss, where: string, values: unknown[], reason: string): Promise<string[]> {
  const { rows } = await sql.query<Ended>(
    `WITH ended AS (
       UPDATE conversations c SET status = 'ENDED', ended_at = now(), end_reason = $${values.length + 1}
        WHERE c.status = 'OPEN' AND ${where}
        RETURNING c.*
     )
     SELECT ${conversationColumns('e')}, w.location_id AS "locationId",
            (SELECT row_to_json(x) FROM (SELECT ${CLIENT_COLUMNS} FROM clients WHERE clients.id = e.client_id) x) AS client,
            json_build_object('id', d.id, 'channel', d.channel, 'address', d.address, 'integrationType', d.integration_type) AS device,
            (SELECT json_build_object('id', m.id, 'externalId', m.external_id, 'direction', m.direction, 'channel', m.channel, 'type', m.type,
                    'content', m.content, 'attachments', m.attachments, 'status', m.status, 'rawStatus', m.raw_status, 'errorCode', m.error_code,
                    'error', m.error, 'userId', m.user_id, 'isAgent', m.is_agent, 'providerMessageId', m.provider_message_id,
                    'providerConversationId', m.provider_conversation_id, 'createdAt', m.created_at)
               FROM messages m WHERE m.conversation_id = e.id ORDER BY m.id DESC LIMIT 1) AS "lastMessage"
       FROM ended e JOIN workspaces w ON w.id = e.workspace_id JOIN devices d ON d.id = e.device_id`,
    [...values, reason],
  );
  await recordEvents(
    sql,
    boss,
    rows.map((c) =>
      newEvent(c.workspaceId, 'ENDING_CONV', {
        workspace: { id: c.workspaceId, locationId: c.locationId },
        conversation: conversationSnapshot(c),
        client: clientSnapshot(c.client),
        device: deviceSnapshot(c.device),
        message: c.lastMessage ? messageSnapshot(c.lastMessage) : null,
      }),
    ),
  );
  return rows.map((r) => r.id);
}

/** The scheduled job: ends conversations idle for SWITCHBOARD_CONVERSATION_IDLE_MINUTES, in batches. */
export async function endIdleConversations(rt: Runtime, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - rt.config.conversationIdleMs);
  let total = 0;
  for (;;) {
    const ended = await inTransaction(rt.pool, (client) =>
      endWhere(
        pgSql(client),
        rt.boss,
        `c.id IN (SELECT id FROM conversations WHERE status = 'OPEN' AND last_message_at < $1 ORDER BY last_message_at LIMIT 500 FOR UPDATE SKIP LOCKED)`,
        [cutoff],
        'idle',
      ),
    );
    total += ended.length;
    if (ended.length < 500) return total;
  }
}

/** Every minute: conversations idle for SWITCHBOARD_CONVERSATION_IDLE_MINUTES end (ENDING_CONV). */
export const endIdleConversationsJob = scheduledJob<Runtime>({
  name: 'conversation-end-idle',
  cron: '* * * * *',
  expireInSeconds: 300,
  run: async (rt) => void (await endIdleConversations(rt)),
});
