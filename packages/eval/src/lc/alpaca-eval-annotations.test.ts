import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCodePoints, InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import {
  modelNameFromPath,
  parseAlpacaEvalAnnotations,
  readAlpacaEvalAnnotations,
} from './alpaca-eval-annotations';

const row = (preference: number | null, output1: string, output2: string, extra = {}) => ({
  instruction: 'Say hi',
  output_1: output1,
  output_2: output2,
  generator_1: 'gpt4_1106_preview',
  generator_2: 'my-model',
  annotator: 'weighted_alpaca_eval_gpt4_turbo',
  preference,
  ...extra,
});

describe('parseAlpacaEvalAnnotations', () => {
  it('reads rows in order with code-point lengths (emoji count once)', () => {
    const set = parseAlpacaEvalAnnotations(
      JSON.stringify([row(1.75, 'hello', 'hi 😀'), row(null, 'a', 'bcd'), row(0, '', 'x')]),
      { file: 'a.json' },
    );
    expect(set.model).toBe('my-model');
    expect(set.baseline).toBe('gpt4_1106_preview');
    expect(set.annotator).toBe('weighted_alpaca_eval_gpt4_turbo');
    expect(set.rows).toEqual([
      { preference: 1.75, baselineLength: 5, modelLength: 4 },
      { preference: null, baselineLength: 1, modelLength: 3 },
      { preference: 0, baselineLength: 0, modelLength: 1 },
    ]);
    expect(set.averageLength).toBe(Math.trunc(8 / 3));
  });

  it('reads the bare NaN that Python writes for a missing preference', () => {
    const text = `[${JSON.stringify(row(1, 'NaN inside a string', 'b')).replace('"preference":1', '"preference":NaN')}]`;
    const set = parseAlpacaEvalAnnotations(text);
    expect(set.rows[0]!.preference).toBeNull();
    expect(set.rows[0]!.baselineLength).toBe(countCodePoints('NaN inside a string'));
  });

  it('names the file, row and field of a missing output', () => {
    const text = JSON.stringify([row(1, 'a', 'b'), { ...row(1, 'a', 'b'), output_2: undefined }]);
    try {
      parseAlpacaEvalAnnotations(text, { file: 'ann.json' });
      expect.unreachable();
    } catch (error) {
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).field).toBe('[1].output_2');
      expect((error as Error).message).toMatch(/ann\.json.*row 1: missing the model output/);
    }
  });

  it('rejects several generators in one file, non-arrays and bad JSON', () => {
    const mixed = JSON.stringify([row(1, 'a', 'b'), row(1, 'a', 'b', { generator_2: 'other' })]);
    expect(() => parseAlpacaEvalAnnotations(mixed, { file: 'm.json' })).toThrow(
      /generator_2 must name one model/,
    );
    expect(() => parseAlpacaEvalAnnotations('{}', { file: 'm.json' })).toThrow(/JSON array/);
    expect(() => parseAlpacaEvalAnnotations('[', { file: 'm.json' })).toThrow(
      /m\.json: invalid JSON/,
    );
    expect(() => parseAlpacaEvalAnnotations('[]', { file: 'm.json' })).toThrow(/no annotations/);
  });

  it('takes the model name from AlpacaEval results folders', async () => {
    expect(
      modelNameFromPath('x/results/NullModel/weighted_alpaca_eval_gpt4_turbo/annotations.json'),
    ).toBe('NullModel');
    expect(modelNameFromPath('somewhere/annotations.json')).toBeUndefined();
    const dir = await mkdtemp(join(tmpdir(), 'lc-ann-'));
    const file = join(
      dir,
      'results',
      'NullModel',
      'weighted_alpaca_eval_gpt4_turbo',
      'annotations.json',
    );
    await mkdir(join(dir, 'results', 'NullModel', 'weighted_alpaca_eval_gpt4_turbo'), {
      recursive: true,
    });
    await writeFile(file, JSON.stringify([row(2, 'a', 'b', { generator_2: 'example' })]));
    const set = await readAlpacaEvalAnnotations(file);
    expect(set.model).toBe('NullModel');
    expect(set.generator).toBe('example');
    await expect(readAlpacaEvalAnnotations(join(dir, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read/,
    );
  });
});
