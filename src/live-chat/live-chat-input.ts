import { z } from 'zod';
import { pagingInput } from '../validation/paging.ts';
import { credentialsBesideAuth, targetInput } from '../targets/target-config.ts';
import { LIMITS, requiredText } from '../validation/rules.ts';

const connections = z.array(z.string().max(100)).max(50, 'must have at most 50 connections');

export const createIntegrationInput = targetInput.extend({
  workspaceId: z.number().int().nullish(),
  alias: requiredText(LIMITS.label),
  connectionIds: connections.nullish(),
}).superRefine(credentialsBesideAuth);

export const updateIntegrationInput = targetInput.partial().extend({
  id: z.string(),
  alias: requiredText(LIMITS.label).optional(),
  connectionIds: connections.nullish(),
}).superRefine(credentialsBesideAuth);

export const integrationsInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  status: z.enum(['ACTIVE', 'INACTIVE']).nullish(),
});

/** Seed 002's response body: `{type: "MESSAGE", channel: {type: "SMS", route, connection} | {type: "WHATSAPP", sender}, msg}`. */
export const responseEventBody = z.object({
  type: z.literal('MESSAGE', { error: 'must be "MESSAGE"' }),
  channel: z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('SMS'), route: z.string().trim().max(100).nullish(), connection: z.string().trim().min(1, 'must name a connection').max(100) }),
      z.object({ type: z.literal('WHATSAPP'), sender: z.string().trim().min(1, 'must name the WhatsApp sender number').max(100) }),
    ],
    { error: 'must be {type: "SMS", route, connection} or {type: "WHATSAPP", sender}' },
  ),
  msg: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
});
