import { describe, expect, it } from 'vitest';
import { computeRawWinRate } from './raw-win-rate';

describe('computeRawWinRate', () => {
  it('computes weighted and discrete win rates, SE and counts', () => {
    const result = computeRawWinRate([1, 2, 1.5, 1.8, 1.2]);
    expect(result.winRate).toBeCloseTo(50, 12);
    expect(result.nWins).toBe(2);
    expect(result.nWinsBase).toBe(2);
    expect(result.nDraws).toBe(1);
    expect(result.nTotal).toBe(5);
    expect(result.discreteWinRate).toBeCloseTo(50, 12);
    const q = [0, 1, 0.5, 0.8, 0.2];
    const sd = Math.sqrt(q.reduce((s, v) => s + (v - 0.5) ** 2, 0) / 4);
    expect(result.standardError).toBeCloseTo((100 * sd) / Math.sqrt(5), 12);
  });

  it('treats a legacy 0 as a draw and drops null/NaN', () => {
    const result = computeRawWinRate([0, null, Number.NaN, 2]);
    expect(result.nDraws).toBe(1);
    expect(result.nTotal).toBe(2);
    expect(result.winRate).toBe(75);
    expect(result.discreteWinRate).toBe(75);
  });

  it('applies the out-of-range rules: weighted drops, discrete rounds first', () => {
    // 0.3 and -0.4 → draws, 0.7 → loss, 2.4 → win, 2.6 and 3 dropped by both rules.
    const result = computeRawWinRate([0.3, -0.4, 0.7, 2.4, 2.6, 3]);
    expect(result.nTotal).toBe(0);
    expect(result.winRate).toBeNaN();
    expect(result.discreteWinRate).toBe(100 * ((0.5 + 0.5 + 0 + 1) / 4));
  });

  it('rounds half to even in the discrete rule (2.5 → 2 is a win, 0.5 → 0 is a draw)', () => {
    expect(computeRawWinRate([2.5, 0.5]).discreteWinRate).toBe(75);
    expect(computeRawWinRate([1.4, 1.6]).discreteWinRate).toBe(50);
  });

  it('gives NaN SE for a single row and NaN everything for none', () => {
    expect(computeRawWinRate([2]).standardError).toBeNaN();
    const empty = computeRawWinRate([]);
    expect(empty.nTotal).toBe(0);
    expect(empty.winRate).toBeNaN();
  });
});
