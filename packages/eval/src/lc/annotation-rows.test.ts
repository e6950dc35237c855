import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alpacaEvalAnnotationSchema } from './alpaca-eval-annotations';
import {
  parseAnnotationsJson,
  readAnnotationsText,
  validateAnnotationRows,
} from './annotation-rows';

const row = (extra: Record<string, unknown> = {}) => ({
  output_1: 'ab',
  output_2: 'abcd',
  generator_1: 'base',
  generator_2: 'model',
  preference: 2,
  ...extra,
});

describe('parseAnnotationsJson', () => {
  it('reads bare NaN outside strings as null and leaves it inside strings', () => {
    expect(parseAnnotationsJson('[{"preference":NaN,"output_1":"NaN"}]', 'a.json')).toEqual([
      { preference: null, output_1: 'NaN' },
    ]);
  });

  it('names the file of bad JSON and of a non-array', () => {
    expect(() => parseAnnotationsJson('[', 'a.json')).toThrow(/a\.json: invalid JSON/);
    expect(() => parseAnnotationsJson('{}', 'a.json')).toThrow(/a\.json.*JSON array/);
  });
});

describe('validateAnnotationRows', () => {
  it('keeps the rows the schema parsed and reduces them to LC rows', () => {
    const strict = alpacaEvalAnnotationSchema.extend({ instruction: z.string() });
    const result = validateAnnotationRows(
      [row({ instruction: 'a' }), row({ instruction: 'b', preference: null, output_2: '😀' })],
      strict,
      'src',
    );
    expect(result.annotations.map(a => a.instruction)).toEqual(['a', 'b']);
    expect(result).toMatchObject({
      generator: 'model',
      baseline: 'base',
      annotator: undefined,
      rows: [
        { preference: 2, baselineLength: 2, modelLength: 4 },
        { preference: null, baselineLength: 2, modelLength: 1 },
      ],
      averageLength: 2,
    });
  });

  it('names the source, row and field of a bad row, and rejects mixed baselines', () => {
    try {
      validateAnnotationRows([row(), row({ generator_1: 3 })], alpacaEvalAnnotationSchema, 'src');
      expect.unreachable();
    } catch (error) {
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).field).toBe('[1].generator_1');
    }
    expect(() =>
      validateAnnotationRows(
        [row(), row({ generator_1: 'other' })],
        alpacaEvalAnnotationSchema,
        'src',
      ),
    ).toThrow(/generator_1 must name one model per file, found 2: base, other/);
    expect(() => validateAnnotationRows([], alpacaEvalAnnotationSchema, 'src')).toThrow(
      /no annotations/,
    );
  });
});

describe('readAnnotationsText', () => {
  it('names the file it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ann-rows-'));
    await expect(readAnnotationsText(join(dir, 'gone.json'))).rejects.toThrow(
      /gone\.json: cannot read/,
    );
  });
});
