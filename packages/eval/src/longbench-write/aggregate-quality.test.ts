import { describe, expect, it } from 'vitest';
import { aggregateQuality } from './aggregate-quality';
import type { QualityScores } from './quality-dimensions';

const uniform = (v: number): QualityScores => ({
  Relevance: v,
  Accuracy: v,
  Coherence: v,
  Clarity: v,
  'Breadth and Depth': v,
  'Reading Experience': v,
});

describe('aggregateQuality (S_q)', () => {
  it('maps 1..5 to 0..100 with (mean − 1) × 25', () => {
    expect(aggregateQuality([uniform(1)]).score).toBe(0);
    expect(aggregateQuality([uniform(5)]).score).toBe(100);
    expect(aggregateQuality([uniform(3)]).score).toBe(50);
  });

  it('averages per dimension first, then over the six dimensions', () => {
    const result = aggregateQuality(
      [
        { ...uniform(4), Relevance: 5, 'Reading Experience': 2 },
        { ...uniform(4), Relevance: 4, 'Reading Experience': 1 },
        { ...uniform(5), Relevance: 5, 'Reading Experience': 1 },
      ],
      2,
    );
    expect(result.n).toBe(3);
    expect(result.failures).toBe(2);
    expect(result.dimensions!.Relevance).toBe((14 / 3 - 1) * 25);
    expect(result.dimensions!['Reading Experience']).toBe((4 / 3 - 1) * 25);
    expect(result.dimensions!.Accuracy).toBe((13 / 3 - 1) * 25);
    const dims = Object.values(result.dimensions!);
    expect(result.score).toBeCloseTo(dims.reduce((a, b) => a + b, 0) / 6, 12);
  });

  it('reports failures even when nothing was judged', () => {
    expect(aggregateQuality([], 4)).toEqual({ n: 0, failures: 4 });
  });
});
