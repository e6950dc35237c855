import { LongformError } from '@longform/core';

const name = 'LongformSectionWriteError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Writing a section failed for good: the model returned nothing usable (empty text, a refusal
 * stub) or the call failed after the SDK retries. The document is not assembled, so no failure
 * text can ever reach it.
 */
export class SectionWriteError extends LongformError {
  private readonly [symbol] = true;

  readonly sectionIndex: number;
  readonly attempt: number;

  constructor({
    message,
    sectionIndex,
    attempt,
    cause,
  }: {
    message: string;
    sectionIndex: number;
    attempt: number;
    cause?: unknown;
  }) {
    super({ name, message: `section ${sectionIndex + 1}: ${message}`, cause });
    this.sectionIndex = sectionIndex;
    this.attempt = attempt;
  }

  static override isInstance(error: unknown): error is SectionWriteError {
    return LongformError.hasMarker(error, marker);
  }
}
