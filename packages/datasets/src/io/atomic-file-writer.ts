import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AtomicFileWriter {
  readonly path: string;
  /** Appends text; buffered, so many small writes cost few system calls. */
  write(text: string): Promise<void>;
  /** Flushes, syncs and renames the temp file over `path`. */
  commit(): Promise<void>;
  /** Drops the temp file; `path` is left as it was. */
  abort(): Promise<void>;
}

const BUFFER_BYTES = 1 << 20;

/**
 * Streams a file into a temp file beside `path` and renames it at the end, so a reader never sees a
 * half-written dataset and a crash leaves the previous version intact. (Small files that fit in a
 * string go through core's `writeFileAtomic`.)
 */
export async function openAtomicFileWriter(path: string): Promise<AtomicFileWriter> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle: FileHandle = await open(temp, 'wx');
  // Text is encoded straight into one reusable buffer: no joins of many small strings.
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let closed = false;

  const flush = async () => {
    if (used === 0) return;
    const length = used;
    used = 0;
    await handle.write(buffer, 0, length);
  };

  return {
    path,
    async write(text) {
      if (closed) throw new Error(`${path}: write after commit/abort`);
      // UTF-8 needs at most 3 bytes per UTF-16 code unit.
      if (used + text.length * 3 > BUFFER_BYTES) {
        await flush();
        if (text.length * 3 > BUFFER_BYTES) {
          await handle.write(text, null, 'utf8');
          return;
        }
      }
      used += buffer.write(text, used, 'utf8');
    },
    async commit() {
      if (closed) throw new Error(`${path}: already committed or aborted`);
      closed = true;
      try {
        await flush();
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    },
    async abort() {
      if (closed) return;
      closed = true;
      used = 0;
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
    },
  };
}
