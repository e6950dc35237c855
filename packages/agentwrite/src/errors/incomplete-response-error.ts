import { LongformError } from '@longform/core';

const name = 'LongformIncompleteResponseError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A response that ended without a normal finish (a cut stream, a content filter, an error finish).
 * Its text is never used: the step is tried again, and after the last try the section fails.
 */
export class IncompleteResponseError extends LongformError {
  private readonly [symbol] = true;

  readonly finishReason: string;

  constructor({
    finishReason,
    stage,
    step,
  }: { finishReason: string; stage: string; step: string }) {
    super({
      name,
      message: `${stage} ${step}: the response ended with finish reason "${finishReason}"`,
    });
    this.finishReason = finishReason;
  }

  static override isInstance(error: unknown): error is IncompleteResponseError {
    return LongformError.hasMarker(error, marker);
  }
}
