import { numpyMean, sampleStandardDeviation } from './pairwise-sum';

/** AlpacaEval's raw (not length-controlled) leaderboard metrics, in percent. */
export interface RawWinRate {
  winRate: number;
  standardError: number;
  nWins: number;
  nWinsBase: number;
  nDraws: number;
  nTotal: number;
  discreteWinRate: number;
}

/**
 * Raw win rates from AlpacaEval preferences (1 = baseline wins, 2 = model wins, 0 = legacy draw,
 * null/NaN = not annotated), exactly as tatsu-lab/alpaca_eval metrics/winrate.py computes them.
 * Values outside [1, 2] are dropped by the weighted rule; the discrete rule rounds first.
 */
export function computeRawWinRate(preferences: ArrayLike<number | null>): RawWinRate {
  const weighted: number[] = [];
  const discrete: number[] = [];
  let nDraws = 0;
  for (let i = 0; i < preferences.length; i++) {
    const raw = preferences[i];
    const value = raw == null ? Number.NaN : raw;
    const p = value === 0 ? 1.5 : value;
    if (p === 1.5) nDraws++;
    if (p >= 1 && p <= 2) weighted.push(p - 1);

    // 1.5 → 0 before rounding so that a draw survives round-half-to-even, then 0 → 1.5 again.
    let d = roundHalfToEven(value === 1.5 ? 0 : value);
    if (d === 0) d = 1.5;
    if (d >= 1 && d <= 2) discrete.push(d - 1);
  }
  const nTotal = weighted.length;
  return {
    winRate: numpyMean(weighted) * 100,
    standardError: (sampleStandardDeviation(weighted) / Math.sqrt(nTotal)) * 100,
    nWins: weighted.filter(q => q > 0.5).length,
    nWinsBase: weighted.filter(q => q < 0.5).length,
    nDraws,
    nTotal,
    discreteWinRate: numpyMean(discrete) * 100,
  };
}

function roundHalfToEven(value: number): number {
  if (!Number.isFinite(value)) return value;
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
