import { expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from './app.ts';
import { driverDevice } from './drivers.ts';
import { phone, postWebhook, webhook, workspace, type Workspace } from './fixtures.ts';
import { ok } from './graphql.ts';
import type { Account, FakeSmsc, Submit } from './providers/fake-smsc.ts';
import type { Receiver } from './receiver.ts';
import { eventually } from './wait.ts';

const DeviceLink = graphql(`
  query SmppDevice($id: ID!) {
    device(id: $id) {
      status
      lastError
      lastErrorAt
      link {
        state
        since
        lastError
        inFlight
        holder
      }
    }
  }
`);

/** A device's status and link as GraphQL shows them (admin key unless another is given). */
export const linkOf = async (app: Pick<TestApp, 'url'>, id: string, key?: string) => (await ok(app.url, DeviceLink, { id }, key ? { key } : {})).device;
export type Link = Awaited<ReturnType<typeof linkOf>>['link'];

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
/** Sends through the plain webhook door with the caller's message id (one of its own unless given); answers our message id. */
export async function sendSms(app: TestApp, ws: Workspace, to: string, message: string, messageId = `smpp-${process.pid}-${++sent}`): Promise<string> {
  const res = await postWebhook(app, { location_id: ws.locationId, phone: to, message, message_id: messageId, channel: 'sms' }, ws.key);
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
