import { badInput } from '../errors.ts';

/**
 * An `ID` argument as the services take it. Every id of ours is short ASCII, so a NUL character
 * (which PostgreSQL refuses in text) is the caller's mistake, named by its field.
 */
export function idArg(value: string | number, field = 'id'): string {
  const id = String(value);
  if (id.includes('\u0000')) throw badInput(field, 'must not contain NUL characters');
  return id;
}

export const idsArg = (values: readonly (string | number)[], field: string) => values.map((v, i) => idArg(v, `${field}.${i}`));
