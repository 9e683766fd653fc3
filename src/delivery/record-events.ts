import type { PgBoss } from 'pg-boss';
import type { Sql } from '../db/sql.ts';
import { uuidv7 } from '../ids.ts';
import { jobInsertSql } from '../jobs/pg-boss-sql.ts';
import { wakeWorkers } from '../jobs/queue-listener.ts';
import { deliverEventJob } from './deliver-job.ts';
import { DELIVERIES_PER_JOB } from './delivery-policy.ts';
import { routingOf, type EventPayloadOf, type StoredEvent } from '../events/event-payloads.ts';
import type { EventType } from '../generated/prisma/client.ts';

export type NewEvent<T extends EventType = EventType> = {
  workspaceId: number;
  type: T;
  payload: EventPayloadOf[T];
  /** Deliver to this target only (a test ping). */
  onlyTargetId?: string;
};

export function newEvent<T extends EventType>(workspaceId: number, type: T, payload: EventPayloadOf[T], onlyTargetId?: string): NewEvent<T> {
  return { workspaceId, type, payload, onlyTargetId };
}

/** The rows of `events` as FAN_OUT takes them (a JSON array), and the events as stored. */
export function eventRows(events: NewEvent[], now: Date): { stored: StoredEvent[]; json: string } {
  const stored = events.map((e) => ({ id: uuidv7(now.getTime()), workspaceId: e.workspaceId, type: e.type, payload: e.payload, createdAt: now }) as StoredEvent);
  const rows = stored.map((e, i) => {
    const r = routingOf(e);
    return {
      id: e.id,
      workspace_id: e.workspaceId,
      type: e.type,
      payload: e.payload,
      channel: r.channel,
      direction: r.direction,
      status: r.status,
      device_id: r.deviceId,
      message_id: r.messageId,
      target_id: events[i]!.onlyTargetId ?? null,
    };
  });
  return { stored, json: JSON.stringify(rows) };
}

/**
 * The transactional outbox, in one statement: the events, one delivery per matching target and
 * the jobs that carry them commit together with the caller's transaction, or alone outside one.
 * Deliveries to a disabled target are created parked (no job) and resume when it is enabled.
 */
export async function recordEvents(sql: Sql, boss: PgBoss, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const now = new Date();
  const { stored, json } = eventRows(events, now);
  const { rows } = await sql.query<{ queued: number }>(`WITH ${await fanOut(boss, '$1', '$2')} SELECT count(*)::int AS queued FROM delivery_jobs`, [json, now]);
  if (rows[0]!.queued > 0) await sql.afterCommit(wakeWorkers(deliverEventJob.name));
  return stored;
}

/**
 * FAN_OUT's CTEs (events from `events`, a JSON array of eventRows, at `now`), then `delivery_jobs`:
 * pg-boss' insert of the jobs for the enabled deliveries, DELIVERIES_PER_JOB each, returning one row per job.
 */
export async function fanOut(boss: PgBoss, events: string, now: string): Promise<string> {
  const insertJobs = await jobInsertSql(boss, deliverEventJob.name);
  const jobs = `SELECT json_agg(json_build_object('data', json_build_object('deliveries', items)))
    FROM (SELECT json_agg(json_build_array(id, 0)) AS items
            FROM (SELECT id, (row_number() OVER () - 1) / ${DELIVERIES_PER_JOB} AS job FROM new_deliveries WHERE enabled) d GROUP BY job) j`;
  return `${FAN_OUT.replace(/\$([12])\b/g, (_, n: string) => (n === '1' ? events : now))},
delivery_jobs AS (${insertJobs(jobs)} RETURNING 1)`;
}

/**
 * Events in, deliveries out: subscriptions whose event and seed 004 filters match, the workspace
 * webhook (seed 000: outbound statuses and inbound messages), live-chat integrations whose active
 * connection carried the message, Twilio-style callbacks (a message's StatusCallback for its status
 * changes, the workspace's twilioSmsUrl for inbound messages), and explicit single-target events.
 * CTEs to go after a WITH: $1 the events' JSON rows, $2 the time; `new_deliveries` returns the new ones.
 */
const FAN_OUT = `
e AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    id uuid, workspace_id int, type text, payload jsonb, channel text, direction text, status text, device_id char(24), message_id uuid,
    target_id char(24))
),
inserted AS (
  INSERT INTO events (id, workspace_id, type, payload, created_at)
  SELECT id, workspace_id, type::"EventType", payload, $2 FROM e
),
matches AS (
  SELECT e.id AS event_id, t.id AS target_id, e.workspace_id, t.enabled
    FROM e
    JOIN webhooks w ON w.workspace_id = e.workspace_id
    JOIN targets t ON t.id = w.target_id
   WHERE e.target_id IS NULL
     AND (w.event::text = e.type OR (w.event = 'ANY_EVENT' AND e.type <> 'PING') OR (w.event = 'MESSAGE_UPDATED_SMPP' AND e.type = 'MESSAGE_UPDATED'))
     AND (cardinality(w.channels) = 0 OR e.channel = ANY (w.channels::text[]))
     AND (cardinality(w.directions) = 0 OR e.direction = ANY (w.directions::text[]))
     AND (cardinality(w.statuses) = 0 OR e.status = ANY (w.statuses::text[]))
  UNION ALL
  SELECT e.id, t.id, e.workspace_id, t.enabled
    FROM e
    JOIN workspaces ws ON ws.id = e.workspace_id
    JOIN targets t ON t.id = ws.webhook_target_id
   WHERE e.target_id IS NULL
     AND ((e.type = 'MESSAGE_UPDATED' AND e.status IN ('SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED')) OR e.type = 'INCOMING_MESSAGE')
  UNION ALL
  SELECT e.id, t.id, e.workspace_id, t.enabled
    FROM e
    JOIN live_chat_connections c ON c.device_id = e.device_id AND c.status = 'ACTIVE'
    JOIN live_chat_integrations i ON i.id = c.integration_id AND i.status = 'ACTIVE'
    JOIN targets t ON t.id = i.target_id
   WHERE e.target_id IS NULL
     AND (e.type = 'ENDING_CONV' OR (e.type = 'INCOMING_MESSAGE'))
  UNION ALL
  SELECT e.id, t.id, e.workspace_id, t.enabled
    FROM e
    JOIN messages m ON m.id = e.message_id
    JOIN targets t ON t.id = m.status_callback_target_id
   WHERE e.target_id IS NULL AND e.type = 'MESSAGE_UPDATED'
  UNION ALL
  SELECT e.id, t.id, e.workspace_id, t.enabled
    FROM e
    JOIN workspaces ws ON ws.id = e.workspace_id
    JOIN targets t ON t.id = ws.twilio_sms_target_id
   WHERE e.target_id IS NULL AND e.type = 'INCOMING_MESSAGE'
  UNION ALL
  SELECT e.id, t.id, e.workspace_id, true
    FROM e JOIN targets t ON t.id = e.target_id
),
new_deliveries AS (
  INSERT INTO deliveries (event_id, target_id, workspace_id, status, next_attempt_at, created_at, updated_at)
  SELECT event_id, target_id, workspace_id, 'PENDING', CASE WHEN enabled THEN $2::timestamptz END, $2, $2 FROM matches
  RETURNING id, next_attempt_at IS NOT NULL AS enabled
)`;
