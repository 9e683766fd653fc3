import { z } from 'zod';
import { Channel } from '../generated/prisma/enums.ts';
import { pagingInput } from '../validation/paging.ts';
import { LIMITS, optionalText } from '../validation/rules.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const isE164 = (v: string) => /^\+[1-9]\d{1,14}$/.test(v) && parsePhoneNumberFromString(v)?.isValid() === true;

/** Which sender addresses a channel takes: SMS also short codes and alphanumeric sender ids; iMessage also an Apple ID email. */
export function addressProblem(channel: Channel, address: string): string | null {
  if (isE164(address)) return null;
  if (channel === 'SMS' && (/^\d{3,8}$/.test(address) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(address))) return null;
  if (channel === 'IMESSAGE' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return null;
  return channel === 'SMS'
    ? 'must be an E.164 number, a short code (3 to 8 digits) or an alphanumeric sender id (up to 11 letters and digits)'
    : channel === 'IMESSAGE'
      ? 'must be an E.164 number or an Apple ID email'
      : 'must be a phone number in E.164 format, like +14155552671';
}

export const createDeviceInput = z
  .object({
    workspaceId: z.number().int().nullish(),
    channel: z.enum(Channel),
    address: z.string().trim().min(1, 'must not be empty').max(100),
    driver: z.string().trim().min(1).max(50).nullish(),
    config: z.unknown().nullish(),
    integrationType: z.string().trim().min(1).max(50).regex(/^[A-Z_]+$/, 'must be upper case, like WHATSAPP or CUSTOM').nullish(),
    label: optionalText(LIMITS.label),
  })
  .superRefine((v, ctx) => {
    const problem = addressProblem(v.channel, v.address);
    if (problem) ctx.addIssue({ code: 'custom', path: ['address'], message: problem });
  });

export const updateDeviceInput = z.object({
  id: z.string(),
  config: z.unknown().nullish(),
  integrationType: z.string().trim().min(1).max(50).regex(/^[A-Z_]+$/, 'must be upper case, like WHATSAPP or CUSTOM').nullish(),
  label: optionalText(LIMITS.label),
});

export const devicesInput = pagingInput.extend({
  workspaceId: z.number().int().nullish(),
  channel: z.enum(Channel).nullish(),
  status: z.enum(['INACTIVE', 'ACTIVE', 'ERROR']).nullish(),
});

export const idsInput = z.object({ ids: z.array(z.string().max(100)).min(1, 'must name at least one device').max(100, 'must name at most 100 devices') });
