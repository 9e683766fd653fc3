import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { rfc2822 } from '../../events/twilio-message.ts';
import type { Runtime } from '../../runtime.ts';
import { rateLimit, type Answer, type Door, type DoorCall } from '../door.ts';
import { createMessage } from './create-message.ts';
import { listMessages } from './list-messages.ts';
import { mediaList, mediumAt, messageAt, removeMessage, updateMessage, type MessageRef } from './message-instance.ts';
import { accountUri, messageResource } from './message-resource.ts';
import { twilioCaller, type TwilioCaller } from './twilio-auth.ts';
import { authenticate, notFoundAt, twilioErrors, TwilioError, TWILIO_CODE } from './twilio-errors.ts';
import { readParams } from './twilio-params.ts';

type Call = { rt: Runtime; caller: TwilioCaller; params: TwilioParams; ref: MessageRef; mediaSid: string };

/** One endpoint: Twilio's Basic auth, the key's rate limit, the account in the path, then the answer. */
function endpoint(method: string, path: RegExp, answer: (call: Call) => Promise<Answer>): Door {
  return {
    method,
    path,
    errors: twilioErrors,
    async handle(call) {
      const { rt, req, params } = call;
      const caller = await twilioCaller(rt, req);
      if (!caller) throw authenticate();
      await rateLimit(call, caller.keyId, caller.rateLimitPerMinute);
      const path = (req.url ?? '/').split('?')[0]!;
      // Another account's resources are not found, as Twilio answers valid credentials for another account.
      if (params.AccountSid !== caller.accountSid) throw notFoundAt(path);
      const form = await readParams(call);
      return answer({ rt, caller, params: form, ref: { workspaceId: caller.workspaceId, accountSid: caller.accountSid, sid: params.Sid ?? '', path }, mediaSid: params.MediaSid ?? '' });
    },
  };
}

const ok = (json: unknown): Answer => ({ status: 200, json });

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
 * account SID is the workspace's; its API keys are the auth tokens.
 */
export function twilioApiDoors(): Door[] {
  const doors: Door[] = [
    endpoint('GET', PATHS.account, async ({ rt, caller }) => ok(await accountResource(rt, caller))),
    endpoint('POST', PATHS.messages, async ({ rt, caller, params }) => ({ status: 201, json: messageResource(await createMessage(rt, caller, params), caller.accountSid) })),
    endpoint('GET', PATHS.messages, async ({ rt, caller, params }) => ok(await listMessages(rt, caller.workspaceId, caller.accountSid, params))),
    endpoint('GET', PATHS.message, async ({ rt, ref }) => ok(messageResource(await messageAt(rt, ref), ref.accountSid))),
    endpoint('POST', PATHS.message, async ({ rt, ref, params }) => ok(messageResource(await updateMessage(rt, ref, params), ref.accountSid))),
    endpoint('DELETE', PATHS.message, async ({ rt, ref }) => (await removeMessage(rt, ref), { status: 204 })),
    endpoint('GET', PATHS.mediaList, async ({ rt, ref }) => ok(await mediaList(rt, ref))),
    endpoint('GET', PATHS.medium, async ({ rt, ref, mediaSid }) => ok((await mediumAt(rt, ref, mediaSid)).resource)),
    endpoint('GET', PATHS.mediumContent, async ({ rt, ref, mediaSid }) => ({ status: 307, headers: { location: (await mediumAt(rt, ref, mediaSid)).url } })),
  ];
  // Paths of Twilio's API this door does not serve answer Twilio's 404 (20404), a known path with another method its 405 (20004).
  const elsewhere = async ({ req }: DoorCall): Promise<Answer> => {
    const path = (req.url ?? '/').split('?')[0]!;
    throw doors.some((d) => d.path.test(path)) ? new TwilioError(405, TWILIO_CODE.METHOD_NOT_ALLOWED, `Method not allowed: ${req.method} ${path}`) : notFoundAt(path);
  };
  const rest = /^\/2010-04-01(\/|$)/;
  return [...doors, ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ method, path: rest, errors: twilioErrors, handle: elsewhere }))];
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
