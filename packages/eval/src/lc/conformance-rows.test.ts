import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { parseConformanceRows } from './conformance-rows';

describe('parseConformanceRows', () => {
  it('reads {i, instr, preference, len_1, len_2} rows in order', () => {
    const text =
      '{"i": 0, "instr": 0, "preference": 1.99, "len_1": 20, "len_2": 8}\n\n{"i": 1, "instr": 2, "preference": null, "len_1": 3, "len_2": 4}\n';
    expect(parseConformanceRows(text)).toEqual([
      { preference: 1.99, baselineLength: 20, modelLength: 8, instructionIndex: 0 },
      { preference: null, baselineLength: 3, modelLength: 4, instructionIndex: 2 },
    ]);
  });

  it('names the file, line and field of bad rows', () => {
    expect(() => parseConformanceRows('{"i": 0}', { file: 'm.jsonl' })).toThrow(
      /m\.jsonl, line 1, field "instr"/,
    );
    expect(() => parseConformanceRows('nope', { file: 'm.jsonl' })).toThrow(InvalidInputError);
    const skipped = '{"i": 1, "instr": 0, "preference": 1, "len_1": 1, "len_2": 1}';
    expect(() => parseConformanceRows(skipped, { file: 'm.jsonl' })).toThrow(
      /expected row position 0, found 1/,
    );
  });
});
