import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBenchmarkPrompts } from './read-benchmark-prompts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-bench-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readBenchmarkPrompts', () => {
  it('reads LongBench-Write prompts and LonGen queries', async () => {
    const path = join(dir, 'b.jsonl');
    await writeFile(
      path,
      '{"prompt": "Write 100 words.", "type": "x", "length": 100}\n\n{"language": "en", "query": "Write a story.", "constraint": "around 2000 words"}\n',
    );
    expect(await readBenchmarkPrompts(path, { name: 'mixed' })).toEqual({
      name: 'mixed',
      prompts: ['Write 100 words.', 'Write a story.'],
    });
  });

  it('names the file and line of a bad row, and rejects empty files', async () => {
    const path = join(dir, 'b.jsonl');
    await writeFile(path, '{"prompt": "ok"}\n{"other": 1}\n');
    await expect(readBenchmarkPrompts(path, { name: 'x' })).rejects.toThrow(
      /b\.jsonl, line 2, field "prompt"/,
    );
    await writeFile(path, '\n');
    await expect(readBenchmarkPrompts(path, { name: 'x' })).rejects.toThrow(
      /no benchmark prompts found/,
    );
    await expect(readBenchmarkPrompts(join(dir, 'nope.jsonl'), { name: 'x' })).rejects.toThrow(
      /ENOENT/,
    );
  });
});
