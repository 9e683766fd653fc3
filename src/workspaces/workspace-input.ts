import { z } from 'zod';
import { pagingInput } from '../validation/paging.ts';
import { headersInput, targetUrl, twilioCallbackUrl } from '../targets/target-config.ts';
import { e164, email, LIMITS, optionalText, requiredText } from '../validation/rules.ts';

const contact = {
  address: optionalText(LIMITS.text),
  email: email.nullish(),
  phone: e164.nullish(),
  webhookUrl: targetUrl.nullish(),
  headers: headersInput.nullish(),
  legacyAuth: z.boolean().nullish(),
};

export const createWorkspaceInput = z.object({
  name: requiredText(LIMITS.name),
  ...contact,
  cloneFromId: z.number().int().positive().nullish(),
});

export const updateWorkspaceInput = z.object({
  id: z.number().int(),
  name: requiredText(LIMITS.name).optional(),
  ...contact,
  twilioSmsUrl: twilioCallbackUrl.nullish(),
});

export const listWorkspacesInput = pagingInput.extend({ name: optionalText(LIMITS.name) });
