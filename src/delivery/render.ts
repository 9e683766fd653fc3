import { twilioSignature } from '../crypto/twilio-signature.ts';
import type { StoredEvent } from '../events/event-payloads.ts';
import type { TargetKind, WebhookEvent } from '../generated/prisma/client.ts';
import { activeSecrets, currentSecret } from '../targets/signing-secrets.ts';
import type { HttpMethod } from '../targets/target-config.ts';
import type { OpenTarget } from '../targets/targets.ts';
import { moveUrlCredentials } from '../targets/url-credentials.ts';
import { buildBody, fieldText } from './body-fields.ts';
import { headerValueToSend } from './header-encoding.ts';
import { workspaceWebhookPayload, subscriptionPayload, smppStatusQuery } from './payloads.ts';
import { LIVE_CHAT_DEFAULT_BODY } from '../targets/live-chat-body.ts';
import { signatureHeader } from './sign.ts';
import { twilioParams } from './twilio-dialect.ts';
import { liveChatEventName, variablesOf } from './variables.ts';

/** Which document a target speaks. */
export type Dialect = 'SUBSCRIPTION' | 'WORKSPACE_WEBHOOK' | 'SMPP_GET' | 'LIVE_CHAT' | 'TWILIO';

export function dialectOf(kind: TargetKind, webhookEvent: WebhookEvent | null): Dialect {
  if (kind === 'WORKSPACE') return 'WORKSPACE_WEBHOOK';
  if (kind === 'LIVE_CHAT') return 'LIVE_CHAT';
  if (kind === 'TWILIO') return 'TWILIO';
  return webhookEvent === 'MESSAGE_UPDATED_SMPP' ? 'SMPP_GET' : 'SUBSCRIPTION';
}

export type RenderedRequest = { method: HttpMethod; url: string; headers: Record<string, string>; body: string };

export const USER_AGENT = 'Switchboard-Webhooks/1.0';

/**
 * The exact HTTP request that carries `event` to `target`: a pure function of its inputs.
 * Body: the dialect's payload, or the target's own body fields. Query params, headers and auth as
 * configured. Signed per Standard Webhooks with every active secret; `webhook-id` is the event id.
 */
export function renderRequest(
  event: StoredEvent,
  target: OpenTarget,
  dialect: Dialect,
  options: { attempt: number; now: Date; accountSid?: string },
): RenderedRequest {
  if (dialect === 'TWILIO') return renderTwilioRequest(event, target, options.accountSid ?? '', options.attempt);
  const eventName = dialect === 'LIVE_CHAT' ? liveChatEventName(event) : event.type;
  const variables = variablesOf(event, eventName);
  const method: HttpMethod = dialect === 'SMPP_GET' ? 'GET' : target.method;

  let payload: unknown;
  if (target.bodyFields) payload = buildBody(target.bodyFields, variables);
  else if (dialect === 'LIVE_CHAT') payload = buildBody(LIVE_CHAT_DEFAULT_BODY, variables);
  else if (dialect === 'WORKSPACE_WEBHOOK') payload = workspaceWebhookPayload(event);
  else if (dialect === 'SUBSCRIPTION') payload = subscriptionPayload(event);
  const body = method === 'GET' || payload === undefined ? '' : JSON.stringify(payload);

  // A URL stored with credentials (before they were moved into auth) is sent, and recorded, without them.
  const { url: bareUrl, auth } = moveUrlCredentials(target.url, target.auth);
  const url = new URL(bareUrl);
  if (dialect === 'SMPP_GET') for (const [k, v] of smppStatusQuery(event)) url.searchParams.append(k, v);
  for (const p of target.queryParams) url.searchParams.append(p.key, fieldText(p, variables));

  const timestamp = Math.floor(options.now.getTime() / 1000);
  // Without a prototype: configured header names are data, even one stored past validation.
  const headers = Object.assign(Object.create(null) as Record<string, string>, { 'user-agent': USER_AGENT });
  if (body) headers['content-type'] = 'application/json';
  for (const h of target.headers) headers[h.key.toLowerCase()] = headerValueToSend(fieldText(h, variables), h.type === 'VARIABLE');
  if (auth.type === 'API_KEY') headers[auth.headerName.toLowerCase()] = headerValueToSend(auth.value, false);
  if (auth.type === 'BASIC') headers.authorization = basic(auth);
  if (auth.type === 'BEARER') headers.authorization = headerValueToSend(`Bearer ${auth.token}`, false);
  // Ours last, so a configured header cannot forge them.
  headers['webhook-id'] = event.id;
  headers['webhook-timestamp'] = String(timestamp);
  headers['webhook-signature'] = signatureHeader(event.id, timestamp, body, activeSecrets(target.signingSecrets, options.now.getTime()));
  headers['x-switchboard-event'] = event.type;
  headers['x-switchboard-attempt'] = String(options.attempt);
  return { method, url: url.toString(), headers, body };
}

/**
 * The request Twilio would make: a form POST signed with `X-Twilio-Signature` (HMAC-SHA1 of the URL
 * and the sorted parameters, keyed with the API key secret the target keeps), with the event id as
 * `I-Twilio-Idempotency-Token`, the same on every retry. Credentials the URL was given with go as
 * Basic auth; the signature covers the URL without them, as the receiver sees it.
 */
function renderTwilioRequest(event: StoredEvent, target: OpenTarget, accountSid: string, attempt: number): RenderedRequest {
  const params = twilioParams(event, accountSid);
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': twilioSignature(currentSecret(target.signingSecrets), target.url, params),
    'i-twilio-idempotency-token': event.id,
    'x-switchboard-attempt': String(attempt),
  };
  if (target.auth.type === 'BASIC') headers.authorization = basic(target.auth);
  return { method: 'POST', url: target.url, headers, body: new URLSearchParams(params as Record<string, string>).toString() };
}

const basic = (auth: { username: string; password: string }) => `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
