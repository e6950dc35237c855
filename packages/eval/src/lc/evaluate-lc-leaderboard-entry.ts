import type { AlpacaEvalAnnotationSet } from './alpaca-eval-annotations';
import type { LcFoldOrder } from './fold-order';
import type { GamedData } from './gamed-data';
import type { LcLeaderboardEntry } from './lc-leaderboard';
import {
  computeLengthControlledWinRate,
  type LengthControlledWinRate,
} from './length-controlled-win-rate';
import { computeRawWinRate, type RawWinRate } from './raw-win-rate';

export interface EvaluateLcOptions {
  gamed: GamedData;
  foldOrder?: LcFoldOrder;
  /** Leaderboard `mode` column. Default `community`. */
  mode?: string;
}

/**
 * Raw and length-controlled win rates of one model's AlpacaEval annotations: one leaderboard row.
 * The baseline compared with itself is detected from the generators and gets LC 50 without a fit.
 */
export function evaluateLcLeaderboardEntry(
  set: AlpacaEvalAnnotationSet,
  { gamed, foldOrder = 'modern', mode = 'community' }: EvaluateLcOptions,
): LcLeaderboardEntry {
  const raw = computeRawWinRate(set.rows.map(row => row.preference));
  const lc = computeLengthControlledWinRate(set.rows, {
    gamed,
    foldOrder,
    baselineVsItself: set.generator === set.baseline,
    winRate: raw.winRate,
    source: set.source,
  });
  return lcLeaderboardEntry(set, raw, lc, mode);
}

/** What a leaderboard row takes from the annotations it was computed on. */
export type LcEntrySource = Pick<AlpacaEvalAnnotationSet, 'model' | 'averageLength' | 'source'>;

/** What a leaderboard row takes from an LC result (the baseline vs itself has no fit to report). */
export type LcEntryResult = Pick<
  LengthControlledWinRate,
  'lengthControlledWinRate' | 'lcStandardError' | 'C' | 'foldOrder' | 'coefficients' | 'warnings'
>;

/**
 * Assembles one leaderboard row from its annotations, raw win rate and LC result, in the column
 * order the JSON output keeps, whichever way (gamed rows or a custom difficulty fit) LC was got.
 */
export function lcLeaderboardEntry(
  set: LcEntrySource,
  raw: RawWinRate,
  lc: LcEntryResult,
  mode: string,
): LcLeaderboardEntry {
  return {
    model: set.model,
    ...raw,
    mode,
    averageLength: set.averageLength,
    lengthControlledWinRate: lc.lengthControlledWinRate,
    lcStandardError: lc.lcStandardError,
    C: lc.C,
    foldOrder: lc.foldOrder,
    coefficients: lc.coefficients,
    counter: 'countCodePoints',
    source: set.source,
    warnings: lc.warnings,
  };
}
