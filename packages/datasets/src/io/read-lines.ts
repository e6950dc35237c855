import { createReadStream } from 'node:fs';

export interface FileLine {
  /** 1-based line number. */
  line: number;
  /** The line without its `\n` (and without a trailing `\r`). */
  text: string;
  /** Byte offset of the first byte after this line (after its `\n` when terminated). */
  end: number;
  /** False only for a last line with no final `\n`, which a crash may have torn. */
  terminated: boolean;
}

const NEWLINE = 0x0a;

/**
 * Streams a UTF-8 file line by line with byte offsets, so large journals and datasets are read in
 * constant memory and a torn last line can be cut off at an exact offset. A leading BOM is dropped.
 */
export async function* readLines(file: string): AsyncGenerator<FileLine> {
  let pending: Buffer | undefined;
  let offset = 0;
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer: Buffer = pending ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (
      let index = buffer.indexOf(NEWLINE, start);
      index !== -1;
      index = buffer.indexOf(NEWLINE, start)
    ) {
      line++;
      offset += index + 1 - start;
      yield { line, text: decode(buffer, start, index, line), end: offset, terminated: true };
      start = index + 1;
    }
    pending = start < buffer.length ? buffer.subarray(start) : undefined;
  }
  if (pending && pending.length > 0) {
    line++;
    offset += pending.length;
    yield { line, text: decode(pending, 0, pending.length, line), end: offset, terminated: false };
  }
}

function decode(buffer: Buffer, start: number, end: number, line: number): string {
  let text = buffer.toString('utf8', start, end);
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
