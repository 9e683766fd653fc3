import { z } from 'zod';
import { Channel, MessageDirection, MessageStatus, WebhookEvent } from '../generated/prisma/enums.ts';
import { pagingInput } from '../validation/paging.ts';
import { credentialsBesideAuth, targetInput } from '../targets/target-config.ts';
import { LIMITS, optionalText, requiredText } from '../validation/rules.ts';

const filters = {
  channels: z.array(z.enum(Channel)).max(10).nullish(),
  directions: z.array(z.enum(MessageDirection)).max(2).nullish(),
  statuses: z.array(z.enum(MessageStatus)).max(10).nullish(),
};

export const createWebhookInput = targetInput.extend({
  workspaceId: z.number().int().nullish(),
  label: requiredText(LIMITS.label),
  event: z.enum(WebhookEvent),
  ...filters,
  sendTestPing: z.boolean().nullish(),
}).superRefine(credentialsBesideAuth);

export const updateWebhookInput = targetInput.partial().extend({
  id: z.string(),
  label: requiredText(LIMITS.label).optional(),
  event: z.enum(WebhookEvent).optional(),
  ...filters,
}).superRefine(credentialsBesideAuth);

export const listWebhooksInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  label: optionalText(LIMITS.label),
  event: z.enum(WebhookEvent).nullish(),
});

export const idInput = z.object({ id: z.string().max(100) });
export const rotateSecretInput = idInput.extend({
  gracePeriodSeconds: z.number().int().min(0).max(7 * 24 * 3600, 'must be at most 604800 (7 days)').nullish(),
});
export const disableInput = idInput.extend({ reason: optionalText(500) });
