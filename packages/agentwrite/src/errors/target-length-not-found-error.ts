import { LongformError } from '@longform/core';

const name = 'LongformTargetLengthNotFoundError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The instruction states no length the extractor can read and no default was given. The CLI turns
 * this into advice to pass `--words N`.
 */
export class TargetLengthNotFoundError extends LongformError {
  private readonly [symbol] = true;

  readonly instruction: string;

  constructor({ instruction }: { instruction: string }) {
    const preview = instruction.length > 80 ? `${instruction.slice(0, 77)}...` : instruction;
    super({
      name,
      message: `no target length found in the instruction "${preview.replace(/\s+/g, ' ')}"; state one (e.g. "2000 words", "3000字") or pass --words N`,
    });
    this.instruction = instruction;
  }

  static override isInstance(error: unknown): error is TargetLengthNotFoundError {
    return LongformError.hasMarker(error, marker);
  }
}
