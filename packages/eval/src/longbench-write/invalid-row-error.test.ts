import { describe, expect, it } from 'vitest';
import { invalidRowError } from './invalid-row-error';

describe('invalidRowError', () => {
  it('names a file row by its line', () => {
    const error = invalidRowError({
      file: 'a.jsonl',
      line: 4,
      index: 3,
      message: 'bad',
      field: 'x',
    });
    expect(error.message).toBe('a.jsonl, line 4, field "x": bad');
  });

  it('names an in-memory row by its position', () => {
    const error = invalidRowError({ index: 3, message: 'bad', field: 'x' });
    expect(error.message).toBe('field "x": row 4: bad');
  });
});
