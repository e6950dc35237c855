import { createReadStream } from 'node:fs';

export interface ScannedLine {
  /** The line's bytes without its `\n` (a `\r` before it is kept: JSON treats it as whitespace). */
  bytes: Buffer;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** 1-based line number. */
  line: number;
  /** Whether a `\n` ended the line; only the file's last line can lack one. */
  terminated: boolean;
}

const NEWLINE = 0x0a;

/**
 * Streams a file line by line with byte offsets (which `readline` cannot give), holding at most one
 * chunk plus one partial line in memory. `end` (exclusive) stops the scan at a byte offset.
 */
export async function* scanLines(
  file: string,
  { end, chunkSize = 1 << 16 }: { end?: number; chunkSize?: number } = {},
): AsyncGenerator<ScannedLine> {
  if (end !== undefined && end <= 0) return;
  const stream = createReadStream(file, {
    highWaterMark: chunkSize,
    ...(end !== undefined ? { end: end - 1 } : {}),
  });
  let partial: Buffer[] = [];
  let partialLength = 0;
  let lineStart = 0;
  let position = 0;
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) break;
      const piece = chunk.subarray(from, newline);
      const bytes = partialLength === 0 ? piece : Buffer.concat([...partial, piece]);
      partial = [];
      partialLength = 0;
      line += 1;
      yield { bytes, offset: lineStart, line, terminated: true };
      from = newline + 1;
      lineStart = position + from;
    }
    if (from < chunk.length) {
      partial.push(chunk.subarray(from));
      partialLength += chunk.length - from;
    }
    position += chunk.length;
  }
  if (partialLength > 0) {
    line += 1;
    yield { bytes: Buffer.concat(partial), offset: lineStart, line, terminated: false };
  }
}
