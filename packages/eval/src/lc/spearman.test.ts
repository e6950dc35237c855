import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './spearman';

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 300, 4000])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 15);
  });

  it('gives ties their average rank (reference: numpy corrcoef of the average ranks)', () => {
    expect(averageRanks([10, 20, 10, 30])).toEqual([1.5, 3, 1.5, 4]);
    // ranks [1, 2.5, 2.5, 4, 5] and [2, 1, 3, 4.5, 4.5]
    expect(spearman([1, 2, 2, 3, 4], [2, 1, 3, 4, 4])).toBeCloseTo(0.7894736842105264, 14);
  });

  it('is NaN for a constant side and rejects mismatched input', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1], [1, 2])).toThrow(RangeError);
    expect(() => averageRanks([1, Number.NaN])).toThrow(RangeError);
  });
});
