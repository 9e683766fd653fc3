import { badInput } from '../errors.ts';
import { literalHostProblem } from '../outbound/ssrf.ts';

/** Refuses, at configuration time, a URL whose host is a private or reserved IP literal. */
export function assertPublicUrl(url: string, allowPrivate: boolean, field = 'url'): void {
  if (allowPrivate) return;
  const problem = literalHostProblem(new URL(url));
  if (problem) throw badInput(field, `${problem}; set SWITCHBOARD_ALLOW_PRIVATE_TARGETS=true to allow it`);
}
