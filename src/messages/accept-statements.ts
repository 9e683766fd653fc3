import type { PgBoss } from 'pg-boss';
import { ACTIVITY_RESOLUTION, clientColumns, conversationColumns } from '../conversations/contacts.ts';
import { fanOut } from '../delivery/record-events.ts';
import { DEVICE_COLUMNS } from '../devices/active-devices.ts';
import { jobInsertSql } from '../jobs/pg-boss-sql.ts';
import { sendMessageJob } from './send-job.ts';

/** Messages by (workspace, message_id): $1 workspace ids, $2 message_ids, pairwise. */
export const MESSAGES_BY_EXTERNAL_ID = `SELECT id, workspace_id, external_id, request_hash FROM messages
  WHERE (workspace_id, external_id) IN (SELECT * FROM unnest($1::int[], $2::text[]))`;

/**
 * Everything a batch of accepts decides from, in one round trip, as JSON: messages whose
 * message_id was used before ($3, $4), the active devices of the workspaces ($5), the contacts
 * that exist ($1, $2), and for each of them and each active device its open conversation and
 * latest activity (which device a contact talks with; WhatsApp's window). Conversations are found
 * by contact and device, the columns of their indexes: by contact alone, a plan made before
 * statistics exist scans them. Arrays, not JSON, come in: the planner counts an array's elements
 * (contacts.ts, UPSERT_CLIENTS).
 */
export const ACCEPT_READ = `
WITH known AS (
  SELECT ${clientColumns('c')} FROM clients c
   WHERE (c.workspace_id, c.phone) IN (SELECT * FROM unnest($1::int[], $2::text[]))
),
active AS (SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.status = 'ACTIVE' AND d.workspace_id = ANY($5::int[])),
pairs AS (SELECT k.id AS client_id, a.id AS device_id FROM known k JOIN active a ON a."workspaceId" = k."workspaceId")
SELECT
  (SELECT json_agg(json_build_object('id', m.id, 'workspaceId', m.workspace_id, 'externalId', m.external_id, 'requestHash', m.request_hash))
     FROM (${MESSAGES_BY_EXTERNAL_ID.replace('$1', '$3').replace('$2', '$4')}) m) AS seen,
  (SELECT json_agg(a ORDER BY a."activatedAt", a.id) FROM active a) AS devices,
  (SELECT json_agg(k) FROM known k) AS clients,
  (SELECT json_agg(o)
     FROM (SELECT ${conversationColumns('c')} FROM pairs p JOIN conversations c ON c.client_id = p.client_id AND c.device_id = p.device_id
            WHERE c.status = 'OPEN') o) AS open,
  (SELECT json_agg(x)
     FROM (SELECT p.client_id AS "clientId", p.device_id AS "deviceId", max(c.last_message_at) AS "lastMessageAt", max(c.last_inbound_at) AS "lastInboundAt"
             FROM pairs p JOIN conversations c ON c.client_id = p.client_id AND c.device_id = p.device_id GROUP BY p.client_id, p.device_id) x) AS activity`;

/**
 * The batch's whole write, in one statement (so one commit, before any answer): new clients and
 * conversations (ids chosen by the read's caller), activity times, the messages, their events with
 * deliveries and delivery jobs (record-events.ts), and the send jobs. If a concurrent request
 * created one of those clients, conversations or message_ids after the read, fewer rows than
 * expected ($14) went in: the guard divides by zero, which undoes the whole statement (RACED), and
 * the caller reads again.
 */
export async function acceptWrite(boss: PgBoss): Promise<string> {
  const insertSendJobs = await jobInsertSql(boss, sendMessageJob.name);
  return `
WITH new_clients AS (
  INSERT INTO clients (id, workspace_id, phone, created_at, patched_at)
  SELECT id, workspace_id, phone, $1, $1 FROM unnest($2::char(24)[], $3::int[], $4::text[]) AS x(id, workspace_id, phone)
  ON CONFLICT (workspace_id, phone) DO NOTHING
  RETURNING 1
),
new_conversations AS (
  INSERT INTO conversations (id, workspace_id, client_id, device_id, channel, status, last_message_at, created_at)
  SELECT id, workspace_id, client_id, device_id, channel::"Channel", 'OPEN', $1, $1
    FROM unnest($5::char(24)[], $6::int[], $7::char(24)[], $8::char(24)[], $9::text[]) AS x(id, workspace_id, client_id, device_id, channel)
  ON CONFLICT (client_id, device_id) WHERE status = 'OPEN' DO NOTHING
  RETURNING 1
),
touched AS (
  UPDATE conversations SET last_message_at = $1
   WHERE id = ANY($10::char(24)[]) AND status = 'OPEN' AND last_message_at < $1::timestamptz - interval '${ACTIVITY_RESOLUTION}'
),
new_messages AS (
  INSERT INTO messages (id, workspace_id, conversation_id, client_id, device_id, direction, channel, type, content, attachments,
                        external_id, request_hash, user_id, is_agent, status, segments, encoding, status_callback_target_id, created_at, updated_at)
  SELECT id, workspace_id, conversation_id, client_id, device_id, 'OUTBOUND', channel::"Channel", type::"MessageType", content, attachments,
         external_id, request_hash, user_id, is_agent, 'QUEUED', segments, encoding, status_callback_target_id, $1, $1
    FROM jsonb_to_recordset($11::jsonb) AS x(id uuid, workspace_id int, conversation_id text, client_id text, device_id text, channel text,
         type text, content text, attachments text[], external_id text, request_hash text, user_id text, is_agent boolean, segments int, encoding text,
         status_callback_target_id text)
  ON CONFLICT (workspace_id, external_id) DO NOTHING
  RETURNING 1
),
${await fanOut(boss, '$12', '$1')},
send_jobs AS (${insertSendJobs('$13')})
SELECT 1 / (CASE WHEN ARRAY[(SELECT count(*) FROM new_clients), (SELECT count(*) FROM new_conversations), (SELECT count(*) FROM new_messages)]::int[] = $14::int[]
                 THEN 1 ELSE 0 END) AS guard,
       (SELECT count(*)::int FROM delivery_jobs) AS "deliveryJobs"`;
}
