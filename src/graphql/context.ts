import type { Viewer } from '../auth/viewer.ts';
import type { Runtime } from '../runtime.ts';

/** Per-request GraphQL context: the runtime and who is calling (null when no valid key was sent). */
export type Context = {
  rt: Runtime;
  viewer: Viewer | null;
  /** A key was sent that we do not know: only the schema answers. */
  keyRejected: boolean;
  /** List items answered so far, against GRAPHQL_LIMITS.maxListedNodes. */
  listedNodes: number;
  /** The key itself, only for what must sign with it as Twilio signs with an auth token (twilioSmsUrl); never shown or logged. */
  key: string | null;
  requestId: string;
};
