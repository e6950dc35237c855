import type { LcFoldOrder } from './fold-order';
import { buildLcDesign, type LcRow } from './lc-design';
import { fitLcDesign, type LengthControlledWinRate } from './length-controlled-win-rate';

export interface CustomLengthControlledWinRateOptions {
  /** γ per instruction, e.g. from `fitInstructionDifficulty` over many models on this set. */
  difficulty: Float64Array;
  foldOrder?: LcFoldOrder;
  /** Fixed C instead of cross-validation. */
  C?: number;
  winRate?: number;
  source?: string;
}

/**
 * LC win rate on a custom instruction set (spec §8): AlpacaEval's per-model GLM with the given
 * difficulties, rows aligned by `instructionIndex`, and no gamed-baseline rows (none exist for a
 * custom set), so the length coefficient is only regularised by the L1 penalty chosen by CV.
 */
export function computeCustomLengthControlledWinRate(
  rows: readonly LcRow[],
  { difficulty, foldOrder = 'modern', C, winRate, source }: CustomLengthControlledWinRateOptions,
): LengthControlledWinRate {
  const design = buildLcDesign(
    rows,
    { rows: [], difficultyByIndex: difficulty, source: 'the fitted instruction difficulty' },
    { source, alignment: 'instruction', maxRows: Number.POSITIVE_INFINITY },
  );
  return fitLcDesign(design, rows.length, { C, foldOrder, winRate, source });
}
