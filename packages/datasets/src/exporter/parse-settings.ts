import { InvalidInputError } from '@longform/core';
import type { z } from 'zod';

/**
 * Validates settings against their schema. The first issue becomes an InvalidInputError naming the
 * field (none for an issue about the whole object), with the zod error as its cause, so every
 * settings object of a dataset build reports bad input the same way.
 */
export function parseSettings<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({
      message: issue.message,
      field: issue.path.length > 0 ? issue.path.join('.') : undefined,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
