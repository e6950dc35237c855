import { LongformError } from '@longform/core';

const name = 'LongformPlanError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A plan could not be obtained or repaired: the model returned no usable section lines, or the
 * sections cannot be brought within the bounds after the allowed re-plans.
 */
export class PlanError extends LongformError {
  private readonly [symbol] = true;

  readonly reason:
    | 'no-sections'
    | 'too-many-sections'
    | 'invalid'
    | 'out-of-bounds'
    | 'call-failed';
  readonly attempts: number;

  constructor({
    message,
    reason,
    attempts,
    cause,
  }: {
    message: string;
    reason: PlanError['reason'];
    attempts: number;
    cause?: unknown;
  }) {
    super({ name, message, cause });
    this.reason = reason;
    this.attempts = attempts;
  }

  static override isInstance(error: unknown): error is PlanError {
    return LongformError.hasMarker(error, marker);
  }
}
