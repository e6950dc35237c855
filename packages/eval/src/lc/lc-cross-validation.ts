import { InvalidInputError } from '@longform/core';
import { groupKFoldAssignment, type LcFoldOrder } from './fold-order';
import { glibcExp, glibcLog } from './glibc-math';
import type { L1LogisticRegressionProblem } from './l1-logistic-regression';
import { fitL1LogisticRegression } from './l1-logistic-regression';
import { LC_C_GRID, LC_FOLD_COUNT, LC_LIBLINEAR_SEEDS } from './lc-constants';
import { LC_FEATURE_COUNT, type LcDesign } from './lc-design';

const CLIP = 1e-15;

/**
 * The soft-label expansion of the design: every row r becomes copy A (label 1, weight y·w) and
 * copy B (label 0, weight (1 − y)·w); all A copies first. Both copies belong to group r.
 */
export function softLabelProblem(design: LcDesign): L1LogisticRegressionProblem {
  const { rowCount: n, features, targets, weights } = design;
  const doubled = new Float64Array(2 * n * LC_FEATURE_COUNT);
  doubled.set(features, 0);
  doubled.set(features, n * LC_FEATURE_COUNT);
  const labels = new Uint8Array(2 * n);
  const sampleWeights = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    labels[r] = 1;
    sampleWeights[r] = targets[r]! * weights[r]!;
    sampleWeights[n + r] = (1 - targets[r]!) * weights[r]!;
  }
  return { features: doubled, featureCount: LC_FEATURE_COUNT, labels, weights: sampleWeights };
}

/**
 * Grouped 5-fold cross-validation over the C grid, as `LogisticRegressionCV` runs it for the LC
 * GLM: `scores[fold][k]` is the mean weighted soft log-likelihood of the held-out fold (higher is
 * better). The seeds restart in every fold, one per grid index.
 */
export function crossValidateLc(design: LcDesign, foldOrder: LcFoldOrder): number[][] {
  const n = design.rowCount;
  if (n < LC_FOLD_COUNT) {
    throw new InvalidInputError({
      message: `cross-validation needs at least ${LC_FOLD_COUNT} training rows, got ${n}; pass a fixed C instead`,
    });
  }
  const folds = groupKFoldAssignment(n, foldOrder);
  const full = softLabelProblem(design);
  const scores: number[][] = [];
  for (let fold = 0; fold < LC_FOLD_COUNT; fold++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let row = 0; row < 2 * n; row++) (folds[row % n] === fold ? test : train).push(row);
    const problem = subProblem(full, train);
    const foldScores: number[] = [];
    for (let k = 0; k < LC_C_GRID.length; k++) {
      const { coefficients } = fitL1LogisticRegression(problem, {
        C: LC_C_GRID[k]!,
        seed: LC_LIBLINEAR_SEEDS[k]!,
      });
      foldScores.push(softLogLikelihood(design, test, coefficients));
    }
    scores.push(foldScores);
  }
  return scores;
}

/** Index of the best summed CV score; the first one on ties, as numpy's argmax. */
export function selectCIndex(scores: readonly (readonly number[])[]): number {
  let best = 0;
  let bestSum = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < LC_C_GRID.length; k++) {
    let sum = 0;
    for (const foldScores of scores) sum += foldScores[k]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = k;
    }
  }
  return best;
}

function subProblem(
  full: L1LogisticRegressionProblem,
  rows: readonly number[],
): L1LogisticRegressionProblem {
  const f = full.featureCount;
  const features = new Float64Array(rows.length * f);
  const labels = new Uint8Array(rows.length);
  const weights = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    for (let j = 0; j < f; j++) features[i * f + j] = full.features[row * f + j]!;
    labels[i] = full.labels[row]!;
    weights[i] = full.weights[row]!;
  });
  return { features, featureCount: f, labels, weights };
}

/** Both copies of a held-out row are scored with the row's original weight and target. */
function softLogLikelihood(
  design: LcDesign,
  rows: readonly number[],
  b: readonly number[],
): number {
  const n = design.rowCount;
  const x = design.features;
  let sum = 0;
  for (const row of rows) {
    const r = row % n;
    const z = x[r * 3]! * b[0]! + x[r * 3 + 1]! * b[1]! + x[r * 3 + 2]! * b[2]!;
    const q = Math.min(Math.max(1 / (1 + glibcExp(-z)), CLIP), 1 - CLIP);
    const y = design.targets[r]!;
    sum += design.weights[r]! * (y * glibcLog(q) + (1 - y) * glibcLog(1 - q));
  }
  return sum / rows.length;
}
