import { describe, expect, it } from 'vitest';
import { contentHash, fmix32, hashString32 } from './hash';
import { normalizeForDedup } from './normalize-for-dedup';
import { createSeededRandom } from './seeded-random';
import { tokenizeForDedup } from './tokenize-for-dedup';

describe('normalizeForDedup', () => {
  it('folds case, width and whitespace', () => {
    expect(normalizeForDedup('  Ｈｅｌｌｏ\t\n World  ')).toBe('hello world');
  });
});

describe('tokenizeForDedup', () => {
  it('splits spaced scripts into words and CJK/kana into characters', () => {
    expect(tokenizeForDedup('## Hello, World! 我爱Python编程 ひらがな naïve GPT-4o')).toEqual([
      'hello',
      'world',
      '我',
      '爱',
      'python',
      '编',
      '程',
      'ひ',
      'ら',
      'が',
      'な',
      'naïve',
      'gpt',
      '4o',
    ]);
    expect(tokenizeForDedup('한국어 문장')).toEqual(['한국어', '문장']);
    expect(tokenizeForDedup('— … **')).toEqual([]);
  });
});

describe('hashes', () => {
  it('are deterministic and distinguish close inputs', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    expect(contentHash('abc')).toHaveLength(22);
    expect(hashString32('shingle')).toBe(hashString32('shingle'));
    expect(hashString32('a')).not.toBe(hashString32('b'));
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).not.toBe(1);
  });
});

describe('createSeededRandom', () => {
  it('repeats per seed and differs across seeds', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const value of seqA)
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
  });
});
