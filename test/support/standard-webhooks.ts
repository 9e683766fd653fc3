import { Webhook } from 'standardwebhooks';

type Signed = { body: string; headers: Record<string, string> };

/**
 * Verifies a request the way a receiver does, with the public `standardwebhooks` library:
 * `new Webhook(secret).verify(body, headers)`. Throws when no signature matches.
 */
export function verifyStandardWebhook(secret: string, request: Signed): unknown {
  const h = request.headers;
  return new Webhook(secret).verify(request.body, {
    'webhook-id': h['webhook-id'] ?? '',
    'webhook-timestamp': h['webhook-timestamp'] ?? '',
    'webhook-signature': h['webhook-signature'] ?? '',
  });
}

/** True when `secret` verifies the request with the `standardwebhooks` library. */
export function signedWith(secret: string, request: Signed): boolean {
  try {
    verifyStandardWebhook(secret, request);
    return true;
  } catch {
    return false;
  }
}
