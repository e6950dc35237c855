import { describe, expect, it } from 'vitest';
import { numpyMean, pairwiseSum, sampleStandardDeviation } from './pairwise-sum';

describe('pairwiseSum (numpy reference values)', () => {
  it('matches numpy where a plain loop does not', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 0.1 * i + 1 / 3);
    // np.array(values).sum(); sum(values) in a loop gives 50283.33333333328
    expect(pairwiseSum(values)).toBe(50283.333333333336);
    expect(values.reduce((s, v) => s + v, 0)).not.toBe(50283.333333333336);
    expect(numpyMean(values)).toBe(50283.333333333336 / 1000);
  });

  it('follows numpy block order on cancelling values', () => {
    const values = Array.from({ length: 200 }, (_, i) => [1e16, 1, -1e16, 1][i % 4]!);
    expect(pairwiseSum(values)).toBe(128); // numpy: 128.0 (the exact sum is 100)
  });

  it('computes the ddof = 1 standard deviation as numpy does', () => {
    const values = Array.from({ length: 805 }, (_, i) => (i % 7) - 3.3);
    expect(sampleStandardDeviation(values)).toBe(2.0012433945870027);
    expect(pairwiseSum([])).toBe(0);
    expect(sampleStandardDeviation([1])).toBeNaN();
  });
});
