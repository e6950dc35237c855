import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './invalid-input-error';
import { LongformError } from './longform-error';

describe('LongformError', () => {
  it('recognises instances through the global marker, not the prototype', () => {
    const error = new InvalidInputError({
      message: 'bad',
      file: 'in.jsonl',
      line: 3,
      field: 'prompt',
    });
    expect(LongformError.isInstance(error)).toBe(true);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(InvalidInputError.isInstance(new LongformError({ name: 'X', message: 'y' }))).toBe(
      false,
    );
    expect(LongformError.isInstance(new Error('plain'))).toBe(false);
    expect(LongformError.isInstance(null)).toBe(false);
  });

  it('names the file, line and field in the message', () => {
    const error = new InvalidInputError({
      message: 'must be a string',
      file: 'in.jsonl',
      line: 3,
      field: 'prompt',
    });
    expect(error.name).toBe('LongformInvalidInputError');
    expect(error.message).toBe('in.jsonl, line 3, field "prompt": must be a string');
  });
});
