import { InvalidInputError } from '@longform/core';
import type { GamedData } from './gamed-data';
import { ALPACA_EVAL_INSTRUCTION_COUNT, LC_GAMED_ROW_WEIGHT } from './lc-constants';
import type { LcWarning } from './lc-warning';
import { numpyTanh } from './numpy-tanh';
import { sampleStandardDeviation } from './pairwise-sum';

/** One annotation row as the LC GLM needs it. */
export interface LcRow {
  /** AlpacaEval preference: 1 = baseline wins, 2 = model wins, 0 = legacy draw, null/NaN = none. */
  preference: number | null;
  /** Length of the baseline output (`output_1`) in Unicode code points. */
  baselineLength: number;
  /** Length of the model output (`output_2`) in Unicode code points. */
  modelLength: number;
  /** The row's real instruction position, used only with `alignment: 'instruction'`. */
  instructionIndex?: number;
}

/**
 * How a model row finds its instruction difficulty. `position` is upstream's behaviour (the row's
 * position in the annotations, misaligned after a missing row); `instruction` uses
 * `LcRow.instructionIndex` instead.
 */
export type LcAlignment = 'position' | 'instruction';

/**
 * The GLM's training set: the gamed rows first, then the model's rows with a preference. Features
 * are row-major `[tanh(std_delta_len), instruction_difficulty, not_gamed_baseline]`.
 */
export interface LcDesign {
  features: Float64Array;
  targets: Float64Array;
  weights: Float64Array;
  /** N = gamed rows + model rows with a preference. */
  rowCount: number;
  /** Difficulty γ of every model row, including rows without a preference (they are predicted too). */
  modelDifficulty: Float64Array;
  modelRowsUsed: number;
  warnings: LcWarning[];
}

export const LC_FEATURE_COUNT = 3;

/**
 * Builds the LC design matrix exactly as AlpacaEval's `length_controlled_v1` GLM does. Bad input is
 * rejected with the source file and row named, where upstream would fail obscurely or silently.
 */
export function buildLcDesign(
  rows: readonly LcRow[],
  gamed: GamedData,
  {
    source,
    alignment = 'position',
    maxRows = ALPACA_EVAL_INSTRUCTION_COUNT,
  }: {
    source?: string;
    alignment?: LcAlignment;
    /** Rows allowed: AlpacaEval's 805, or unbounded for a custom instruction set. */
    maxRows?: number;
  } = {},
): LcDesign {
  const warnings: LcWarning[] = [];
  if (rows.length === 0)
    throw new InvalidInputError({ message: 'no annotation rows', file: source });
  if (rows.length > maxRows) {
    throw new InvalidInputError({
      message: `${rows.length} annotation rows, but AlpacaEval 2.0 has ${ALPACA_EVAL_INSTRUCTION_COUNT} instructions; for a custom instruction set fit its own difficulty (fitInstructionDifficulty) and use computeCustomLengthControlledWinRate`,
      file: source,
    });
  }
  const targets: number[] = [];
  const delta = new Float64Array(rows.length);
  const modelDifficulty = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const field = (name: string) => `[${i}].${name}`;
    for (const name of ['baselineLength', 'modelLength'] as const) {
      const value = row[name];
      if (!Number.isInteger(value) || value < 0) {
        throw new InvalidInputError({
          message: `row ${i}: ${name} must be a non-negative integer, got ${value}`,
          file: source,
          field: field(name),
        });
      }
    }
    const p = row.preference == null ? Number.NaN : row.preference;
    if (!Number.isNaN(p) && p !== 0 && !(p >= 1 && p <= 2)) {
      throw new InvalidInputError({
        message: `row ${i}: preference must be in [1, 2], 0 (draw) or null, got ${p}`,
        file: source,
        field: field('preference'),
      });
    }
    delta[i] = row.baselineLength - row.modelLength;
    const index = alignment === 'instruction' ? row.instructionIndex : i;
    if (index === undefined || !Number.isInteger(index) || index < 0) {
      throw new InvalidInputError({
        message: `row ${i}: alignment 'instruction' needs an instruction index`,
        file: source,
        field: field('instructionIndex'),
      });
    }
    const gamma = gamed.difficultyByIndex[index];
    if (gamma === undefined || Number.isNaN(gamma)) {
      throw new InvalidInputError({
        message: `row ${i}: no instruction difficulty for instruction ${index} in ${gamed.source}`,
        file: source,
        field: field('instructionIndex'),
      });
    }
    modelDifficulty[i] = gamma;
    targets.push(p === 0 ? 0.5 : p - 1);
  });

  const used = targets.filter(y => !Number.isNaN(y)).length;
  if (used === 0) {
    throw new InvalidInputError({
      message: 'every preference is null or NaN: nothing to evaluate',
      file: source,
    });
  }
  // Upstream standardises over all rows, including those without a preference, and does not centre.
  const sd = sampleStandardDeviation(delta);
  if (!(sd > 0) || !Number.isFinite(sd)) {
    throw new InvalidInputError({
      message: `the length difference (baseline − model) has standard deviation ${sd}; the length feature is undefined`,
      file: source,
    });
  }
  if (
    alignment === 'position' &&
    maxRows === ALPACA_EVAL_INSTRUCTION_COUNT &&
    rows.length < maxRows
  ) {
    warnings.push({
      code: 'misaligned-difficulty',
      message: `${source ?? 'annotations'} has ${rows.length} of ${ALPACA_EVAL_INSTRUCTION_COUNT} rows; as upstream, the difficulty is looked up by row position, so rows after the first gap use another instruction's difficulty`,
    });
  }

  const gamedCount = gamed.rows.length;
  const rowCount = gamedCount + used;
  const features = new Float64Array(rowCount * LC_FEATURE_COUNT);
  const y = new Float64Array(rowCount);
  const weights = new Float64Array(rowCount);
  gamed.rows.forEach((row, r) => {
    features[r * 3] = numpyTanh(row.stdDeltaLen);
    features[r * 3 + 1] = row.instructionDifficulty;
    features[r * 3 + 2] = row.notGamedBaseline ? 1 : 0;
    y[r] = row.preference;
    weights[r] = LC_GAMED_ROW_WEIGHT;
  });
  let r = gamedCount;
  for (let i = 0; i < rows.length; i++) {
    if (Number.isNaN(targets[i]!)) continue;
    features[r * 3] = numpyTanh(delta[i]! / sd);
    features[r * 3 + 1] = modelDifficulty[i]!;
    features[r * 3 + 2] = 1;
    y[r] = targets[i]!;
    weights[r] = 1;
    r++;
  }
  return {
    features,
    targets: y,
    weights,
    rowCount,
    modelDifficulty,
    modelRowsUsed: used,
    warnings,
  };
}
