import type { TwilioParams } from '../../crypto/twilio-signature.ts';
import { parseInput } from '../../validation/parse.ts';
import { z } from 'zod';
import { formBody, type DoorCall } from '../door.ts';

/**
 * A request's parameters, as Twilio takes them: the query string, and the form-encoded body of a
 * POST (whatever its content type says). A repeated name (`MediaUrl`) is a list. Text PostgreSQL
 * cannot store (a NUL) is refused naming the parameter.
 */
export async function readParams(call: Pick<DoorCall, 'req'>): Promise<TwilioParams> {
  return parseInput(z.record(z.string(), z.union([z.string(), z.array(z.string())])), await formBody(call));
}

/** The first value of a parameter. */
export const one = (params: TwilioParams, name: string): string | undefined => {
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Every value of a parameter. */
export const all = (params: TwilioParams, name: string): string[] => {
  const v = params[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
