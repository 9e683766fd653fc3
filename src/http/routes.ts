import type { Runtime } from '../runtime.ts';
import type { Route } from './server.ts';

/** The REST doors next to GraphQL. */
export function restRoutes(_rt: Runtime): Route[] {
  return [];
}
