import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { readJsonLines } from './read-json-lines';

const row = z.object({ id: z.number(), prompt: z.string() });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-jsonl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(file: string, options?: { tolerateTornTail?: boolean }) {
  const values: Array<{ value: z.infer<typeof row>; line: number }> = [];
  for await (const item of readJsonLines(file, row, options)) values.push(item);
  return values;
}

describe('readJsonLines', () => {
  it('yields validated values with their line numbers, skipping blank lines, BOM and CRLF', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '\uFEFF{"id":1,"prompt":"a"}\r\n\n  \n{"id":2,"prompt":"b"}\n');
    expect(await collect(file)).toEqual([
      { value: { id: 1, prompt: 'a' }, line: 1 },
      { value: { id: 2, prompt: 'b' }, line: 4 },
    ]);
  });

  it('reads a last line without a trailing newline when it is complete', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '{"id":1,"prompt":"a"}\n{"id":2,"prompt":"b"}');
    expect((await collect(file)).map(item => item.value.id)).toEqual([1, 2]);
  });

  it('names the file and line of invalid JSON', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '{"id":1,"prompt":"a"}\n{"id":2,\n{"id":3,"prompt":"c"}\n');
    const error = await collect(file).catch(e => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.line).toBe(2);
    expect(error.message).toContain(`${file}, line 2: not valid JSON`);
  });

  it('names the field that fails the schema', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '{"id":1,"prompt":"a"}\n{"id":2,"prompt":5}\n');
    await expect(collect(file)).rejects.toThrow(`${file}, line 2, field "prompt"`);
  });

  it('ignores a torn last line only when asked to', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '{"id":1,"prompt":"a"}\n{"id":2,"pro');
    expect((await collect(file, { tolerateTornTail: true })).map(item => item.line)).toEqual([1]);
    await expect(collect(file)).rejects.toThrow('line 2: not valid JSON');
  });

  it('does not tolerate a bad line that is not the tail', async () => {
    const file = join(dir, 'in.jsonl');
    await writeFile(file, '{"id":1,"pro\n{"id":2,"prompt":"b"}');
    await expect(collect(file, { tolerateTornTail: true })).rejects.toThrow('line 1');
  });

  it('handles lines longer than the read chunk', async () => {
    const file = join(dir, 'in.jsonl');
    const long = 'x'.repeat(200_000);
    await writeFile(file, `{"id":1,"prompt":"${long}"}\n{"id":2,"prompt":"é"}\n`);
    const values = await collect(file);
    expect(values[0]?.value.prompt.length).toBe(200_000);
    expect(values[1]?.value.prompt).toBe('é');
  });
});
