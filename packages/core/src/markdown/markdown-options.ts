import type { z } from 'zod';
import { InvalidInputError } from '../errors';

/** Validates an options object against its schema; a bad field becomes an InvalidInputError naming it. */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
  fn: string,
): z.output<S> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InvalidInputError({
    field: issue.path.map(String).join('.') || 'options',
    message: `${fn}: ${issue.message}`,
    cause: result.error,
  });
}
