import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { rfc2822 } from '../../events/twilio-message.ts';
import type { Runtime } from '../../runtime.ts';
import { limitRequest } from '../rate-limit-headers.ts';
import { sendJson } from '../respond.ts';
import type { Route, RouteHandler } from '../server.ts';
import { createMessage } from './create-message.ts';
import { listMessages } from './list-messages.ts';
import { mediaList, mediumAt, messageAt, removeMessage, updateMessage, type MessageRef } from './message-instance.ts';
import { accountUri, messageResource } from './message-resource.ts';
import { twilioCaller, type TwilioCaller } from './twilio-auth.ts';
import { authenticate, notFoundAt, sendTwilioError, TwilioError, TWILIO_CODE } from './twilio-errors.ts';
import { readParams } from './twilio-params.ts';

type Call = { rt: Runtime; caller: TwilioCaller; params: TwilioParams; ref: MessageRef; mediaSid: string };
type Answer = { status: 200 | 201; body: unknown } | { status: 204 } | { status: 307; location: string };

/** One endpoint: Twilio's Basic auth, the key's rate limit, the account in the path, then the answer, errors in Twilio's shape. */
function endpoint(rt: Runtime, answer: (call: Call) => Promise<Answer>): RouteHandler {
  return async (req, res, [accountSid, sid = '', mediaSid = ''], requestId) => {
    try {
      const caller = await twilioCaller(rt, req);
      if (!caller) throw authenticate();
      await limitRequest(rt, res, caller.keyId, caller.rateLimitPerMinute);
      const path = (req.url ?? '/').split('?')[0]!;
      // Another account's resources are not found, as Twilio answers valid credentials for another account.
      if (accountSid !== caller.accountSid) throw notFoundAt(path);
      const params = await readParams(req);
      const a = await answer({ rt, caller, params, ref: { workspaceId: caller.workspaceId, accountSid, sid, path }, mediaSid });
      if (a.status === 204 || a.status === 307) {
        res.writeHead(a.status, a.status === 307 ? { location: a.location } : {});
        res.end();
      } else sendJson(res, a.status, a.body);
    } catch (error) {
      sendTwilioError(res, error, rt.log, requestId);
    }
  };
}

const ok = (body: unknown): Answer => ({ status: 200, body });

const ACCOUNT = String.raw`^\/2010-04-01\/Accounts\/(?<AccountSid>[^/]+)`;
const MESSAGE = String.raw`${ACCOUNT}\/Messages\/(?<Sid>[^/]+)`;
const PATHS = {
  account: new RegExp(String.raw`${ACCOUNT}\.json$`),
  messages: new RegExp(String.raw`${ACCOUNT}\/Messages\.json$`),
  message: new RegExp(String.raw`${MESSAGE}\.json$`),
  mediaList: new RegExp(String.raw`${MESSAGE}\/Media\.json$`),
  medium: new RegExp(String.raw`${MESSAGE}\/Media\/(?<MediaSid>[^/]+)\.json$`),
  mediumContent: new RegExp(String.raw`${MESSAGE}\/Media\/(?<MediaSid>[^/.]+)$`),
};

/**
 * The Twilio-compatible door: Twilio's Messages API under `/2010-04-01/Accounts/{AccountSid}/`, so
 * an app written for Twilio (or its SDKs) sends through Switchboard by changing the base URL. The
 * account SID is the workspace's; its API keys are the auth tokens. Paths of Twilio's API this door
 * does not serve answer Twilio's 404 (20404), a known path with another method its 405 (20004).
 */
export function twilioApiRoutes(rt: Runtime): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      path: PATHS.account,
      handler: endpoint(rt, async ({ caller }) => ok(await accountResource(rt, caller))),
    },
    {
      method: 'POST',
      path: PATHS.messages,
      handler: endpoint(rt, async ({ caller, params }) => ({ status: 201, body: messageResource(await createMessage(rt, caller, params), caller.accountSid) })),
    },
    {
      method: 'GET',
      path: PATHS.messages,
      handler: endpoint(rt, async ({ caller, params }) => ok(await listMessages(rt, caller.workspaceId, caller.accountSid, params))),
    },
    { method: 'GET', path: PATHS.message, handler: endpoint(rt, async ({ ref }) => ok(messageResource(await messageAt(rt, ref), ref.accountSid))) },
    { method: 'POST', path: PATHS.message, handler: endpoint(rt, async ({ ref, params }) => ok(messageResource(await updateMessage(rt, ref, params), ref.accountSid))) },
    { method: 'DELETE', path: PATHS.message, handler: endpoint(rt, async ({ ref }) => (await removeMessage(rt, ref), { status: 204 })) },
    { method: 'GET', path: PATHS.mediaList, handler: endpoint(rt, async ({ ref }) => ok(await mediaList(rt, ref))) },
    { method: 'GET', path: PATHS.medium, handler: endpoint(rt, async ({ ref, mediaSid }) => ok((await mediumAt(rt, ref, mediaSid)).resource)) },
    { method: 'GET', path: PATHS.mediumContent, handler: endpoint(rt, async ({ ref, mediaSid }) => ({ status: 307, location: (await mediumAt(rt, ref, mediaSid)).url })) },
  ];
  const elsewhere: Route['handler'] = async (req, res, _params, requestId) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const known = routes.some((r) => r.path.test(path));
    const error = known ? new TwilioError(405, TWILIO_CODE.METHOD_NOT_ALLOWED, `Method not allowed: ${req.method} ${path}`) : notFoundAt(path);
    sendTwilioError(res, error, rt.log, requestId);
  };
  const rest = /^\/2010-04-01(\/|$)/;
  return [...routes, ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ method, path: rest, handler: elsewhere }))];
}

/** The Account resource SDKs fetch to check credentials. `auth_token` stays null: Switchboard keeps only hashes of keys. */
async function accountResource(rt: Runtime, caller: TwilioCaller) {
  const ws = await rt.prisma.workspace.findUniqueOrThrow({ where: { id: caller.workspaceId }, select: { name: true, createdAt: true, updatedAt: true } });
  const uri = accountUri(caller.accountSid);
  return {
    auth_token: null,
    date_created: rfc2822(ws.createdAt),
    date_updated: rfc2822(ws.updatedAt),
    friendly_name: ws.name,
    owner_account_sid: caller.accountSid,
    sid: caller.accountSid,
    status: 'active',
    subresource_uris: { messages: `${uri}/Messages.json` },
    type: 'Full',
    uri: `${uri}.json`,
  };
}
