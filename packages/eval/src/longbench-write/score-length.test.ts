import { describe, expect, it } from 'vitest';
import { InvalidLengthError } from './invalid-length-error';
import { scoreLength } from './score-length';

// agentwrite.md §3.1; expected values are Python 3's float repr of upstream's expression, so `toBe`
// checks bit parity, and the 6-decimal column of the spec is checked alongside.
const VECTORS: Array<[number, number, number, number]> = [
  [1000, 1000, 100.0, 100.0],
  [1000, 1100, 96.66666666666667, 96.666667],
  [1000, 900, 94.44444444444444, 94.444444],
  [1000, 500, 50.0, 50.0],
  [1000, 100, 0.0, 0.0],
  [1000, 2000, 66.66666666666667, 66.666667],
  [1000, 2500, 50.0, 50.0],
  [1000, 3000, 33.333333333333336, 33.333333],
  [1000, 4000, 0.0, 0.0],
  [1000, 4001, 0.0, 0.0],
  [1000, 10000, 0.0, 0.0],
  [1000, 333, 0.0, 0.0],
  [1000, 334, 0.29940119760478723, 0.299401],
  [1000, 1500, 83.33333333333334, 83.333333],
  [1000, 800, 87.5, 87.5],
  [1000, 667, 75.03748125937032, 75.037481],
  [100, 1, 0.0, 0.0],
  [100, 0.5, 0.0, 0.0],
  [1, 1, 100.0, 100.0],
  [1, 2, 66.66666666666667, 66.666667],
  [1, 4, 0.0, 0.0],
  [1, 5, 0.0, 0.0],
  [3, 1, 0.0, 0.0],
  [2, 1, 50.0, 50.0],
  [10, 7, 78.57142857142857, 78.571429],
  [5000, 4999, 99.98999799959992, 99.989998],
  [5000, 5001, 99.99333333333334, 99.993333],
  [20000, 6000, 0.0, 0.0],
  [20000, 6667, 0.007499625018758671, 0.0075],
  [20000, 25000, 91.66666666666666, 91.666667],
  [150, 149, 99.66442953020133, 99.66443],
  [300, 123, 28.04878048780488, 28.04878],
  [2, 3, 83.33333333333334, 83.333333],
  [30000, 10000, 0.0, 0.0],
  [400, 1600, 0.0, 0.0],
];

describe('scoreLength (S_l)', () => {
  it.each(VECTORS.map((v, i) => [i + 1, ...v]))(
    'vector %i: x=%d y=%d',
    (_n, x, y, exact, rounded) => {
      const score = scoreLength(x, y);
      expect(score).toBe(exact);
      expect(Number(score.toFixed(6))).toBe(rounded);
    },
  );

  it('keeps the evaluation order: an algebraically equal rewrite differs in the last bit', () => {
    // 100·(1 − (x − y)/(2y)) is the same formula, but not the same IEEE result at x=1000, y=667.
    expect(scoreLength(1000, 667)).toBe(75.03748125937032);
    expect(100 * (1 - (1000 - 667) / (2 * 667))).toBe(75.03748125937031);
  });

  it('scores an empty output 0 (vector 36; upstream crashes)', () => {
    expect(scoreLength(1000, 0)).toBe(0);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects required length %d (vector 37)',
    x => {
      expect(() => scoreLength(x, 5)).toThrow(InvalidLengthError);
      try {
        scoreLength(x, 5);
      } catch (error) {
        expect(InvalidLengthError.isInstance(error)).toBe(true);
        expect((error as InvalidLengthError).name).toBe('LongformInvalidLengthError');
        expect((error as InvalidLengthError).field).toBe('required');
      }
    },
  );

  it('rejects x = y = 0 and negative actual lengths', () => {
    expect(() => scoreLength(0, 0)).toThrow(/required/);
    expect(() => scoreLength(100, -1)).toThrow(/actual/);
  });
});
