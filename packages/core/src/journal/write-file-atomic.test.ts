import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJsonLine } from './append-json-line';
import { writeFileAtomic } from './write-file-atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes and replaces a file, creating parents, leaving no temp files', async () => {
    const path = join(dir, 'a', 'b', 'out.md');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new TextEncoder().encode('second'));
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['out.md']);
  });

  it('keeps the old content when concurrent writers race', async () => {
    const path = join(dir, 'out.txt');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(path, `v${i}`.repeat(1000))),
    );
    expect(await readFile(path, 'utf8')).toMatch(/^(v\d+)\1*$/);
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('cleans its temp file up when the rename fails', async () => {
    const target = join(dir, 'target');
    await writeFileAtomic(join(target, 'inner'), 'x');
    // Renaming a file over a non-empty directory fails.
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['target']);
  });
});

describe('appendJsonLine', () => {
  it('appends one JSON value per line', async () => {
    const path = join(dir, 'log.jsonl');
    await appendJsonLine(path, { a: 1 });
    await Promise.all([appendJsonLine(path, { b: 'x\ny' }), appendJsonLine(path, [1, 2])]);
    const lines = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(lines[0]).toEqual({ a: 1 });
    expect(lines).toHaveLength(3);
    await expect(appendJsonLine(path, undefined)).rejects.toThrow(TypeError);
  });
});
