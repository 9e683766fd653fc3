import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/errors.ts';
import { jsonTextProblem } from '../../src/validation/json-text.ts';
import { parseInput } from '../../src/validation/parse.ts';
import { LIMITS } from '../../src/validation/rules.ts';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const refusal = (input: unknown) => {
  try {
    parseInput(z.unknown(), input, 'input');
    return null;
  } catch (error) {
    return (error as AppError).details[0];
  }
};

describe('the structure of input JSON', () => {
  it('a REST body and a GraphQL value may nest exactly LIMITS.nesting levels, not one more', () => {
    expect(jsonTextProblem(nested(LIMITS.nesting))).toBeNull();
    expect(jsonTextProblem(nested(LIMITS.nesting + 1))?.message).toBe(`must not nest objects and arrays more than ${LIMITS.nesting} levels deep`);
    expect(refusal(JSON.parse(nested(LIMITS.nesting)))).toBeNull();
    expect(refusal(JSON.parse(nested(LIMITS.nesting + 1)))?.message).toBe(`must not nest objects and arrays more than ${LIMITS.nesting} levels deep`);
  });

  it('a million levels are refused at once, naming only the first levels', () => {
    expect(jsonTextProblem(nested(500_000))?.field.split('.')).toHaveLength(LIMITS.nesting);
    const deep = JSON.parse(nested(500_000)) as unknown;
    expect(refusal({ config: deep })?.field.split('.')).toHaveLength(LIMITS.nesting + 1);
  });

  it('the same key in sibling or nested objects is no duplicate; within one object it is, by its decoded name', () => {
    for (const text of ['[{"a":1},{"a":2}]', '{"a":{"b":1},"c":{"b":2}}', '{"a":1,"b":{"a":2}}', '{"a\\"":1,"a":2}']) expect(jsonTextProblem(text), text).toBeNull();
    expect(jsonTextProblem('{"x":[{"a":1},{"a":1,"b":2,"\\u0062":3}]}')).toEqual({ field: 'x.1.b', message: expect.stringMatching(/given more than once/) });
  });

  it('a key that cannot be stored is reported on its object', () => {
    expect(refusal({ config: { 'a\ud800': 1 } })).toEqual({ field: 'input.config', message: expect.stringMatching(/^has a key that must be valid Unicode/) });
    expect(refusal({ config: { 'a\u0000': 1 } })).toEqual({ field: 'input.config', message: 'has a key that must not contain NUL characters' });
  });
});
