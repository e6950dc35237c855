import { open as openFile, stat, truncate } from 'node:fs/promises';
import { InvalidInputError } from '../errors';
import { UsageTotals } from '../usage/usage-totals';
import { type JournalEntry, type JournalEntryInput, journalEntrySchema } from './journal-entry';
import { parseWithSchema } from './read-json-lines';
import { scanLines } from './scan-lines';

type FileHandle = Awaited<ReturnType<typeof openFile>>;

export interface JournalOpenOptions {
  /**
   * fsync after every append. Off by default: a killed process loses nothing (the data is in the
   * page cache), and after a power loss the worst case is redoing the last few steps, which the
   * torn-tail handling makes safe. Turn it on when a step is too expensive to ever redo.
   */
  sync?: boolean;
}

/**
 * An append-only JSONL journal of completed steps. Opening it streams the file once and keeps
 * only an index (key → byte offset and length) plus usage totals, so a journal of 100k long
 * responses costs a few MB of memory; `get` reads the one entry it needs from disk.
 *
 * One process appends at a time (`openRun` holds a lock for that). Appends are serialised, each
 * is a single `write` of one line on an `O_APPEND` handle, and a torn last line left by a crash is
 * cut off when the journal is opened.
 */
export class Journal {
  readonly file: string;
  /** Token totals of every entry in the journal, including those written by earlier sessions. */
  readonly usage: UsageTotals;

  private readonly slots = new Map<string, number>();
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private size: number;
  private needsNewline: boolean;
  private readonly sync: boolean;
  private writer: FileHandle | undefined;
  private reader: Promise<FileHandle> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(file: string, size: number, needsNewline: boolean, sync: boolean) {
    this.file = file;
    this.size = size;
    this.needsNewline = needsNewline;
    this.sync = sync;
    this.usage = new UsageTotals();
  }

  /** Opens (or creates) a journal, indexing what is already in it. */
  static async open(file: string, { sync = false }: JournalOpenOptions = {}): Promise<Journal> {
    let size = 0;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const journal = new Journal(file, size, false, sync);
    if (size > 0) await journal.index();
    journal.writer = await openFile(file, 'a');
    return journal;
  }

  /** Number of distinct step keys. */
  get count(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The entry for `key`, read from disk, or `undefined`. */
  async get(key: string): Promise<JournalEntry | undefined> {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const offset = this.offsets[slot]!;
    const length = this.lengths[slot]!;
    // One shared handle: concurrent lookups await the same open instead of each opening (and leaking) one.
    this.reader ??= openFile(this.file, 'r');
    const reader = await this.reader;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await reader.read(buffer, 0, length, offset);
    if (bytesRead !== length) {
      throw new InvalidInputError({
        message: `journal entry at byte ${offset} is truncated (the file changed under the run)`,
        file: this.file,
      });
    }
    return parseWithSchema(journalEntrySchema, JSON.parse(buffer.toString('utf8')), this.file);
  }

  /**
   * Appends an entry. A later entry with the same key replaces the earlier one for `get` and
   * `entries` (both stay in the file; the usage of both is counted, since both calls were paid).
   */
  async append(input: JournalEntryInput): Promise<JournalEntry> {
    const entry = parseWithSchema(journalEntrySchema, {
      ...input,
      createdAt: input.createdAt ?? new Date().toISOString(),
    });
    let line: string;
    try {
      line = `${JSON.stringify(entry)}\n`;
    } catch (error) {
      throw new InvalidInputError({
        message: `journal entry is not JSON-serialisable (${(error as Error).message})`,
        field: 'data',
        cause: error,
      });
    }
    const run = this.tail.then(() => this.write(entry, line));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The current entry of every key, in file order, streamed from disk. */
  async *entries(): AsyncGenerator<JournalEntry> {
    await this.tail;
    for await (const scanned of scanLines(this.file, { end: this.size })) {
      const entry = this.parseLine(scanned.bytes, scanned.line);
      if (entry === undefined) continue;
      const slot = this.slots.get(entry.key);
      if (slot !== undefined && this.offsets[slot] === scanned.offset) yield entry;
    }
  }

  /** Waits for pending appends and releases the file handles. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    await this.writer?.close();
    await (await this.reader)?.close();
    this.writer = undefined;
    this.reader = undefined;
  }

  private async write(entry: JournalEntry, line: string): Promise<JournalEntry> {
    if (this.closed || !this.writer) {
      throw new InvalidInputError({ message: 'journal is closed', file: this.file });
    }
    const prefix = this.needsNewline ? '\n' : '';
    const buffer = Buffer.from(prefix + line, 'utf8');
    let written = 0;
    // A regular file takes the whole buffer in one write; the loop only covers a short write
    // (disk full), whose torn line the next open cuts off.
    while (written < buffer.length) {
      const { bytesWritten } = await this.writer.write(buffer, written, buffer.length - written);
      written += bytesWritten;
    }
    if (this.sync) await this.writer.datasync();
    const offset = this.size + prefix.length;
    this.size += buffer.length;
    this.needsNewline = false;
    this.record(entry, offset, buffer.length - prefix.length - 1);
    return entry;
  }

  private record(entry: JournalEntry, offset: number, length: number) {
    let slot = this.slots.get(entry.key);
    if (slot === undefined) {
      slot = this.offsets.length;
      this.slots.set(entry.key, slot);
      this.offsets.push(offset);
      this.lengths.push(length);
    } else {
      this.offsets[slot] = offset;
      this.lengths[slot] = length;
    }
    if (entry.usage) this.usage.add(entry.usage, { stage: entry.stage, model: entry.model });
  }

  private parseLine(bytes: Buffer, line: number): JournalEntry | undefined {
    const text = bytes.toString('utf8');
    if (!/\S/.test(text)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidInputError({
        message: `corrupt journal line (${(error as Error).message})`,
        file: this.file,
        line,
        cause: error,
      });
    }
    // Zod would triple the time to open a large journal; it only runs to explain a bad line.
    if (isWellFormedEntry(json)) return json;
    return parseWithSchema(journalEntrySchema, json, this.file, line);
  }

  private async index(): Promise<void> {
    for await (const scanned of scanLines(this.file, { end: this.size })) {
      if (!scanned.terminated) {
        let entry: JournalEntry | undefined;
        try {
          entry = this.parseLine(scanned.bytes, scanned.line);
        } catch {
          entry = undefined;
        }
        if (entry) {
          // A complete entry that only lost its newline: keep it, and add the newline on the
          // next append.
          this.record(entry, scanned.offset, scanned.bytes.length);
          this.needsNewline = true;
        } else {
          // A crash mid-append: cut the torn line off so the next append starts a clean line.
          await truncate(this.file, scanned.offset);
          this.size = scanned.offset;
        }
        return;
      }
      const entry = this.parseLine(scanned.bytes, scanned.line);
      if (entry) this.record(entry, scanned.offset, scanned.bytes.length);
    }
  }
}

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const USAGE_FIELDS = new Set([
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'cachedInputTokens',
  'reasoningTokens',
]);

/** The checks of `journalEntrySchema`, by hand. */
function isWellFormedEntry(json: unknown): json is JournalEntry {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const entry = json as Record<string, unknown>;
  if (typeof entry.key !== 'string' || entry.key === '') return false;
  if (typeof entry.stage !== 'string' || entry.stage === '') return false;
  if (typeof entry.createdAt !== 'string') return false;
  if (
    entry.step !== undefined &&
    typeof entry.step !== 'string' &&
    typeof entry.step !== 'number'
  ) {
    return false;
  }
  if (entry.model !== undefined && typeof entry.model !== 'string') return false;
  if (
    entry.durationMs !== undefined &&
    (typeof entry.durationMs !== 'number' || !(entry.durationMs >= 0))
  ) {
    return false;
  }
  if (entry.usage !== undefined) {
    if (entry.usage === null || typeof entry.usage !== 'object') return false;
    for (const [name, value] of Object.entries(entry.usage)) {
      if (!USAGE_FIELDS.has(name) || !isCount(value)) return false;
    }
  }
  return true;
}
