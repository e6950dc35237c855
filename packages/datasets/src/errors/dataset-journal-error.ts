import { LongformError } from '@longform/core';

const name = 'LongformDatasetJournalError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The exporter's run journal cannot be trusted: a line in the middle is not valid JSON or not a
 * journal record. A torn *last* line is a normal crash artefact and is repaired instead.
 */
export class DatasetJournalError extends LongformError {
  private readonly [symbol] = true;

  readonly file: string;
  readonly line?: number;

  constructor({
    message,
    file,
    line,
    cause,
  }: {
    message: string;
    file: string;
    line?: number;
    cause?: unknown;
  }) {
    super({ name, message: `${file}${line != null ? `, line ${line}` : ''}: ${message}`, cause });
    this.file = file;
    this.line = line;
  }

  static override isInstance(error: unknown): error is DatasetJournalError {
    return LongformError.hasMarker(error, marker);
  }
}
