import { describe, expect, it } from 'vitest';
import type { LonGenType } from './longen-type';
import { parseLonGenConstraint } from './parse-longen-constraint';
import { scoreLengthFollowing } from './score-length-following';

// self-lengthen.md §11.1 vectors 1–29. Expected values are Python's float repr of upstream's
// expressions (toBe = bit parity); the spec's 6-decimal column is checked as well.
const VECTORS: Array<[LonGenType, string, number, [number, number], number, number]> = [
  ['about', 'around 2000 words', 2000, [1600, 2400], 1.0, 1],
  ['about', 'around 2000 words', 1600, [1600, 2400], 1.0, 1],
  ['about', 'around 2000 words', 1599, [1600, 2400], 0.99875, 0.99875],
  ['about', 'around 2000 words', 1200, [1600, 2400], 0.5, 0.5],
  ['about', 'around 2000 words', 800, [1600, 2400], 0.0, 0],
  ['about', 'around 2000 words', 2400, [1600, 2400], 1.0, 1],
  ['about', 'around 2000 words', 2401, [1600, 2400], 0.9991666666666665, 0.999167],
  ['about', 'around 2000 words', 3000, [1600, 2400], 0.5, 0.5],
  ['about', 'around 2000 words', 3600, [1600, 2400], 0.0, 0],
  ['about', 'around 2000 words', 0, [1600, 2400], 0.0, 0],
  ['range', '2000-4000 words', 3000, [2000, 4000], 1.0, 1],
  ['range', '2000-4000 words', 1000, [2000, 4000], 0.0, 0],
  ['range', '2000-4000 words', 1500, [2000, 4000], 0.5, 0.5],
  ['range', '2000-4000 words', 4500, [2000, 4000], 0.75, 0.75],
  ['range', '2000-4000 words', 6000, [2000, 4000], 0.0, 0],
  ['above', 'more than 3000 words', 3000, [3000, 4500], 1.0, 1],
  ['above', 'more than 3000 words', 4500, [3000, 4500], 1.0, 1],
  ['above', 'more than 3000 words', 4501, [3000, 4500], 0.9995555555555558, 0.999556],
  ['above', 'more than 3000 words', 5000, [3000, 4500], 0.7777777777777777, 0.777778],
  ['above', 'more than 3000 words', 2000, [3000, 4500], 0.33333333333333326, 0.333333],
  ['below', 'less than 4000 words', 4000, [2000, 4000], 1.0, 1],
  ['below', 'less than 4000 words', 2000, [2000, 4000], 1.0, 1],
  ['below', 'less than 4000 words', 1999, [2000, 4000], 0.9990000000000001, 0.999],
  ['below', 'less than 4000 words', 1000, [2000, 4000], 0.0, 0],
  ['below', 'less than 4000 words', 5000, [2000, 4000], 0.5, 0.5],
  ['about', '大约5000字', 5500, [4000, 6000], 1.0, 1],
  ['range', '6000字至8000字', 9000, [6000, 8000], 0.75, 0.75],
  ['above', '大于7000字', 12000, [7000, 10500], 0.7142857142857144, 0.714286],
  ['about', 'around 2500 words', 1750, [2000, 3000], 0.75, 0.75],
];

describe('scoreLengthFollowing [PARITY]', () => {
  it.each(VECTORS.map((v, i) => [i + 1, ...v]))(
    'vector %i: %s "%s" L=%d',
    (_n, type, constraint, L, [a, b], exact, rounded) => {
      const window = parseLonGenConstraint(type, constraint);
      expect(window).toEqual({ a, b });
      const score = scoreLengthFollowing(type, window.a, window.b, L);
      expect(score).toBe(exact);
      expect(Number(score.toFixed(6))).toBe(rounded);
    },
  );

  it('is 0 from a/2 downwards and from 1.5·b upwards, never negative', () => {
    expect(scoreLengthFollowing('range', 1000, 2000, 499)).toBe(0);
    expect(scoreLengthFollowing('range', 1000, 2000, 500)).toBe(0);
    expect(scoreLengthFollowing('range', 1000, 2000, 3001)).toBe(0);
    expect(scoreLengthFollowing('range', 1000, 2000, 1e9)).toBe(0);
  });
});
