import type { StoredEvent } from '../events/event-payloads.ts';
import type { Target, WebhookEvent } from '../generated/prisma/client.ts';
import type { BatchHandler, LoadWithFetch } from '../jobs/job-pump.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { openTarget, type OpenTarget } from '../targets/targets.ts';
import type { AttemptRecorder, Record } from './attempt-recorder.ts';
import type { DeliveryJob } from './deliver-job.ts';
import type { Semaphore, TargetLimiter } from './flow-control.ts';
import { dialectOf, renderRequest, type RenderedRequest } from './render.ts';
import { decide, deferDelayMs, type DeliveryPolicy } from './delivery-policy.ts';
import type { SendResult } from './send.ts';

type Row = {
  id: string;
  status: string;
  attemptCount: number;
  event: { id: string; workspaceId: number; type: StoredEvent['type']; payload: unknown; createdAt: Date };
  /** With the event its webhook subscribes to (none for the workspace webhook and live chat), and for a TWILIO target its workspace's account SID. */
  target: Target & { webhookEvent: WebhookEvent | null; accountSid: string | null };
};

type Deps = {
  policy: DeliveryPolicy;
  send: (r: RenderedRequest) => Promise<SendResult>;
  recorder: AttemptRecorder;
  limiter: TargetLimiter;
  slots: Semaphore;
};

/**
 * The delivery worker: for each delivery of each job, render the event for its target, send it,
 * and record the attempt and what follows (success, a retry at the next step of the schedule, or
 * the end). A job completes once every delivery it carries is recorded.
 */
export function deliverEvents(rt: Runtime, deps: Deps): BatchHandler<DeliveryJob> {
  return async (jobs, settle, loaded) => {
    const rows = deliveriesOf(loaded as Loaded);
    const opened = new Map<string, OpenTarget>();
    const targetOf = (row: Row) => {
      let target = opened.get(row.target.id);
      if (!target) opened.set(row.target.id, (target = openTarget(rt.secrets, row.target)));
      return target;
    };
    await Promise.all(
      jobs.map(async (job) => {
        // A job of one delivery is completed in the statement that records it: one round trip less.
        const completesJob = job.data.deliveries.length === 1 ? job.id : undefined;
        const outcomes = await Promise.all(
          job.data.deliveries.map(([id, attempt]) => deliverOne(rt, deps, rows.get(id), attempt, job.data.manual === true, targetOf, completesJob)),
        );
        if (!outcomes.every(Boolean)) settle(job, { failed: new Error('an attempt could not be recorded') });
        else settle(job, outcomes.includes('settled') ? 'settled' : 'completed');
      }),
    );
  };
}

/**
 * One delivery: false when its outcome could not be recorded (the job is then retried), 'settled'
 * when its record also completed the job (`completesJob`).
 */
async function deliverOne(
  rt: Runtime,
  deps: Deps,
  row: Row | undefined,
  attempt: number,
  manual: boolean,
  targetOf: (row: Row) => OpenTarget,
  completesJob: string | undefined,
): Promise<boolean | 'settled'> {
  // Deleted, already finished, or superseded by a newer job (a replay, a resumed target): nothing to send.
  if (!row || row.status !== 'PENDING' || row.attemptCount !== attempt) return true;
  const write = async (record: Record) => {
    const ok = await deps.recorder.write({ ...record, completesJob });
    return ok && completesJob ? ('settled' as const) : ok;
  };
  if (!row.target.enabled) return write({ kind: 'park', deliveryId: row.id, attempt });
  if (!(await deps.limiter.acquire(row.target.id))) {
    return write({ kind: 'defer', deliveryId: row.id, attempt, manual, startAfter: new Date(Date.now() + deferDelayMs()) });
  }
  await deps.slots.acquire();
  let record: Record;
  try {
    const target = targetOf(row);
    const number = row.attemptCount + 1;
    const request = renderRequest(row.event as StoredEvent, target, dialectOf(row.target.kind, row.target.webhookEvent), {
      attempt: number,
      now: new Date(),
      accountSid: row.target.accountSid ?? undefined,
    });
    const result = await deps.send(request);
    deps.limiter.observe(row.target.id, result.durationMs);
    record = attemptRecord(deps.policy, row, target, number, manual, request.url, result);
  } catch (error) {
    rt.log.error({ err: describeError(error), deliveryId: row.id }, 'delivery attempt failed unexpectedly');
    return false;
  } finally {
    // The slots are for requests in flight: released before the result is written.
    deps.slots.release();
    deps.limiter.release(row.target.id);
  }
  return write(record);
}

function attemptRecord(policy: DeliveryPolicy, row: Row, target: OpenTarget, number: number, manual: boolean, url: string, result: SendResult): Record {
  const outcome = decide(number, result, policy.retryScheduleSeconds, target.permanentStatusCodes);
  const delivery =
    outcome.kind === 'succeeded'
      ? { status: 'SUCCEEDED' as const, nextAttemptAt: null }
      : outcome.kind === 'retry'
        ? { status: 'PENDING' as const, nextAttemptAt: new Date(Date.now() + outcome.delaySeconds * 1000) }
        : { status: outcome.kind === 'dead' ? ('DEAD' as const) : ('FAILED' as const), nextAttemptAt: null };
  const failed = outcome.kind !== 'succeeded';
  const httpError = failed && result.statusCode !== null ? `HTTP ${result.statusCode}` : null;
  const reason = outcome.kind === 'failed' ? outcome.reason : null;
  return {
    kind: 'attempt',
    deliveryId: row.id,
    targetId: row.target.id,
    attempt: {
      number,
      manual,
      url,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      errorKind: result.errorKind ?? (failed ? 'HTTP_STATUS' : null),
      error: [result.error ?? httpError, reason].filter(Boolean).join('; ') || null,
      responseBody: result.responseBody,
    },
    delivery,
    target: outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'failed' && outcome.disableTarget ? 'gone' : 'failed',
  };
}

type Loaded = {
  deliveries: { id: string; status: string; attemptCount: number; eventId: string; targetId: string }[];
  events: (Omit<Row['event'], 'createdAt'> & { createdAt: string })[];
  targets: Row['target'][];
};

function deliveriesOf({ deliveries, events, targets }: Loaded): Map<string, Row> {
  const eventOf = new Map(events.map((e) => [e.id, { ...e, createdAt: new Date(e.createdAt) }]));
  const targetOf = new Map(targets.map((t) => [t.id, t]));
  const loaded = new Map<string, Row>();
  for (const d of deliveries) {
    const event = eventOf.get(d.eventId);
    const target = targetOf.get(d.targetId);
    if (event && target) loaded.set(d.id, { id: d.id, status: d.status, attemptCount: d.attemptCount, event, target });
  }
  return loaded;
}

// Deliveries of one batch share few events and targets (a fan-out is one event to many targets, a
// burst many events to one target): each event and target is sent and parsed once, not per row.
/** The deliveries the fetched jobs carry (`fetched`: jobs/job-pump.ts), with their events and targets, as one JSON value. */
export const DELIVERIES_OF_FETCHED = `
WITH d AS MATERIALIZED (
  SELECT id, status, attempt_count, event_id, target_id FROM deliveries
   -- An array, not IN (…): the planner cannot count the jobs' deliveries and would scan the table.
   WHERE id = ANY (ARRAY(SELECT (item->>0)::uuid FROM fetched f, jsonb_array_elements(f.data->'deliveries') AS item))
)
SELECT json_build_object(
  'deliveries', (SELECT coalesce(json_agg(json_build_object('id', d.id, 'status', d.status, 'attemptCount', d.attempt_count, 'eventId', d.event_id, 'targetId', d.target_id)), '[]')
     FROM d),
  'events', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'workspaceId', e.workspace_id, 'type', e.type, 'payload', e.payload, 'createdAt', e.created_at)), '[]')
     FROM events e WHERE e.id IN (SELECT event_id FROM d)),
  'targets', (SELECT coalesce(json_agg(json_build_object(
            'id', t.id, 'workspaceId', t.workspace_id, 'kind', t.kind, 'url', t.url, 'method', t.method,
            'queryParams', t.query_params, 'headers', t.headers, 'authType', t.auth_type, 'auth', t.auth,
            'bodyFields', t.body_fields, 'signingSecrets', t.signing_secrets, 'permanentStatusCodes', t.permanent_status_codes,
            'enabled', t.enabled, 'webhookEvent', w.event,
            'accountSid', CASE WHEN t.kind = 'TWILIO' THEN (SELECT account_sid FROM workspaces WHERE id = t.workspace_id) END)), '[]')
     FROM targets t LEFT JOIN webhooks w ON w.target_id = t.id WHERE t.id IN (SELECT target_id FROM d)))`;

/** Read with each fetch of delivery jobs: no round trip of its own. */
export const loadDeliveries: LoadWithFetch = () => ({ sql: DELIVERIES_OF_FETCHED, values: [] });
