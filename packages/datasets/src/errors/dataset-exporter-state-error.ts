import { LongformError } from '@longform/core';

const name = 'LongformDatasetExporterStateError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The exporter was used out of order, e.g. `add()` after `finish()`. Separate from input errors
 * because it is a bug in the calling code, not in the data.
 */
export class DatasetExporterStateError extends LongformError {
  private readonly [symbol] = true;

  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ name, message, cause });
  }

  static override isInstance(error: unknown): error is DatasetExporterStateError {
    return LongformError.hasMarker(error, marker);
  }
}
