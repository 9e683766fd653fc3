import { deviceInboundDoor, deviceStatusDoor } from './device-endpoints.ts';
import type { Door } from './door.ts';
import { liveChatDoor } from './live-chat-door.ts';
import { mediaDoor } from './media-endpoint.ts';
import { plainWebhookDoor } from './plain-webhook-door.ts';
import { providerCallbackDoors } from './provider-callbacks.ts';
import { twilioApiDoors } from './twilio-api/twilio-api.ts';

/** The REST doors next to GraphQL, each a route and a handler over the shared edge (door.ts). */
export const restDoors = (): Door[] => [
  plainWebhookDoor,
  deviceInboundDoor,
  deviceStatusDoor,
  liveChatDoor,
  ...providerCallbackDoors,
  mediaDoor,
  ...twilioApiDoors(),
];
