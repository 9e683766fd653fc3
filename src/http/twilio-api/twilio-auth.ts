import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../../auth/viewer.ts';
import type { Runtime } from '../../runtime.ts';
import { headerOf } from '../door.ts';

/** A workspace key that authenticated as Twilio credentials, with its secret: what signs its status callbacks. */
export type TwilioCaller = Extract<Viewer, { kind: 'workspace' }> & { secret: string };

/** `Authorization: Basic base64(user:password)`, split at the first colon; null when absent or malformed. */
export function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const encoded = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Twilio's two forms of credentials, with a workspace API key as the secret: the workspace's
 * account SID and the key (as auth token), or the key's own SID and the key (as API key secret).
 * Null for anything else, admin keys included: the door speaks for one workspace.
 */
export async function twilioCaller(rt: Runtime, req: IncomingMessage): Promise<TwilioCaller | null> {
  const credentials = basicCredentials(headerOf(req)('authorization'));
  if (!credentials?.password) return null;
  const viewer = await rt.keys.resolve(credentials.password);
  if (viewer?.kind !== 'workspace') return null;
  if (credentials.username !== viewer.accountSid && credentials.username !== viewer.keySid) return null;
  return { ...viewer, secret: credentials.password };
}
