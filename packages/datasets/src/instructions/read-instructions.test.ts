import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instructionId } from './instruction-id';
import { readInstructions } from './read-instructions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-instructions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(text: string): Promise<string> {
  const path = join(dir, 'in.jsonl');
  await writeFile(path, text);
  return path;
}

async function errorOf(path: string): Promise<InvalidInputError> {
  try {
    await readInstructions(path);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('readInstructions', () => {
  it('reads LongWriter and LongBench-Write rows', async () => {
    const path = await file(
      [
        '{"prompt": "Write a 5000-word story."}',
        '',
        '{"prompt": "写一篇2000字的文章", "type": "Literature", "length": 2000}',
        '{"prompt": "Essay", "id": 7, "words": 300}\r',
      ].join('\n'),
    );
    const rows = await readInstructions(path);
    expect(rows).toEqual([
      {
        id: instructionId('Write a 5000-word story.'),
        prompt: 'Write a 5000-word story.',
        line: 1,
        extra: {},
      },
      {
        id: instructionId('写一篇2000字的文章'),
        prompt: '写一篇2000字的文章',
        requiredLength: 2000,
        line: 3,
        extra: { type: 'Literature' },
      },
      { id: '7', prompt: 'Essay', requiredLength: 300, line: 4, extra: {} },
    ]);
    expect(rows[0]!.id).toMatch(/^p-[A-Za-z0-9_-]{16}$/);
  });

  it('names file and line for bad JSON, a missing prompt and bad lengths', async () => {
    let error = await errorOf(await file('{"prompt": "ok"}\n{"prompt": oops}\n'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/in\.jsonl, line 2: not valid JSON/);

    error = await errorOf(await file('{"text": "no prompt"}\n'));
    expect(error.field).toBe('prompt');
    expect(error.line).toBe(1);

    error = await errorOf(await file('["prompt"]\n'));
    expect(error.message).toMatch(/expected a JSON object with a "prompt" string/);

    error = await errorOf(await file('{"prompt": "x", "length": "2000"}\n'));
    expect(error.field).toBe('length');

    error = await errorOf(await file('{"prompt": "x", "length": 2000, "words": 1000}\n'));
    expect(error.field).toBe('words');
    expect(error.message).toMatch(/disagrees/);

    error = await errorOf(await file('{"prompt": "   "}\n'));
    expect(error.message).toMatch(/field "prompt": must be a non-empty string/);
  });

  it('rejects duplicate ids, explicit or derived from the prompt', async () => {
    let error = await errorOf(
      await file('{"prompt": "a", "id": "x"}\n{"prompt": "b", "id": "x"}\n'),
    );
    expect(error.message).toMatch(/line 2, field "id": duplicate id "x" \(first used on line 1\)/);
    error = await errorOf(
      await file('{"prompt": "same"}\n{"prompt": "other"}\n{"prompt": "same"}\n'),
    );
    expect(error.message).toMatch(/line 3, field "prompt": same prompt as line 1/);
    expect(
      await readInstructions(
        await file('{"prompt": "same", "id": 1}\n{"prompt": "same", "id": 2}\n'),
      ),
    ).toHaveLength(2);
  });

  it('reports a missing file as an input error naming it', async () => {
    const error = await errorOf(join(dir, 'missing.jsonl'));
    expect(error.file).toBe(join(dir, 'missing.jsonl'));
    expect(error.message).toMatch(/cannot read instructions \(ENOENT/);
  });
});
