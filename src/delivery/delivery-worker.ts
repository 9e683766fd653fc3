import type { WakeAt, RunningHandler } from '../jobs/job-definition.ts';
import type { Runtime } from '../runtime.ts';
import { AttemptRecorder } from './attempt-recorder.ts';
import type { DeliveryJob } from './deliver-job.ts';
import { deliverEvents, loadDeliveries } from './deliver-events.ts';
import { deliveryPolicy, REQUESTS_IN_FLIGHT } from './delivery-policy.ts';
import { Semaphore, TargetLimiter } from './flow-control.ts';
import { createSender } from './send.ts';

/** What a worker process needs to deliver events: the policy, the sender, the attempt recorder and the flow limits. */
export function deliveryWorker(rt: Runtime, wakeAt: WakeAt): RunningHandler<DeliveryJob> {
  const policy = deliveryPolicy(rt.config.delivery);
  const recorder = new AttemptRecorder(rt.pool, rt.boss, rt.log, policy.disableFailingTargetAfterMs);
  recorder.onScheduled = wakeAt;
  const send = createSender({ allowPrivate: rt.config.allowPrivateTargets, connectTimeoutMs: policy.connectTimeoutMs, totalTimeoutMs: policy.requestTimeoutMs });
  return {
    handle: deliverEvents(rt, { policy, send, recorder, limiter: new TargetLimiter(policy.targetConcurrency), slots: new Semaphore(REQUESTS_IN_FLIGHT) }),
    drain: () => recorder.drain(),
    load: loadDeliveries,
  };
}
