import { InvalidInputError } from '@longform/core';
import { type SftSample, sftSampleSchema } from './sft-sample';

/**
 * Validates an unknown value as an `SftSample`. The error names the offending field and, when known,
 * the sample id and the file/line it came from.
 */
export function parseSftSample(
  value: unknown,
  where: { file?: string; line?: number } = {},
): SftSample {
  const parsed = sftSampleSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const id =
    value != null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : undefined;
  throw new InvalidInputError({
    message: `${id != null ? `sample "${id}": ` : ''}${issue.message}`,
    file: where.file,
    line: where.line,
    field: issue.path.length > 0 ? issue.path.join('.') : undefined,
    cause: parsed.error,
  });
}
