import type { Job } from 'pg-boss';
import type { StoredEvent } from '../events/event-payloads.ts';
import type { Target, WebhookEvent } from '../generated/prisma/client.ts';
import type { BatchHandler } from '../jobs/job-pump.ts';
import { describeError } from '../log.ts';
import type { Runtime } from '../runtime.ts';
import { openTarget, type OpenTarget } from '../targets/targets.ts';
import type { AttemptRecorder, DeliveryJob } from './attempt-recorder.ts';
import { dialectOf, renderRequest } from './render.ts';
import { decide } from './retry-policy.ts';
import type { SendResult } from './send.ts';

type Row = {
  id: string;
  status: string;
  attemptCount: number;
  event: { id: string; workspaceId: number; type: StoredEvent['type']; payload: unknown; createdAt: Date };
  target: Target;
  webhookEvent: WebhookEvent | null;
};

/** Caps one target's requests in flight in this process, so a slow target cannot take every slot. */
export class TargetLimiter {
  readonly #inFlight = new Map<string, number>();
  readonly #cap: number;
  constructor(cap: number) {
    this.#cap = cap;
  }
  tryAcquire(targetId: string): boolean {
    const n = this.#inFlight.get(targetId) ?? 0;
    if (n >= this.#cap) return false;
    this.#inFlight.set(targetId, n + 1);
    return true;
  }
  release(targetId: string): void {
    const n = (this.#inFlight.get(targetId) ?? 1) - 1;
    if (n <= 0) this.#inFlight.delete(targetId);
    else this.#inFlight.set(targetId, n);
  }
}

/**
 * The delivery worker: for each job, render the event for its target, send it, and record the
 * attempt and what follows (success, a retry at the next step of the schedule, or the end).
 */
export function deliverEvents(
  rt: Runtime,
  deps: { send: (r: ReturnType<typeof renderRequest>) => Promise<SendResult>; recorder: AttemptRecorder; limiter: TargetLimiter },
): BatchHandler<DeliveryJob> {
  return async (jobs, settle) => {
    const rows = await loadDeliveries(rt, jobs.map((j) => j.data.deliveryId));
    const opened = new Map<string, OpenTarget>();
    const write = async (job: Job<DeliveryJob>, record: Parameters<AttemptRecorder['write']>[0]) =>
      settle(job, (await deps.recorder.write(record)) ? 'settled' : { failed: new Error('could not record the attempt') });

    await Promise.all(
      jobs.map(async (job) => {
        const row = rows.get(job.data.deliveryId);
        // Deleted, already finished, or superseded by a newer job (a replay): nothing to send.
        if (!row || row.status !== 'PENDING' || row.attemptCount !== job.data.attempt) return settle(job, 'completed');
        if (!row.target.enabled) return write(job, { kind: 'park', jobId: job.id, deliveryId: row.id });
        if (!deps.limiter.tryAcquire(row.target.id)) {
          const startAfter = new Date(Date.now() + 500 + Math.random() * 1500);
          return write(job, { kind: 'defer', jobId: job.id, job: job.data, startAfter });
        }
        try {
          let target = opened.get(row.target.id);
          if (!target) opened.set(row.target.id, (target = openTarget(rt.secrets, row.target)));
          const number = row.attemptCount + 1;
          const request = renderRequest(row.event as StoredEvent, target, dialectOf(row.target.kind, row.webhookEvent), { attempt: number, now: new Date() });
          const result = await deps.send(request);
          const outcome = decide(number, result, rt.config.retryScheduleSeconds, target.permanentStatusCodes);
          const next =
            outcome.kind === 'succeeded'
              ? { status: 'SUCCEEDED' as const, nextAttemptAt: null }
              : outcome.kind === 'retry'
                ? { status: 'PENDING' as const, nextAttemptAt: new Date(Date.now() + outcome.delaySeconds * 1000) }
                : outcome.kind === 'dead'
                  ? { status: 'DEAD' as const, nextAttemptAt: null }
                  : { status: 'FAILED' as const, nextAttemptAt: null };
          const error = outcome.kind === 'failed' ? `${result.error ?? ''}${result.error ? '; ' : ''}${outcome.reason}` : result.error;
          await write(job, {
            kind: 'attempt',
            jobId: job.id,
            deliveryId: row.id,
            targetId: row.target.id,
            attempt: { number, manual: job.data.manual === true, url: request.url, startedAt: result.startedAt, durationMs: result.durationMs, statusCode: result.statusCode, errorKind: result.errorKind ?? (outcome.kind === 'succeeded' ? null : 'HTTP_STATUS'), error: error ?? (result.statusCode && outcome.kind !== 'succeeded' ? `HTTP ${result.statusCode}` : null), responseBody: result.responseBody },
            delivery: next,
            target: outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'failed' && outcome.disableTarget ? 'gone' : 'failed',
          });
        } catch (error) {
          rt.log.error({ err: describeError(error), deliveryId: row.id }, 'delivery attempt failed unexpectedly');
          settle(job, { failed: error });
        } finally {
          deps.limiter.release(row.target.id);
        }
      }),
    );
  };
}

async function loadDeliveries(rt: Runtime, ids: string[]): Promise<Map<string, Row>> {
  const { rows } = await rt.pool.query<Row>(
    `SELECT d.id, d.status, d.attempt_count AS "attemptCount",
            json_build_object('id', e.id, 'workspaceId', e.workspace_id, 'type', e.type, 'payload', e.payload, 'createdAt', e.created_at) AS event,
            json_build_object(
              'id', t.id, 'workspaceId', t.workspace_id, 'kind', t.kind, 'url', t.url, 'method', t.method,
              'queryParams', t.query_params, 'headers', t.headers, 'authType', t.auth_type, 'auth', t.auth,
              'bodyFields', t.body_fields, 'signingSecrets', t.signing_secrets, 'permanentStatusCodes', t.permanent_status_codes,
              'enabled', t.enabled) AS target,
            w.event AS "webhookEvent"
       FROM deliveries d
       JOIN events e ON e.id = d.event_id
       JOIN targets t ON t.id = d.target_id
       LEFT JOIN webhooks w ON w.target_id = t.id
      WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { ...r, event: { ...r.event, createdAt: new Date(r.event.createdAt) } }]));
}
