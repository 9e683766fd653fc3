import { expect } from 'vitest';
import { appTest } from '../support/context.ts';
import { device, phone, postWebhook, workspace } from '../support/fixtures.ts';
import { rows } from '../support/messaging.ts';
import { eventually } from '../support/wait.ts';

// A delivery job that carries one delivery is completed in the statement that records the
// delivery's attempt: the two are seen together or not at all, so a crash between them cannot
// send the delivery again, and no job is left active for pg-boss to expire and retry.

const test = appTest();

test('a job of one delivery is completed in the transaction that records its attempt', async ({ app, receiver }) => {
  const ws = await workspace(app, { webhookUrl: `${receiver.url}/one-delivery` });
  await device(app, ws, { config: { deliveredAfterMs: 3_600_000 } });
  const sent = await postWebhook(app, { location_id: ws.locationId, phone: phone(), message: 'hi', message_id: 'one-delivery', channel: 'sms' }, ws.key);
  expect(sent.status).toBe(200);
  // Each read sees the attempts and the jobs carrying their deliveries in one snapshot.
  const recorded = await eventually(
    () =>
      rows<{ state: string; deliveries: number; sameTransaction: boolean }>(
        app,
        `SELECT j.state::text, jsonb_array_length(j.data->'deliveries') AS deliveries, j.xmin::text = a.xmin::text AS "sameTransaction"
           FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
           JOIN pgboss.job j ON j.name = 'event-deliver' AND j.data->'deliveries'->0->>0 = d.id::text
          WHERE d.workspace_id = $1`,
        [ws.id],
      ),
    (found) => found.length > 0,
    'an attempt of the workspace webhook',
  );
  expect(recorded).toEqual([{ state: 'completed', deliveries: 1, sameTransaction: true }]);
  expect(receiver.on('/one-delivery')).toHaveLength(1);
});
