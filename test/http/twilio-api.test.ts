import { describe, expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone } from '../support/fixtures.ts';
import { execute } from '../support/graphql.ts';
import { messageOf, messageReaches, rows, startOfRateWindow } from '../support/messaging.ts';
import { sleep } from '../support/wait.ts';
import { asWorkspace, basicAuth, messageIdOf, restError, twilioAccount, twilioClient, type TwilioAccount } from '../support/twilio-client.ts';

const test = appTest();
let app: TestApp;
let account: TwilioAccount;
let client: ReturnType<typeof twilioClient>;
let sms: { id: string; address: string };

test.beforeAll(async ({ app: a }) => {
  app = a;
  account = await twilioAccount(app);
  client = twilioClient(app, account.accountSid, account.key);
  sms = await device(app, asWorkspace(account));
});

describe('the Twilio-compatible Messages API, through the official twilio SDK', () => {
  test('sends a message: it reaches the simulator device, and the answer has Twilio’s fields', async () => {
    const to = phone();
    const m = await client.messages.create({ to, from: sms.address, body: 'Hello from a Twilio app' });
    expect(m).toMatchObject({
      accountSid: account.accountSid,
      to,
      from: sms.address,
      body: 'Hello from a Twilio app',
      status: 'queued',
      numSegments: '1',
      numMedia: '0',
      direction: 'outbound-api',
      errorCode: null,
      errorMessage: null,
      price: null,
      messagingServiceSid: null,
      apiVersion: '2010-04-01',
      uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${m.sid}.json`,
      subresourceUris: { media: `/2010-04-01/Accounts/${account.accountSid}/Messages/${m.sid}/Media.json` },
    });
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(m.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(m.dateCreated.getTime() - Date.now())).toBeLessThan(60_000);
    expect(m.dateSent).toBeNull();

    const sent = await messageReaches(app, messageIdOf(m.sid), 'DELIVERED');
    expect(sent).toMatchObject({ deviceId: sms.id, channel: 'SMS', content: 'Hello from a Twilio app', direction: 'OUTBOUND' });
    expect(sent.providerMessageId).toMatch(/^SIM/);
    const fetched = await client.messages(m.sid).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);
  });

  test('sends from the workspace’s device for the channel when there is no From, and from its WhatsApp device for whatsapp:', async () => {
    const plain = await client.messages.create({ to: phone(), body: 'No From' });
    expect(plain.from).toBe(sms.address);

    const whatsapp = await device(app, asWorkspace(account), { channel: 'WHATSAPP' });
    const to = phone();
    const m = await client.messages.create({ from: `whatsapp:${whatsapp.address}`, to: `whatsapp:${to}`, body: 'On WhatsApp' });
    expect(m).toMatchObject({ from: `whatsapp:${whatsapp.address}`, to: `whatsapp:${to}` });
    expect(await messageOf(app, messageIdOf(m.sid))).toMatchObject({ deviceId: whatsapp.id, channel: 'WHATSAPP' });
  });

  test('fetches a message by its SID and lists messages to a number sent after a time, across pages', async () => {
    const to = phone();
    const early = await client.messages.create({ to, body: 'before the cutoff' });
    await messageReaches(app, messageIdOf(early.sid), 'DELIVERED');
    // The SDK sends times to the second: the cutoff is the next whole second.
    const cutoff = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await sleep(cutoff.getTime() - Date.now() + 10);
    const later: string[] = [];
    for (let i = 0; i < 5; i++) later.push((await client.messages.create({ to, body: `after ${i}` })).sid);
    for (const sid of later) await messageReaches(app, messageIdOf(sid), 'DELIVERED');

    expect((await client.messages(later[2]!).fetch()).body).toBe('after 2');
    const listed = await client.messages.list({ to, dateSentAfter: cutoff, limit: 5, pageSize: 2 });
    expect(listed.map((m) => m.sid)).toEqual([...later].reverse());
    const page = await client.messages.page({ to, pageSize: 2 });
    expect(page.instances).toHaveLength(2);
    expect(page.nextPageUrl).toContain('PageToken=PA');
    const second = await page.nextPage();
    expect(second!.instances.map((m) => m.sid)).toEqual([later[2], later[1]]);
    expect((await second!.previousPage())!.instances.map((m) => m.sid)).toEqual([later[4], later[3]]);
  });

  test('walks every page with messages.each', async () => {
    const to = phone();
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push((await client.messages.create({ to, body: `each ${i}` })).sid);
    const seen: string[] = [];
    await client.messages.each({ to, pageSize: 2 }, (m) => void seen.push(m.sid));
    expect(seen).toEqual([...sids].reverse());
  });

  test('redacts a sent message’s text with update({ body: "" }), in the API, in GraphQL and in its events', async () => {
    const m = await client.messages.create({ to: phone(), body: 'My card number is 4111…' });
    await messageReaches(app, messageIdOf(m.sid), 'DELIVERED');
    const redacted = await client.messages(m.sid).update({ body: '' });
    expect(redacted).toMatchObject({ sid: m.sid, body: '' });
    expect((await client.messages(m.sid).fetch()).body).toBe('');
    expect((await messageOf(app, messageIdOf(m.sid))).content).toBeNull();
    const copies = await rows<{ content: string | null }>(app, "SELECT payload->'message'->>'content' AS content FROM events WHERE payload->'message'->>'id' = $1", [messageIdOf(m.sid)]);
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((c) => c.content === null)).toBe(true);
  });

  test('deletes a message with remove(): fetching it then answers 20404', async () => {
    const m = await client.messages.create({ to: phone(), body: 'Delete me' });
    await messageReaches(app, messageIdOf(m.sid), 'DELIVERED');
    expect(await client.messages(m.sid).remove()).toBe(true);
    const error = await restError(client.messages(m.sid).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(await rows(app, 'SELECT 1 FROM messages WHERE id = $1', [messageIdOf(m.sid)])).toEqual([]);
  });

  test('refuses to redact or delete a message still queued (20009), and keeps it', async () => {
    const hour = new Date().getUTCHours();
    const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    const closed = await device(app, asWorkspace(account), { config: { sendingHours: { from: at(hour + 2), to: at(hour + 3), timeZone: 'UTC' } } });
    const m = await client.messages.create({ from: closed.address, to: phone(), body: 'Waits for its hours' });
    expect(await restError(client.messages(m.sid).update({ body: '' }))).toMatchObject({ status: 400, code: 20009 });
    expect(await restError(client.messages(m.sid).remove())).toMatchObject({ status: 400, code: 20009 });
    expect(await messageOf(app, messageIdOf(m.sid))).toMatchObject({ status: 'QUEUED', content: 'Waits for its hours' });
  });

  test('wrong credentials make the SDK throw its RestException with 20003', async () => {
    const wrongKey = twilioClient(app, account.accountSid, 'sbk_not_a_key');
    expect(await restError(wrongKey.messages.create({ to: phone(), body: 'x' }))).toMatchObject({ status: 401, code: 20003, message: 'Authenticate' });
    // Another workspace's key is not this account's auth token.
    const other = await twilioAccount(app);
    expect(await restError(twilioClient(app, account.accountSid, other.key).messages.list())).toMatchObject({ status: 401, code: 20003 });
    // An admin key speaks for no account.
    const admin = twilioClient(app, account.accountSid, 'sba_test_admin_key_0123456789abcdef');
    expect(await restError(admin.api.v2010.accounts(account.accountSid).fetch())).toMatchObject({ status: 401, code: 20003 });
  });

  test('an invalid To makes the SDK throw with 21211; a From that is not a device of the account with 21606', async () => {
    const before = await rows(app, 'SELECT count(*)::int AS n FROM messages');
    const invalidTo = await restError(client.messages.create({ to: '+1555', from: sms.address, body: 'x' }));
    expect(invalidTo).toMatchObject({ status: 400, code: 21211, moreInfo: 'https://www.twilio.com/docs/errors/21211' });
    expect(invalidTo.message).toContain('+1555');
    expect(await restError(client.messages.create({ to: phone(), from: phone(), body: 'x' }))).toMatchObject({ status: 400, code: 21606 });
    expect(await restError(client.messages.create({ to: phone(), from: sms.address }))).toMatchObject({ status: 400, code: 21602 });
    expect(await rows(app, 'SELECT count(*)::int AS n FROM messages')).toEqual(before);
  });

  test('refuses content templates and scheduling with Twilio’s codes, since Switchboard has neither', async () => {
    const contentSid = `HX${'0'.repeat(32)}`;
    expect(await restError(client.messages.create({ to: phone(), contentSid }))).toMatchObject({ status: 400, code: 21655 });
    const sendAt = new Date(Date.now() + 3_600_000);
    expect(await restError(client.messages.create({ to: phone(), body: 'later', scheduleType: 'fixed', sendAt }))).toMatchObject({ status: 400, code: 400 });
    const m = await client.messages.create({ to: phone(), body: 'now' });
    expect(await restError(client.messages(m.sid).update({ status: 'canceled' }))).toMatchObject({ status: 400, code: 30409 });
  });

  test('authenticates with an API key SID and its secret, and answers the Account resource', async () => {
    const byKey = twilioClient(app, account.keySid, account.key, account.accountSid);
    const fetched = await byKey.api.v2010.accounts(account.accountSid).fetch();
    expect(fetched).toMatchObject({ sid: account.accountSid, friendlyName: 'Twilio app', status: 'active', type: 'Full', ownerAccountSid: account.accountSid });
    expect((await byKey.messages.create({ to: phone(), body: 'By API key' })).accountSid).toBe(account.accountSid);
  });

  test('answers 20404 for another account’s SID in the path, and for a SID of another account’s message', async () => {
    const other = await twilioAccount(app);
    const otherClient = twilioClient(app, other.accountSid, other.key);
    const theirs = await otherClient.messages.create({ to: phone(), body: 'theirs', from: (await device(app, asWorkspace(other))).address });
    expect(await restError(client.api.v2010.accounts(other.accountSid).messages.list())).toMatchObject({ status: 404, code: 20404 });
    expect(await restError(client.messages(theirs.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });

  test('gives a message with MediaUrl an MM SID and lists its media; a medium’s URI without .json redirects to it', async () => {
    const mediaUrl = 'https://example.com/pictures/cat.png';
    const m = await client.messages.create({ to: phone(), body: 'A picture', mediaUrl: [mediaUrl] });
    expect(m.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(m.numMedia).toBe('1');
    const media = await client.messages(m.sid).media.list();
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ parentSid: m.sid, accountSid: account.accountSid });
    expect(media[0]!.sid).toMatch(/^ME[0-9a-f]{32}$/);
    const content = await fetch(`${app.url}${media[0]!.uri.replace(/\.json$/, '')}`, {
      redirect: 'manual',
      headers: basicAuth(account),
    });
    expect(content.status).toBe(307);
    expect(content.headers.get('location')).toBe(mediaUrl);
  });

  test('counts requests against the key’s rate limit: over it the SDK throws 20429', async () => {
    const limited = await twilioAccount(app, { rateLimitPerMinute: 2 });
    const limitedClient = twilioClient(app, limited.accountSid, limited.key);
    await startOfRateWindow();
    await limitedClient.api.v2010.accounts(limited.accountSid).fetch();
    await limitedClient.api.v2010.accounts(limited.accountSid).fetch();
    expect(await restError(limitedClient.api.v2010.accounts(limited.accountSid).fetch())).toMatchObject({ status: 429, code: 20429 });
  });

  test('refuses malformed parameters naming the parameter and the rule, and stores nothing', async () => {
    const auth = basicAuth(account);
    const messages = `${app.url}/2010-04-01/Accounts/${account.accountSid}/Messages.json`;
    const before = await rows(app, 'SELECT count(*)::int AS n FROM messages');
    const post = (form: Record<string, string>) =>
      fetch(messages, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    const cases: [Promise<Response>, number, string][] = [
      [post({ To: phone(), Body: 'nul \u0000 inside' }), 400, 'Body'],
      [post({ To: phone(), Body: 'x'.repeat(1601) }), 21617, 'Body'],
      [post({ To: phone(), Body: 'x', StatusCallback: 'not a url' }), 21609, 'StatusCallback'],
      [post({ To: phone(), MediaUrl: 'ftp://example.com/a.png' }), 21620, 'MediaUrl'],
      [post({ To: `fax:${phone()}`, Body: 'x' }), 21211, 'To'],
      [fetch(`${messages}?DateSent%3E=yesterday`, { headers: auth }), 400, 'DateSent>'],
      [fetch(`${messages}?PageSize=1001`, { headers: auth }), 20007, 'PageSize'],
      [fetch(`${messages}?PageToken=PAnothing`, { headers: auth }), 400, 'PageToken'],
    ];
    for (const [answer, code, parameter] of cases) {
      const res = await answer;
      const body = (await res.json()) as { code: number; message: string; status: number };
      expect({ status: res.status, code: body.code }, body.message).toEqual({ status: 400, code });
      expect(body.message).toContain(parameter);
    }
    expect(await rows(app, 'SELECT count(*)::int AS n FROM messages')).toEqual(before);
  });

  test('answers paths it does not serve with Twilio’s 404, and a known path with another method with 405', async () => {
    const auth = basicAuth(account);
    const calls = await fetch(`${app.url}/2010-04-01/Accounts/${account.accountSid}/Calls.json`, { headers: auth });
    expect(calls.status).toBe(404);
    expect(await calls.json()).toMatchObject({ code: 20404, status: 404, more_info: 'https://www.twilio.com/docs/errors/20404' });
    const put = await fetch(`${app.url}/2010-04-01/Accounts/${account.accountSid}/Messages.json`, { method: 'PUT', headers: auth });
    expect(put.status).toBe(405);
    expect(await put.json()).toMatchObject({ code: 20004, status: 405 });
  });
});

const TwilioIds = graphql(`
  query TwilioIds($id: Int!) {
    workspace(id: $id) {
      accountSid
    }
    apiKeys(input: { workspaceId: $id }) {
      nodes {
        sid
      }
    }
  }
`);

test('shows the account SID and the API key SIDs in GraphQL, in Twilio’s shapes', async () => {
  const { data } = await execute(app.url, TwilioIds, { id: account.id });
  expect(data!.workspace.accountSid).toMatch(/^AC[0-9a-f]{32}$/);
  expect(data!.apiKeys.nodes.map((k) => k.sid)).toEqual([account.keySid]);
  expect(account.keySid).toMatch(/^SK[0-9a-f]{32}$/);
});
