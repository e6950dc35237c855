import { LongformError } from '@longform/core';

const name = 'LongformJudgeParseError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A judge answered, but its text could not be turned into a verdict. Carries the raw text so reports
 * can show what the judge actually said; callers count these failures, they never drop them silently.
 */
export class JudgeParseError extends LongformError {
  private readonly [symbol] = true;

  readonly text: string;
  readonly reason: string;

  constructor({ reason, text, cause }: { reason: string; text: string; cause?: unknown }) {
    const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    super({
      name,
      message: `cannot parse judge output: ${reason} (output: ${JSON.stringify(preview)})`,
      cause,
    });
    this.reason = reason;
    this.text = text;
  }

  static override isInstance(error: unknown): error is JudgeParseError {
    return LongformError.hasMarker(error, marker);
  }
}
