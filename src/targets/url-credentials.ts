/** The auth a target may have; credentials in a URL become BASIC. (target-config.ts validates it.) */
export type TargetAuth =
  | { type: 'NONE' }
  | { type: 'API_KEY'; headerName: string; value: string }
  | { type: 'BASIC'; username: string; password: string }
  | { type: 'BEARER'; token: string };

/**
 * Credentials written into a target URL (`https://user:pass@host/…`) are a secret in a place that
 * is shown, copied and recorded with every attempt. They become the target's Basic auth instead:
 * encrypted at rest and masked like every other secret.
 */

const decode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/** The user name and password a URL carries, percent-decoded; null when it carries none. */
export function urlCredentials(url: string): { username: string; password: string } | null {
  if (!url.includes('@') || !URL.canParse(url)) return null;
  const { username, password } = new URL(url);
  return username || password ? { username: decode(username), password: decode(password) } : null;
}

/**
 * A target's URL without credentials, and its auth: the URL's credentials as Basic auth unless
 * other auth is set (input validation refuses giving both; this keeps the explicit one).
 */
export function moveUrlCredentials<A extends TargetAuth | null | undefined>(url: string, auth: A): { url: string; auth: A | TargetAuth } {
  const credentials = urlCredentials(url);
  if (!credentials) return { url, auth };
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return { url: bare.toString(), auth: auth && auth.type !== 'NONE' ? auth : { type: 'BASIC', ...credentials } };
}

/** The URL as it may be shown: without a user name or password (rows written before they were moved may hold them). */
export const withoutCredentials = (url: string): string => moveUrlCredentials(url, null).url;
