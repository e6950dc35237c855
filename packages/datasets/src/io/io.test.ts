import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomicFileWriter } from './atomic-file-writer';
import { readLines } from './read-lines';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-datasets-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(file: string) {
  const lines = [];
  for await (const line of readLines(file)) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('yields lines with byte offsets, strips BOM and CR, and flags an unterminated last line', async () => {
    const file = join(dir, 'a.jsonl');
    await writeFile(file, '\ufeffé1\r\n\nzwei\ndrei');
    const lines = await collect(file);
    expect(lines.map(l => l.text)).toEqual(['é1', '', 'zwei', 'drei']);
    // 'é' is 2 bytes and the BOM 3: offsets are bytes, not code units.
    expect(lines.map(l => l.end)).toEqual([8, 9, 14, 18]);
    expect(lines.map(l => l.terminated)).toEqual([true, true, true, false]);
  });

  it('joins lines that span read chunks', async () => {
    const file = join(dir, 'big.txt');
    const long = 'x'.repeat((1 << 20) + 17);
    await writeFile(file, `a\n${long}\nb\n`);
    const lines = await collect(file);
    expect(lines.map(l => l.text.length)).toEqual([1, long.length, 1]);
    expect(lines[2]!.end).toBe(2 + long.length + 1 + 2);
  });
});

describe('atomic writers', () => {
  it('only replaces the target on commit and leaves no temp file behind', async () => {
    const file = join(dir, 'out.jsonl');
    await writeFile(file, 'old\n');
    const writer = await openAtomicFileWriter(file);
    await writer.write('new\n');
    expect(await readFile(file, 'utf8')).toBe('old\n');
    await writer.commit();
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['out.jsonl']);
  });

  it('abort keeps the old file', async () => {
    const file = join(dir, 'out.json');
    await writeFile(file, '{"a":1}');
    const writer = await openAtomicFileWriter(file);
    await writer.write('partial');
    await writer.abort();
    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['out.json']);
    await expect(writer.write('x')).rejects.toThrow(/write after/);
  });
});
