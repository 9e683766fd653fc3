import { describe, expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { device, phone } from '../support/fixtures.ts';
import { messageReaches, rows } from '../support/messaging.ts';
import { asWorkspace, basicAuth, messageIdOf, twilioAccount, twilioClient, type TwilioAccount } from '../support/twilio-client.ts';

const test = appTest();
let app: TestApp;
let account: TwilioAccount;
let client: ReturnType<typeof twilioClient>;
const to = phone();
/** The SIDs of the four messages to `to`, oldest first. */
const sent: Record<'m1' | 'm2' | 'm3' | 'm4', string> = { m1: '', m2: '', m3: '', m4: '' };
let queued: string;
let a: { address: string };
let b: { address: string };

/**
 * Four messages to one number, two from each of two devices, sent on days the test chooses: the
 * date sent is set on the rows once each message is DELIVERED (an SMS's last status), so the
 * filters are tested on exact day boundaries without waiting for days to pass.
 */
const SENT_AT = {
  m1: '2026-03-01T10:00:00Z',
  m2: '2026-03-02T00:00:00Z',
  m3: '2026-03-02T23:59:59Z',
  m4: '2026-03-03T00:00:00Z',
} as const;

test.beforeAll(async ({ app: started }) => {
  app = started;
  account = await twilioAccount(app);
  client = twilioClient(app, account.accountSid, account.key);
  a = await device(app, asWorkspace(account));
  b = await device(app, asWorkspace(account));
  const from = { m1: a, m2: a, m3: b, m4: b };
  for (const name of ['m1', 'm2', 'm3', 'm4'] as const) {
    sent[name] = (await client.messages.create({ to, from: from[name].address, body: name })).sid;
  }
  for (const name of ['m1', 'm2', 'm3', 'm4'] as const) {
    await messageReaches(app, messageIdOf(sent[name]), 'DELIVERED');
    await rows(app, 'UPDATE messages SET sent_at = $2 WHERE id = $1', [messageIdOf(sent[name]), SENT_AT[name]]);
  }
  // A device outside its sending hours keeps this one queued: it has no date sent.
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const closed = await device(app, asWorkspace(account), { config: { sendingHours: { from: at(hour + 2), to: at(hour + 3), timeZone: 'UTC' } } });
  queued = (await client.messages.create({ to, from: closed.address, body: 'queued' })).sid;
});

const sids = (messages: { sid: string }[]) => messages.map((m) => m.sid);

describe('GET Messages.json filters, through the official twilio SDK', () => {
  test('shows each message’s date sent as the filters see it', async () => {
    expect((await client.messages(sent.m3).fetch()).dateSent).toEqual(new Date(SENT_AT.m3));
    expect((await client.messages(queued).fetch()).dateSent).toBeNull();
  });

  test('From lists only the messages sent from that address, newest first', async () => {
    expect(sids(await client.messages.list({ to, from: a.address }))).toEqual([sent.m2, sent.m1]);
    expect(sids(await client.messages.list({ to, from: b.address }))).toEqual([sent.m4, sent.m3]);
    expect(await client.messages.list({ to, from: phone() })).toEqual([]);
  });

  test('DateSent lists the messages sent on that UTC day, from its first to its last second', async () => {
    // The SDK sends a time; the day it falls on is the filter.
    expect(sids(await client.messages.list({ to, dateSent: new Date('2026-03-02T15:30:00Z') }))).toEqual([sent.m3, sent.m2]);
    expect(sids(await client.messages.list({ to, dateSent: new Date('2026-03-01T00:00:00Z') }))).toEqual([sent.m1]);
    expect(await client.messages.list({ to, dateSent: new Date('2026-02-28T12:00:00Z') })).toEqual([]);
  });

  test('DateSent< lists the messages sent up to that time, inclusive, and leaves out one not sent yet', async () => {
    expect(sids(await client.messages.list({ to, dateSentBefore: new Date(SENT_AT.m2) }))).toEqual([sent.m2, sent.m1]);
    expect(sids(await client.messages.list({ to, dateSentBefore: new Date('2026-03-02T23:59:58Z') }))).toEqual([sent.m2, sent.m1]);
    expect(sids(await client.messages.list({ to, dateSentBefore: new Date('2100-01-01T00:00:00Z') }))).toEqual([sent.m4, sent.m3, sent.m2, sent.m1]);
    // Without a date filter the queued message is there too.
    expect(sids(await client.messages.list({ to }))).toEqual([queued, sent.m4, sent.m3, sent.m2, sent.m1]);
  });

  test('combines filters: From with DateSent< and DateSent>', async () => {
    const window = { dateSentAfter: new Date(SENT_AT.m2), dateSentBefore: new Date(SENT_AT.m3) };
    expect(sids(await client.messages.list({ to, ...window }))).toEqual([sent.m3, sent.m2]);
    expect(sids(await client.messages.list({ to, from: b.address, ...window }))).toEqual([sent.m3]);
  });
});

describe('GET Messages.json paging by Page alone (no PageToken)', () => {
  test('Page=N answers the Nth page of PageSize, newest first, with Twilio’s page fields', async () => {
    const second = await client.messages.page({ to, pageSize: 2, pageNumber: 1 });
    expect(sids(second.instances)).toEqual([sent.m3, sent.m2]);
    const last = await client.messages.page({ to, pageSize: 2, pageNumber: 2 });
    expect(sids(last.instances)).toEqual([sent.m1]);
    expect(last.nextPageUrl).toBeUndefined();

    const res = await fetch(`${app.url}/2010-04-01/Accounts/${account.accountSid}/Messages.json?To=${encodeURIComponent(to)}&PageSize=2&Page=1`, {
      headers: basicAuth(account),
    });
    const page = (await res.json()) as { page: number; page_size: number; start: number; end: number; next_page_uri: string | null; previous_page_uri: string | null; messages: { sid: string }[] };
    expect(page).toMatchObject({ page: 1, page_size: 2, start: 2, end: 3 });
    expect(sids(page.messages)).toEqual([sent.m3, sent.m2]);
    expect(page.next_page_uri).toContain('Page=2');
    expect(page.previous_page_uri).toContain('Page=0');
    // The SDK follows the links of a page reached by number like any other.
    expect(sids((await second.nextPage())!.instances)).toEqual([sent.m1]);
    expect(sids((await second.previousPage())!.instances)).toEqual([queued, sent.m4]);
  });
});
