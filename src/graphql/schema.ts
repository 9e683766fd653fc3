import { builder } from './builder.ts';
// Each import adds its domain's types, queries and mutations to the builder.
import '../workspaces/schema.ts';
import '../auth/schema.ts';

export const schema = builder.toSchema({ sortSchema: true });
