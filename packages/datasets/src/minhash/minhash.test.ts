import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../text/seeded-random';
import { createLshIndex } from './lsh-index';
import { lshCollisionProbability, optimalLshParams } from './lsh-params';
import { createMinHasher, estimateJaccard } from './minhash';

function shingleSet(tokens: string[], size: number): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + size <= tokens.length; i++) set.add(tokens.slice(i, i + size).join(' '));
  return set;
}

function trueJaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

describe('createMinHasher', () => {
  it('is deterministic per seed and depends on the seed', () => {
    const text = 'the quick brown fox jumps over the lazy dog again and again';
    const a = createMinHasher({ numPerm: 64, shingleSize: 5, seed: 1 });
    const b = createMinHasher({ numPerm: 64, shingleSize: 5, seed: 1 });
    const c = createMinHasher({ numPerm: 64, shingleSize: 5, seed: 2 });
    expect(Array.from(a.signature(text))).toEqual(Array.from(b.signature(text)));
    expect(Array.from(a.signature(text))).not.toEqual(Array.from(c.signature(text)));
    // Formatting and case changes do not change the shingles.
    expect(estimateJaccard(a.signature(text), a.signature(`**${text.toUpperCase()}**\n`))).toBe(1);
  });

  it('estimates the Jaccard similarity of word 5-gram sets', () => {
    const random = createSeededRandom(7);
    const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const hasher = createMinHasher({ numPerm: 128, shingleSize: 5, seed: 1 });
    const errors: number[] = [];
    for (let trial = 0; trial < 40; trial++) {
      const base = Array.from({ length: 300 }, () => vocabulary[random() % vocabulary.length]!);
      const edited = base.slice();
      const edits = trial * 3;
      for (let e = 0; e < edits; e++)
        edited[random() % edited.length] = vocabulary[random() % vocabulary.length]!;
      const truth = trueJaccard(shingleSet(base, 5), shingleSet(edited, 5));
      const estimate = estimateJaccard(
        hasher.signatureOfTokens(base),
        hasher.signatureOfTokens(edited),
      );
      errors.push(Math.abs(estimate - truth));
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(mean).toBeLessThan(0.04);
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });

  it('treats a text shorter than a shingle as one shingle', () => {
    const hasher = createMinHasher({ numPerm: 16, shingleSize: 5, seed: 1 });
    expect(estimateJaccard(hasher.signature('two words'), hasher.signature('Two  words!'))).toBe(1);
    expect(
      estimateJaccard(hasher.signature('two words'), hasher.signature('two birds')),
    ).toBeLessThan(0.5);
    expect(Array.from(hasher.signature('')).every(v => v === 0xffffffff)).toBe(true);
  });

  it('rejects bad settings', () => {
    expect(() => createMinHasher({ numPerm: 0, shingleSize: 5, seed: 1 })).toThrow(/numPerm/);
    expect(() => createMinHasher({ numPerm: 8, shingleSize: 0, seed: 1 })).toThrow(/shingleSize/);
  });
});

describe('optimalLshParams', () => {
  it('puts the banding S-curve at the threshold', () => {
    const params = optimalLshParams(0.8, 128);
    expect(params.bands * params.rows).toBeLessThanOrEqual(128);
    expect(params).toEqual({ bands: 9, rows: 13 });
    expect(lshCollisionProbability(0.95, params)).toBeGreaterThan(0.99);
    expect(lshCollisionProbability(0.9, params)).toBeGreaterThan(0.9);
    expect(lshCollisionProbability(0.5, params)).toBeLessThan(0.01);
    const low = optimalLshParams(0.5, 128);
    expect(low.rows).toBeLessThan(params.rows);
    expect(optimalLshParams(0.8, 128)).toBe(params);
    expect(() => optimalLshParams(1, 128)).toThrow(RangeError);
  });
});

describe('createLshIndex', () => {
  it('finds the earliest near duplicate and ignores dissimilar texts', () => {
    const hasher = createMinHasher({ numPerm: 128, shingleSize: 5, seed: 1 });
    const index = createLshIndex({ numPerm: 128, threshold: 0.8 });
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    const text = words.join(' ');
    const near = words.map((w, i) => (i === 100 ? 'changed' : w)).join(' ');
    const other = words.map(w => `${w}x`).join(' ');
    expect(index.query(hasher.signature(text))).toBeUndefined();
    index.insert('a', hasher.signature(text));
    index.insert('b', hasher.signature(near));
    const match = index.query(hasher.signature(near));
    expect(match?.id).toBe('a');
    expect(match!.jaccard).toBeGreaterThanOrEqual(0.8);
    expect(index.query(hasher.signature(other))).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('grows its signature store past the initial capacity', () => {
    const hasher = createMinHasher({ numPerm: 16, shingleSize: 2, seed: 3 });
    const index = createLshIndex({ numPerm: 16, threshold: 0.8 });
    for (let i = 0; i < 200; i++)
      index.insert(`id${i}`, hasher.signature(`alpha${i} beta${i} gamma${i}`));
    expect(index.query(hasher.signature('alpha150 beta150 gamma150'))?.id).toBe('id150');
  });
});
