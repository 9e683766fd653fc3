import { builder } from './builder.ts';
import { countListedNodes } from './limits.ts';
// Each import adds its domain's types, queries and mutations to the builder.
import './schema/workspaces.ts';
import './schema/auth.ts';
import './schema/webhooks.ts';
import './schema/delivery.ts';
import './schema/devices.ts';
import './schema/clients.ts';
import './schema/messages.ts';
import './schema/conversations.ts';
import './schema/live-chat.ts';

export const schema = countListedNodes(builder.toSchema({ sortSchema: true }));
