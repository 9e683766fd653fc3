import { builder } from './builder.ts';
import { countListedNodes } from './limits.ts';
// Each import adds its domain's types, queries and mutations to the builder.
import '../workspaces/schema.ts';
import '../auth/schema.ts';
import '../webhooks/schema.ts';
import '../delivery/schema.ts';
import '../devices/schema.ts';
import '../clients/schema.ts';
import '../messages/schema.ts';
import '../conversations/schema.ts';
import '../live-chat/schema.ts';

export const schema = countListedNodes(builder.toSchema({ sortSchema: true }));
