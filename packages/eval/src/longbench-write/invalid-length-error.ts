import { LongformError } from '@longform/core';

const name = 'LongformInvalidLengthError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A required length that no length score is defined for (x ≤ 0, not finite), or a negative counted
 * length. Upstream crashes with ZeroDivisionError on some of these; the project refuses them loudly.
 */
export class InvalidLengthError extends LongformError {
  private readonly [symbol] = true;

  readonly field: 'required' | 'actual';
  readonly value: number;

  constructor({
    field,
    value,
    message,
  }: {
    field: 'required' | 'actual';
    value: number;
    message?: string;
  }) {
    super({
      name,
      message:
        message ??
        `invalid ${field} length ${value}: ${field === 'required' ? 'must be a finite number > 0' : 'must be a finite number ≥ 0'}`,
    });
    this.field = field;
    this.value = value;
  }

  static override isInstance(error: unknown): error is InvalidLengthError {
    return LongformError.hasMarker(error, marker);
  }
}
