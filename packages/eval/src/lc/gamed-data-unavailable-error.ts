import { LongformError } from '@longform/core';

const name = 'LongformGamedDataUnavailableError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * AlpacaEval's `df_gamed.csv` could not be obtained: no path was given, nothing is cached and the
 * download failed (offline) or did not match the pinned SHA-256. The message tells the user how to
 * pass the file instead.
 */
export class GamedDataUnavailableError extends LongformError {
  private readonly [symbol] = true;

  readonly url: string;

  constructor({ message, url, cause }: { message: string; url: string; cause?: unknown }) {
    super({ name, message, cause });
    this.url = url;
  }

  static override isInstance(error: unknown): error is GamedDataUnavailableError {
    return LongformError.hasMarker(error, marker);
  }
}
