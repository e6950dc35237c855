import { describe, expect, it } from 'vitest';
import { LC_FOLD_ORDERS } from './fold-order';
import { LC_C_GRID } from './lc-constants';
import { buildLcDesign } from './lc-design';
import {
  loadConformanceModel,
  loadCvScores,
  loadExpected,
  loadTestGamedData,
} from './lc-test-fixtures';
import { computeLengthControlledWinRate } from './length-controlled-win-rate';
import { computeRawWinRate } from './raw-win-rate';

/**
 * The 12-model AlpacaEval LC conformance set (`../shared/alpaca-eval-lc/conformance`), every
 * layer of spec §7. Each full pipeline (50 CV fits + refit) runs once per fold order and is
 * shared by the CV-score, C and LC assertions to keep the file fast.
 */
const expected = loadExpected();
const cvScores = loadCvScores();
const gamed = loadTestGamedData();
const num = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : Number(value);

describe.each(expected)('conformance: $model', row => {
  const rows = loadConformanceModel(row.model!);
  const baseline = row.generator_2 === 'gpt4_1106_preview';
  const raw = computeRawWinRate(rows.map(r => r.preference));

  it('raw metrics: rates ≤ 1e-9, counts exact', () => {
    expect(rows).toHaveLength(num(row.n_rows)!);
    expect(Math.abs(raw.winRate - num(row.win_rate)!)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(raw.standardError - num(row.standard_error)!)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(raw.discreteWinRate - num(row.discrete_win_rate)!)).toBeLessThanOrEqual(1e-9);
    expect(raw.nWins).toBe(num(row.n_wins));
    expect(raw.nWinsBase).toBe(num(row.n_wins_base));
    expect(raw.nDraws).toBe(num(row.n_draws));
    expect(raw.nTotal).toBe(num(row.n_total));
  });

  if (baseline) {
    it('baseline vs itself: LC 50, SE 0, no fit', () => {
      const result = computeLengthControlledWinRate(rows, { gamed, baselineVsItself: true });
      expect(result.lengthControlledWinRate).toBe(50);
      expect(result.lcStandardError).toBe(0);
      expect(result.C).toBeNull();
      expect(result.coefficients).toEqual({ length: 0, difficulty: 0, model: 0 });
    });
    return;
  }

  it('refit at official_C matches the published LC (and lc_se) to ≤ 1e-9 pp', () => {
    const result = computeLengthControlledWinRate(rows, { gamed, C: num(row.official_C) });
    const official = num(row.length_controlled_winrate)!;
    expect(Math.abs(result.lengthControlledWinRate - official)).toBeLessThanOrEqual(1e-9);
    const se = num(row.lc_standard_error);
    if (se !== undefined) expect(Math.abs(result.lcStandardError - se)).toBeLessThanOrEqual(1e-9);
  });

  for (const order of LC_FOLD_ORDERS) {
    it(`full pipeline, ${order} order: CV scores ≤ 1e-12; C, LC, SE and coefficients exact`, () => {
      const result = computeLengthControlledWinRate(rows, { gamed, foldOrder: order });
      const reference = cvScores[row.model!]![order];
      for (let fold = 0; fold < 5; fold++) {
        for (let k = 0; k < LC_C_GRID.length; k++) {
          expect(Math.abs(result.cvScores![fold]![k]! - reference[fold]![k]!)).toBeLessThanOrEqual(
            1e-12,
          );
        }
      }
      expect(result.C).toBe(num(row[`${order}_C`]));
      // Required: ≤ 1e-9. The port is bit-identical to the reference pipeline, so assert that.
      expect(result.lengthControlledWinRate).toBe(num(row[`${order}_lc`]));
      expect(result.lcStandardError).toBe(num(row[`${order}_lc_se`]));
      expect(result.coefficients).toEqual({
        length: num(row[`${order}_coef_len`]),
        difficulty: num(row[`${order}_coef_difficulty`]),
        model: num(row[`${order}_coef_model`]),
      });
      if (row.official_variant!.split('+').includes(order)) {
        expect(result.C).toBe(num(row.official_C));
        const official = num(row.length_controlled_winrate)!;
        expect(Math.abs(result.lengthControlledWinRate - official)).toBeLessThanOrEqual(1e-9);
      }
    });
  }
});

describe('conformance: design', () => {
  it('uses 1610 gamed rows first, then the model rows, with weights 0.1 and 1', () => {
    const design = buildLcDesign(loadConformanceModel('text_davinci_001'), gamed);
    expect(design.rowCount).toBe(1610 + 803);
    expect(design.weights[0]).toBe(0.1);
    expect(design.weights[1610]).toBe(1);
    expect(design.features[1610 * 3 + 2]).toBe(1);
    expect(design.features[3 * 3 + 2]).toBe(0);
    expect(design.warnings.map(w => w.code)).toEqual(['misaligned-difficulty']);
  });
});
