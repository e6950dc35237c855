import { InvalidInputError } from '@longform/core';
import type { LcFoldOrder } from './fold-order';
import type { GamedData } from './gamed-data';
import { glibcExp } from './glibc-math';
import { fitL1LogisticRegression } from './l1-logistic-regression';
import { LC_C_GRID, LC_LIBLINEAR_SEEDS } from './lc-constants';
import { crossValidateLc, selectCIndex, softLabelProblem } from './lc-cross-validation';
import { buildLcDesign, type LcAlignment, type LcDesign, type LcRow } from './lc-design';
import type { LcWarning } from './lc-warning';
import { numpyMean, sampleStandardDeviation } from './pairwise-sum';

export interface LengthControlledWinRateOptions {
  /** The gamed-baseline rows and instruction difficulties (`df_gamed.csv`). */
  gamed: GamedData;
  /** CV fold order; `modern` (default) is today's official code, `legacy` most published rows. */
  foldOrder?: LcFoldOrder;
  /** Skip cross-validation and refit at this C (e.g. a published `official_C`). */
  C?: number;
  /** The model is the baseline itself: no fit, every prediction 0.5. */
  baselineVsItself?: boolean;
  /** Row-to-difficulty alignment; `position` (default) is upstream's. */
  alignment?: LcAlignment;
  /** Raw win rate in percent, for the LC-far-from-WR warning (AlpacaEval issue #310). */
  winRate?: number;
  /** File the rows came from, named in errors and warnings. */
  source?: string;
}

export interface LengthControlledWinRate {
  /** LC win rate in percent. */
  lengthControlledWinRate: number;
  /** Standard error of the LC win rate in percent. */
  lcStandardError: number;
  /** The regularisation the refit used; null for the baseline against itself. */
  C: number | null;
  /** Index of C in `LC_C_GRID`, or null when C was given off the grid or no fit ran. */
  cIndex: number | null;
  foldOrder: LcFoldOrder;
  /** Whether C came from cross-validation, was given, or no fit ran (baseline vs itself). */
  cSource: 'cross-validation' | 'given' | 'none';
  coefficients: { length: number; difficulty: number; model: number };
  /** `cvScores[fold][k]` when cross-validation ran. */
  cvScores: number[][] | null;
  /** Per-row predicted preference with the length term at 0 (NaN for skipped rows of the baseline). */
  predictions: Float64Array;
  /** Model rows used for training (those with a preference). */
  rowsUsed: number;
  warnings: LcWarning[];
}

/**
 * AlpacaEval 2.0's length-controlled win rate of one model (GLM `length_controlled_v1`), exact to
 * upstream: grouped CV over the C grid with the chosen fold order, a refit with liblinear's L1
 * solver, then the mean predicted preference with the length difference set to 0.
 */
export function computeLengthControlledWinRate(
  rows: readonly LcRow[],
  options: LengthControlledWinRateOptions,
): LengthControlledWinRate {
  const {
    gamed,
    foldOrder = 'modern',
    baselineVsItself = false,
    alignment,
    winRate,
    source,
  } = options;
  if (options.C !== undefined && !(options.C > 0 && Number.isFinite(options.C))) {
    throw new InvalidInputError({
      message: `C must be a positive number, got ${options.C}`,
      field: 'C',
    });
  }
  if (baselineVsItself) return baselineResult(rows, foldOrder, source);

  const design = buildLcDesign(rows, gamed, { source, alignment });
  return fitLcDesign(design, rows.length, { C: options.C, foldOrder, winRate, source });
}

/**
 * CV (unless C is given), refit and prediction on a built design. Shared by the AlpacaEval LC and
 * the custom-instruction-set LC, which differ only in how the design is built.
 */
export function fitLcDesign(
  design: LcDesign,
  modelRowCount: number,
  {
    C: givenC,
    foldOrder,
    winRate,
    source,
  }: { C?: number; foldOrder: LcFoldOrder; winRate?: number; source?: string },
): LengthControlledWinRate {
  let cvScores: number[][] | null = null;
  let cIndex: number | null;
  let C: number;
  if (givenC === undefined) {
    cvScores = crossValidateLc(design, foldOrder);
    cIndex = selectCIndex(cvScores);
    C = LC_C_GRID[cIndex]!;
  } else {
    C = givenC;
    const k = LC_C_GRID.indexOf(C);
    cIndex = k >= 0 ? k : null;
  }
  const { coefficients } = fitL1LogisticRegression(softLabelProblem(design), {
    C,
    seed: LC_LIBLINEAR_SEEDS[0]!,
  });
  const [length, difficulty, model] = coefficients as [number, number, number];

  const predictions = new Float64Array(modelRowCount);
  for (let i = 0; i < modelRowCount; i++) {
    const z = design.modelDifficulty[i]! * difficulty + model;
    // scipy's expit over glibc's exp, as scikit-learn's predict_proba computes it.
    predictions[i] = 1 / (1 + glibcExp(-z));
  }
  const lengthControlledWinRate = numpyMean(predictions) * 100;
  const lcStandardError =
    (sampleStandardDeviation(predictions) / Math.sqrt(predictions.length)) * 100;
  const warnings = [...design.warnings];
  if (winRate !== undefined) {
    const far = lcFarFromWinRate(lengthControlledWinRate, winRate, source);
    if (far) warnings.push(far);
  }
  return {
    lengthControlledWinRate,
    lcStandardError,
    C,
    cIndex,
    foldOrder,
    cSource: givenC === undefined ? 'cross-validation' : 'given',
    coefficients: { length, difficulty, model },
    cvScores,
    predictions,
    rowsUsed: design.modelRowsUsed,
    warnings,
  };
}

/** AlpacaEval's sanity check (issue #310): LC far below or above WR is suspicious, not wrong. */
export function lcFarFromWinRate(
  lc: number,
  winRate: number,
  source?: string,
): LcWarning | undefined {
  const low = Math.min(winRate - winRate / 4, winRate - 10);
  const high = Math.max(winRate + (100 - winRate) / 4, winRate + 10);
  if (lc >= low && lc <= high) return undefined;
  return {
    code: 'lc-far-from-win-rate',
    message: `${source ? `${source}: ` : ''}LC win rate ${lc.toFixed(2)} is far from the raw win rate ${winRate.toFixed(2)} (expected within [${low.toFixed(2)}, ${high.toFixed(2)}]); check the annotations`,
  };
}

function baselineResult(
  rows: readonly LcRow[],
  foldOrder: LcFoldOrder,
  source?: string,
): LengthControlledWinRate {
  const predictions = new Float64Array(rows.length);
  let used = 0;
  rows.forEach((row, i) => {
    const annotated = row.preference != null && !Number.isNaN(row.preference);
    predictions[i] = annotated ? 0.5 : Number.NaN;
    if (annotated) used++;
  });
  if (used === 0) {
    throw new InvalidInputError({
      message: 'every preference is null or NaN: nothing to evaluate',
      file: source,
    });
  }
  return {
    lengthControlledWinRate: 50,
    lcStandardError: 0,
    C: null,
    cIndex: null,
    foldOrder,
    cSource: 'none',
    coefficients: { length: 0, difficulty: 0, model: 0 },
    cvScores: null,
    predictions,
    rowsUsed: used,
    warnings: [],
  };
}
