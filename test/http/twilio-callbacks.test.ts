import twilio from 'twilio';
import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { simulateInbound, waitForDeliveries, type DeliveryNode } from '../support/delivery-helpers.ts';
import { device, phone, webhook } from '../support/fixtures.ts';
import { execute, ok } from '../support/graphql.ts';
import { eventsOn, messageOf, rows } from '../support/messaging.ts';
import type { Receiver, ReceivedRequest } from '../support/receiver.ts';
import { asWorkspace, formOf, messageIdOf, twilioAccount, twilioClient, type TwilioAccount } from '../support/twilio-client.ts';

const test = appTest({ SWITCHBOARD_RETRY_SCHEDULE: '1,1,1' });
let app: TestApp;
let receiver: Receiver;
let account: TwilioAccount;
let client: ReturnType<typeof twilioClient>;
let sms: { id: string; address: string };


/** Twilio's own check, as an app's handler runs it: the signature over the URL it was called at and the form. */
const validTwilioRequest = (authToken: string, r: ReceivedRequest) =>
  twilio.validateRequest(authToken, r.headers['x-twilio-signature']!, `${receiver.url}${r.url}`, formOf(r.body));

/** The callbacks received on a path for one message, one per status (retries share the idempotency token). */
async function callbacksFor(path: string, sid: string, n: number) {
  await receiver.waitFor((rs) => new Set(rs.filter((r) => r.path === path && formOf(r.body).MessageSid === sid).map((r) => r.headers['i-twilio-idempotency-token'])).size >= n);
  return receiver.on(path).filter((r) => formOf(r.body).MessageSid === sid);
}

test.beforeAll(async ({ app: a, receiver: r }) => {
  [app, receiver] = [a, r];
  account = await twilioAccount(app);
  client = twilioClient(app, account.accountSid, account.key);
  sms = await device(app, asWorkspace(account));
});

describe('Twilio-style callbacks', () => {
  test('posts status callbacks as Twilio does, and they pass twilio.validateRequest with the key that sent the message', async () => {
    const to = phone();
    const m = await client.messages.create({ to, from: sms.address, body: 'Track me', statusCallback: `${receiver.url}/status?app=crm` });
    const received = await callbacksFor('/status', m.sid, 2);
    const statuses = received.map((r) => formOf(r.body).MessageStatus);
    expect(statuses).toEqual(expect.arrayContaining(['sent', 'delivered']));
    for (const r of received) {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(r.headers['i-twilio-idempotency-token']).toBeTruthy();
      expect(validTwilioRequest(account.key, r), `signature of ${r.body}`).toBe(true);
      expect(validTwilioRequest('another token', r)).toBe(false);
      const form = formOf(r.body);
      expect(form).toEqual({
        MessageSid: m.sid,
        SmsSid: m.sid,
        AccountSid: account.accountSid,
        From: sms.address,
        To: to,
        MessageStatus: form.MessageStatus,
        SmsStatus: form.MessageStatus,
        ApiVersion: '2010-04-01',
      });
    }
  });

  test('sends the credentials a StatusCallback URL carries as Basic auth, keeping them out of the stored URL', async () => {
    const withCredentials = receiver.url.replace('http://', 'http://crm:s3cret@');
    const m = await client.messages.create({ to: phone(), body: 'Behind Basic auth', statusCallback: `${withCredentials}/secured` });
    const [first] = await callbacksFor('/secured', m.sid, 1);
    expect(first!.headers.authorization).toBe(`Basic ${Buffer.from('crm:s3cret').toString('base64')}`);
    expect(validTwilioRequest(account.key, first!)).toBe(true);
    const stored = await rows<{ url: string; auth_type: string }>(app, `SELECT url, auth_type FROM targets WHERE kind = 'TWILIO' AND url LIKE '%/secured'`);
    expect(stored).toEqual([{ url: `${receiver.url}/secured`, auth_type: 'BASIC' }]);
  });

  test('the same message shows in GraphQL and reaches a MESSAGE_UPDATED webhook', async () => {
    await webhook(app, asWorkspace(account), { url: `${receiver.url}/updates`, event: 'MESSAGE_UPDATED' });
    const m = await client.messages.create({ to: phone(), body: 'Seen everywhere', statusCallback: `${receiver.url}/status` });
    const id = messageIdOf(m.sid);
    const updates = await eventsOn(receiver, '/updates', 2, (r) => r.json?.messageId === id);
    expect(updates.map((u) => u.json.status)).toEqual(expect.arrayContaining(['sent', 'delivered']));
    expect(await messageOf(app, id)).toMatchObject({ id, content: 'Seen everywhere', status: 'DELIVERED', deviceId: sms.id });
  });

  test('carries ErrorCode when a message fails', async () => {
    const failing = await twilioAccount(app);
    const to = phone();
    await device(app, asWorkspace(failing), { config: { deliveredAfterMs: 0, failNumbers: { [to]: 'sim:30003' } } });
    const m = await twilioClient(app, failing.accountSid, failing.key).messages.create({ to, body: 'Unreachable', statusCallback: `${receiver.url}/failures` });
    const [failed] = (await callbacksFor('/failures', m.sid, 2)).filter((r) => formOf(r.body).MessageStatus === 'failed');
    expect(formOf(failed!.body)).toMatchObject({ MessageStatus: 'failed', ErrorCode: '30003', AccountSid: failing.accountSid });
    expect(validTwilioRequest(failing.key, failed!)).toBe(true);
    expect((await twilioClient(app, failing.accountSid, failing.key).messages(m.sid).fetch()).errorCode).toBe(30003);
  });

  test('are delivered by the delivery engine: retried after a failure, logged, and replayable', async () => {
    receiver.failFirst('/flaky', 1, { status: 503 });
    const m = await client.messages.create({ to: phone(), body: 'Retry my callback', statusCallback: `${receiver.url}/flaky` });
    const onFlaky = () => receiver.on('/flaky').filter((r) => formOf(r.body).MessageSid === m.sid);
    await callbacksFor('/flaky', m.sid, 2);
    await receiver.waitFor(() => onFlaky().length >= 3);
    // The first callback failed and came again: the same request, with the same token and signature.
    const [failed, ...rest] = onFlaky();
    const retry = rest.find((r) => r.headers['i-twilio-idempotency-token'] === failed!.headers['i-twilio-idempotency-token'])!;
    expect(retry.body).toBe(failed!.body);
    expect(validTwilioRequest(account.key, retry)).toBe(true);

    const retried = (nodes: DeliveryNode[]) => nodes.find((d) => d.targetKind === 'TWILIO' && d.eventId === retry.headers['i-twilio-idempotency-token']);
    const byWorkspace = { workspaceId: account.id, eventType: 'MESSAGE_UPDATED' as const };
    const logged = retried(await waitForDeliveries(app, asWorkspace(account), byWorkspace, (nodes) => retried(nodes)?.status === 'SUCCEEDED'))!;
    expect(logged.attempts.map((a) => [a.statusCode, a.trigger])).toEqual([
      [503, 'SCHEDULED'],
      [200, 'SCHEDULED'],
    ]);

    await ok(app.url, ReplayTwilioDelivery, { input: { id: logged.id } }, { key: account.key });
    const replayed = retried(await waitForDeliveries(app, asWorkspace(account), byWorkspace, (nodes) => retried(nodes)?.attempts.length === 3))!;
    expect(replayed.attempts.at(-1)).toMatchObject({ statusCode: 200, trigger: 'MANUAL' });
  });

  test('takes incoming messages to twilioSmsUrl in Twilio’s form, signed with the key that set the URL', async () => {
    const set = await ok(app.url, SetTwilioSmsUrl, { input: { id: account.id, twilioSmsUrl: `${receiver.url}/incoming` } }, { key: account.key });
    expect(set.updateWorkspace.twilioSmsUrl).toBe(`${receiver.url}/incoming`);
    const from = phone();
    const stored = await simulateInbound(app, asWorkspace(account), { deviceId: sms.id, phone: from, message: 'Is my order ready?' });
    const [incoming] = await receiver.waitForCount('/incoming', 1);
    expect(validTwilioRequest(account.key, incoming!)).toBe(true);
    const sid = `SM${stored.id.replaceAll('-', '')}`;
    expect(formOf(incoming!.body)).toEqual({
      MessageSid: sid,
      SmsSid: sid,
      SmsMessageSid: sid,
      AccountSid: account.accountSid,
      From: from,
      To: sms.address,
      Body: 'Is my order ready?',
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
    // The app can read it back through the same API.
    expect(await client.messages(sid).fetch()).toMatchObject({ direction: 'inbound', status: 'received', from, to: sms.address, body: 'Is my order ready?' });
  });

  test('refuses twilioSmsUrl set with an admin key: no key of the workspace would sign it', async () => {
    const r = await execute(app.url, SetTwilioSmsUrl, { input: { id: account.id, twilioSmsUrl: `${receiver.url}/admin` } }, { key: ADMIN_KEY });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'twilioSmsUrl' }] });
  });
});

const SetTwilioSmsUrl = graphql(`
  mutation SetTwilioSmsUrl($input: WorkspaceUpdateInput!) {
    updateWorkspace(input: $input) {
      id
      twilioSmsUrl
    }
  }
`);

const ReplayTwilioDelivery = graphql(`
  mutation ReplayTwilioDelivery($input: DeliveryReplayInput!) {
    replayDelivery(input: $input) {
      id
    }
  }
`);
