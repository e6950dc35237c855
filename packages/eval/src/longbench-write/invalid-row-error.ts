import { InvalidInputError } from '@longform/core';

/**
 * An error about one input row. A row read from a file is named by its file and line; a row passed in
 * memory has no line, so the message names its 1-based position instead.
 */
export function invalidRowError({
  file,
  line,
  index,
  message,
  field,
}: {
  file?: string;
  line?: number;
  index: number;
  message: string;
  field: string;
}): InvalidInputError {
  return new InvalidInputError({
    message: line === undefined ? `row ${index + 1}: ${message}` : message,
    file,
    line,
    field,
  });
}
