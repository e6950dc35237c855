import { appendFile } from 'node:fs/promises';

/**
 * Appends one JSON value as a line. The line and its `\n` go out in a single `write` on an
 * `O_APPEND` descriptor, so concurrent appenders never interleave inside a line.
 */
export async function appendJsonLine(path: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${path}: cannot append ${typeof value} as JSON`);
  await appendFile(path, `${text}\n`, { flag: 'a' });
}
