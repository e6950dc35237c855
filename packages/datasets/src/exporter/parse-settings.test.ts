import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSettings } from './parse-settings';

const schema = z
  .object({ name: z.string().default('x'), size: z.number().int().positive().optional() })
  .refine(s => s.name !== 'bad', { message: 'name must not be "bad"' });

describe('parseSettings', () => {
  it('returns the parsed output with defaults', () => {
    expect(parseSettings(schema, {})).toEqual({ name: 'x' });
  });

  it('names the field of the first issue and keeps the zod error as cause', () => {
    try {
      parseSettings(schema, { size: -1 });
      expect.unreachable();
    } catch (error) {
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).field).toBe('size');
      expect((error as Error).cause).toBeInstanceOf(z.ZodError);
    }
  });

  it('names no field for an issue about the whole object', () => {
    try {
      parseSettings(schema, { name: 'bad' });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).field).toBeUndefined();
      expect((error as Error).message).toMatch(/name must not be "bad"/);
    }
  });
});
