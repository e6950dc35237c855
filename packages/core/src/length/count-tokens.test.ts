import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { countTokens, type TokenEncoding } from './count-tokens';

describe('countTokens', () => {
  it('counts cl100k_base tokens as tiktoken does', () => {
    expect(countTokens('hello world', { encoding: 'cl100k_base' })).toBe(2);
    expect(countTokens('tiktoken is great!', { encoding: 'cl100k_base' })).toBe(6);
    expect(countTokens('', { encoding: 'cl100k_base' })).toBe(0);
  });

  it('defaults to o200k_base, which is denser than cl100k_base on Chinese', () => {
    const zh = '长城是中国古代的军事防御工程，绵延数千公里。'.repeat(20);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens(zh)).toBe(countTokens(zh, { encoding: 'o200k_base' }));
    expect(countTokens(zh)).toBeLessThan(countTokens(zh, { encoding: 'cl100k_base' }));
  });

  it('treats special-token strings in user text as ordinary text', () => {
    expect(() => countTokens('a <|endoftext|> b')).not.toThrow();
    expect(countTokens('<|endoftext|>', { encoding: 'cl100k_base' })).toBeGreaterThan(1);
  });

  it('rejects an unknown encoding naming the field', () => {
    const call = () => countTokens('x', { encoding: 'p50k_base' as TokenEncoding });
    expect(call).toThrow(/field "encoding": unknown token encoding "p50k_base"/);
    try {
      call();
    } catch (error) {
      expect(InvalidInputError.isInstance(error)).toBe(true);
    }
    expect(() => countTokens('x', { encoding: 'toString' as TokenEncoding })).toThrow(
      InvalidInputError,
    );
  });
});
