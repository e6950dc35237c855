import { describe, expect, it } from 'vitest';
import { TargetLengthNotFoundError } from '../errors/target-length-not-found-error';
import { resolveRowTarget } from './resolve-row-target';

describe('resolveRowTarget', () => {
  it('prefers the row field, then the prompt, then the default', () => {
    expect(resolveRowTarget({ prompt: 'Write 500 words on moss.', requiredLength: 800 })).toEqual({
      words: 800,
      source: 'row',
    });
    expect(resolveRowTarget({ prompt: 'Write 500 words on moss.' }, 1000)).toEqual({
      words: 500,
      source: 'instruction',
    });
    expect(resolveRowTarget({ prompt: '写一篇三千字的游记' })).toEqual({
      words: 3000,
      source: 'instruction',
    });
    expect(resolveRowTarget({ prompt: 'Write about moss.' }, 1200)).toEqual({
      words: 1200,
      source: 'default',
    });
  });

  it('throws TargetLengthNotFoundError without any length', () => {
    expect(() => resolveRowTarget({ prompt: 'Write about moss.' })).toThrow(
      TargetLengthNotFoundError,
    );
  });
});
