import { z } from 'zod';
import { pagingInput } from '../validation/paging.ts';
import { e164, email, LIMITS, optionalText } from '../validation/rules.ts';

const profile = {
  name: optionalText(LIMITS.name),
  surname: optionalText(LIMITS.name),
  email: email.nullish(),
  address: optionalText(LIMITS.text),
  city: optionalText(LIMITS.name),
  country: optionalText(LIMITS.name),
  externalClientId: optionalText(LIMITS.name),
  tags: z.array(z.string().trim().min(1, 'must not be empty').max(LIMITS.tag, `must be at most ${LIMITS.tag} characters`)).max(LIMITS.tags, `must have at most ${LIMITS.tags} tags`).nullish(),
  stageId: optionalText(LIMITS.name),
};

export const createClientInput = z.object({ workspaceId: z.number().int().nullish(), phone: e164, ...profile });
export const updateClientInput = z.object({ id: z.string(), phone: e164.optional(), ...profile });
export const clientsInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  tag: optionalText(LIMITS.tag),
  phone: optionalText(20),
  name: optionalText(LIMITS.name),
});
