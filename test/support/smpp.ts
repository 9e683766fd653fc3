import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { driverDevice } from './drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from './fixtures.ts';
import { rawGraphQL } from './graphql.ts';
import type { Account, FakeSmsc, Submit } from './providers/fake-smsc.ts';
import type { Receiver } from './receiver.ts';
import { eventually } from './wait.ts';

export type Link = { state: string; lastError: string | null; inFlight: number; holder: string | null } | null;

// Untyped on purpose: test/channels/smpp.test.ts owns the typed SmppDevice document, and codegen
// refuses two operations of one name.
const LINK_QUERY = 'query SmppLinkOf($id: ID!) { device(id: $id) { status lastError link { state lastError inFlight holder } } }';

/** A device's link as GraphQL shows it (admin key unless another is given). */
export async function linkOf(app: Pick<TestApp, 'url'>, id: string, key?: string): Promise<{ status: string; lastError: string | null; link: Link }> {
  const r = await rawGraphQL<{ device: { status: string; lastError: string | null; link: Link } }>(app.url, { query: LINK_QUERY, variables: { id } }, key ? { key } : {});
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data.device;
}

export const linkWhen = (app: Pick<TestApp, 'url'>, id: string, done: (l: Link) => boolean, what: string, timeoutMs = 20_000) =>
  eventually(() => linkOf(app, id), (d) => done(d.link), `link of ${id}: ${what}`, timeoutMs);

export type SmppDevice = { id: string; address: string; account: Account; ws: Workspace };

/**
 * An account at the SMSC and an active device bound to it (its link up), in a workspace of its own
 * whose MESSAGE_UPDATED_SMPP and INCOMING_MESSAGE webhooks call /smpp/<ws> and /inbound/<ws>.
 */
export async function smppDevice(app: TestApp, smsc: FakeSmsc, receiver: Receiver, config: Record<string, unknown> = {}): Promise<SmppDevice> {
  const { account, config: base } = smsc.account(config);
  const space = await workspace(app);
  await webhook(app, space, { url: `${receiver.url}/smpp/${space.id}`, event: 'MESSAGE_UPDATED_SMPP' });
  await webhook(app, space, { url: `${receiver.url}/inbound/${space.id}`, event: 'INCOMING_MESSAGE' });
  const address = phone();
  const device = await driverDevice(app, space, { driver: 'smpp', channel: 'SMS', address, config: base });
  await linkWhen(app, device.id, (l) => l?.state === 'BOUND', 'BOUND');
  return { id: device.id, address, account, ws: space };
}

let sent = 0;
/** Sends through the plain webhook door; answers our message id. */
export async function sendSms(app: TestApp, ws: Workspace, to: string, message: string): Promise<string> {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message, message_id: `smpp-links-${process.pid}-${++sent}`, channel: 'sms' }, ws.key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.messageId as string;
}

/** The recipient of a submit_sm, as Switchboard writes phone numbers. */
export const to = (s: Submit) => `+${s.destinationAddr}`;
/** Submits to a recipient the SMSC accepted (ESME_ROK). */
export const accepted = (account: Account, recipient: string) => account.submits.filter((s) => to(s) === recipient && s.status === 0);
/** Waits for at least n submit_sm at the account (to one recipient, if given). */
export const submitted = (account: Account, n: number, recipient?: string) =>
  eventually(
    async () => account.submits.filter((s) => !recipient || to(s) === recipient),
    (s) => s.length >= n,
    `${n} submit_sm at ${account.systemId}`,
  );
