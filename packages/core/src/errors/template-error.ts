import { LongformError } from './longform-error';

const name = 'LongformTemplateError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A prompt template is broken: a syntax error, a reference to a variable its schema does not
 * declare (e.g. a typo such as `{{instrution}}`), or a lookup that fails while rendering. A
 * programming error in the template, not in the user's data.
 */
export class TemplateError extends LongformError {
  private readonly [symbol] = true;

  readonly templateName: string;
  /** 1-based line in the template source, when known. */
  readonly line?: number;

  constructor({
    templateName,
    message,
    line,
    cause,
  }: {
    templateName: string;
    message: string;
    line?: number;
    cause?: unknown;
  }) {
    const where = line === undefined ? '' : ` (line ${line})`;
    super({ name, message: `template "${templateName}"${where}: ${message}`, cause });
    this.templateName = templateName;
    this.line = line;
  }

  static override isInstance(error: unknown): error is TemplateError {
    return LongformError.hasMarker(error, marker);
  }
}
