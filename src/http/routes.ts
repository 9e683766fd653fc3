import type { Runtime } from '../runtime.ts';
import { deviceEndpoints } from './device-endpoints.ts';
import { plainWebhookDoor } from './plain-webhook-door.ts';
import { liveChatResponseEndpoint } from './live-chat-door.ts';
import type { Route } from './server.ts';
import { providerCallbacks } from './provider-callbacks.ts';
import { mediaEndpoint } from './media-endpoint.ts';
import { twilioApiRoutes } from './twilio-api/twilio-api.ts';

/** The REST doors next to GraphQL. Path parameters are named groups: an error about one names it. */
export function restRoutes(rt: Runtime): Route[] {
  const devices = deviceEndpoints(rt);
  const providers = providerCallbacks(rt);
  const providerPath = /^\/providers\/(?<driver>[^/]+)\/(?<deviceId>[^/]+)$/;
  return [
    { method: 'POST', path: providerPath, handler: providers },
    { method: 'GET', path: providerPath, handler: providers },
    { method: 'GET', path: /^\/media\/(?<id>[^/]+)$/, handler: mediaEndpoint(rt) },
    { method: 'POST', path: /^\/webhook\/?$/, handler: plainWebhookDoor(rt) },
    { method: 'POST', path: /^\/devices\/(?<id>[^/]+)\/inbound$/, handler: devices.inbound },
    { method: 'POST', path: /^\/devices\/(?<id>[^/]+)\/status$/, handler: devices.status },
    { method: 'POST', path: /^\/integrations\/live-chat\/(?<integrationId>[^/]+)\/chats\/(?<chatIdentifier>[^/]+)\/events$/, handler: liveChatResponseEndpoint(rt) },
    ...twilioApiRoutes(rt),
  ];
}
