import { LongformError } from './longform-error';

const name = 'LongformInvalidInputError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Bad user input: a file, a line in it, or a field. The message always names where the problem is,
 * so a user can fix the input without reading a stack trace.
 */
export class InvalidInputError extends LongformError {
  private readonly [symbol] = true;

  readonly file?: string;
  readonly line?: number;
  readonly field?: string;

  constructor({
    message,
    file,
    line,
    field,
    cause,
  }: {
    message: string;
    file?: string;
    line?: number;
    field?: string;
    cause?: unknown;
  }) {
    const where = [
      file,
      line != null ? `line ${line}` : undefined,
      field ? `field "${field}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super({ name, message: where ? `${where}: ${message}` : message, cause });
    this.file = file;
    this.line = line;
    this.field = field;
  }

  static override isInstance(error: unknown): error is InvalidInputError {
    return LongformError.hasMarker(error, marker);
  }
}
