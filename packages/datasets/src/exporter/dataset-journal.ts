import { type FileHandle, open, stat, truncate } from 'node:fs/promises';
import { DatasetJournalError } from '../errors/dataset-journal-error';
import { readLines } from '../io/read-lines';
import { parseSftSample } from '../sample/parse-sft-sample';
import type { SftSample } from '../sample/sft-sample';
import { type JournalRecord, journalRecordSchema } from './journal-record';

export type JournalEntry =
  | {
      line: number;
      type: 'sample';
      sample: SftSample;
      record: Extract<JournalRecord, { type: 'sample' }>;
    }
  | { line: number; type: 'failure'; record: Extract<JournalRecord, { type: 'failure' }> };

/**
 * Streams the journal's records. A final line without `\n` is a write torn by a crash: it is skipped
 * and its byte offset reported through `onTorn` so the caller can cut it off. Any other bad line is
 * a `DatasetJournalError` naming the line.
 */
export async function* readJournal(
  file: string,
  { onTorn }: { onTorn?: (validEnd: number) => void } = {},
): AsyncGenerator<JournalEntry> {
  if (!(await exists(file))) return;
  let validEnd = 0;
  for await (const { line, text, end, terminated } of readLines(file)) {
    if (!terminated) {
      onTorn?.(validEnd);
      return;
    }
    validEnd = end;
    if (text === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new DatasetJournalError({
        message: `not valid JSON (${(cause as Error).message})`,
        file,
        line,
        cause,
      });
    }
    const parsed = journalRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DatasetJournalError({
        message: `not a journal record (${issue.path.join('.') || 'record'}: ${issue.message})`,
        file,
        line,
        cause: parsed.error,
      });
    }
    const record = parsed.data;
    if (record.type === 'sample') {
      let sample: SftSample;
      try {
        sample = parseSftSample(record.sample);
      } catch (cause) {
        throw new DatasetJournalError({
          message: `bad sample (${(cause as Error).message})`,
          file,
          line,
          cause,
        });
      }
      yield { line, type: 'sample', sample, record };
    } else {
      yield { line, type: 'failure', record };
    }
  }
}

export async function cutTornTail(file: string, validEnd: number): Promise<void> {
  await truncate(file, validEnd);
}

export interface JournalAppender {
  /** Resolves once the line is written. Lines added while a write runs go out together next. */
  append(line: string): Promise<void>;
  /** Waits for every pending write. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Group-committing appender: concurrent `append` calls share one `write`, so thousands of small
 * records do not cost thousands of system calls, while each caller still learns when its own record
 * is on disk (in the page cache).
 */
export async function openJournalAppender(file: string): Promise<JournalAppender> {
  const handle: FileHandle = await open(file, 'a');
  let queue: string[] = [];
  let waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  let pumping: Promise<void> | undefined;

  const pump = async () => {
    while (queue.length > 0) {
      const lines = queue;
      const batch = waiters;
      queue = [];
      waiters = [];
      try {
        await handle.write(lines.join(''), null, 'utf8');
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    pumping = undefined;
  };

  return {
    append(line) {
      return new Promise<void>((resolve, reject) => {
        queue.push(line);
        waiters.push({ resolve, reject });
        pumping ??= pump();
      });
    },
    async drain() {
      while (pumping) await pumping;
    },
    async close() {
      while (pumping) await pumping;
      await handle.close();
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
