import twilio from 'twilio';
import { expect } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { TestApp } from './app.ts';
import { ok } from './graphql.ts';

const TwilioWorkspace = graphql(`
  mutation TwilioWorkspace($input: WorkspaceCreateInput!) {
    createWorkspace(input: $input) {
      id
      locationId
      accountSid
      webhookSigningSecret
    }
  }
`);
const TwilioKey = graphql(`
  mutation TwilioKey($input: ApiKeyCreateInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        sid
      }
    }
  }
`);

/** A workspace as a Twilio app sees it: its account SID, and an API key (its SID and secret, the auth token). */
export type TwilioAccount = { id: number; locationId: string; accountSid: string; key: string; keySid: string; keyId: string };

export async function twilioAccount(app: TestApp, key: { rateLimitPerMinute?: number } = {}): Promise<TwilioAccount> {
  const ws = (await ok(app.url, TwilioWorkspace, { input: { name: 'Twilio app' } })).createWorkspace;
  const created = (await ok(app.url, TwilioKey, { input: { workspaceId: ws.id, label: 'twilio app', ...key } })).createApiKey;
  return { id: ws.id, locationId: ws.locationId, accountSid: ws.accountSid, key: created.secret, keySid: created.apiKey.sid, keyId: created.apiKey.id };
}

/**
 * The official Twilio SDK pointed at Switchboard. twilio-node v6 builds every URL from its domain's
 * `baseUrl` (`client.api` is created once and kept), so this one assignment is the whole change.
 */
export function twilioClient(app: TestApp, username: string, password: string, accountSid?: string) {
  const client = twilio(username, password, accountSid ? { accountSid } : {});
  client.api.baseUrl = app.url;
  return client;
}

/** The account as the plain fixtures take a workspace (its key is the API key). */
export const asWorkspace = (a: TwilioAccount) => ({ ...a, webhookSigningSecret: null });

/** The message id a Twilio SID carries (its 32 hex digits). */
export const messageIdOf = (sid: string) => sid.slice(2).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** `Authorization: Basic` with the account SID and the key, for requests without the SDK. */
export const basicAuth = (a: TwilioAccount) => ({ authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.key}`).toString('base64')}` });

/** The form fields of a request Switchboard posted, as Twilio's helpers take them (every value a string). */
export const formOf = (body: string): Record<string, string> => Object.fromEntries(new URLSearchParams(body));

/** What the SDK throws: its RestException, with Twilio's code, the HTTP status, the message and its more-info link. */
export async function restError(work: Promise<unknown>): Promise<{ status: number; code: number; message: string; moreInfo: string }> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the SDK threw').toBeTruthy();
  expect((error as Error).constructor.name).toBe('RestException');
  return error as never;
}
