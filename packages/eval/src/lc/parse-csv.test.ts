import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('parses plain, quoted and escaped fields with their line numbers', () => {
    const records = parseCsv('a,b,c\r\n1,"x,y","he said ""hi"""\n2,"multi\nline",\n3,,z');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x,y', 'he said "hi"'] },
      { line: 3, fields: ['2', 'multi\nline', ''] },
      { line: 5, fields: ['3', '', 'z'] },
    ]);
  });

  it('ignores a trailing newline and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('keeps an empty quoted field as a field', () => {
    expect(parseCsv('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('names the file and line of an unterminated quote', () => {
    expect(() => parseCsv('a\n"open', { file: 'x.csv' })).toThrow(/x\.csv, line 2: unterminated/);
    try {
      parseCsv('a\n"b"c', { file: 'x.csv' });
      expect.unreachable();
    } catch (error) {
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).line).toBe(2);
    }
  });
});
