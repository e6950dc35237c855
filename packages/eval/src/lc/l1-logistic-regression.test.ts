import { describe, expect, it } from 'vitest';
import { fitL1LogisticRegression } from './l1-logistic-regression';
import { LC_C_GRID, LC_LIBLINEAR_SEEDS } from './lc-constants';
import { softLabelProblem } from './lc-cross-validation';
import { buildLcDesign } from './lc-design';
import { loadConformanceModel, loadTestGamedData } from './lc-test-fixtures';

describe('fitL1LogisticRegression', () => {
  // §10 of the spec: scikit-learn's coefficients at the official C, bit for bit.
  const vectors = [
    [
      'gpt4_gamed',
      166.81005372000556,
      [-2.98368376765215, 0.6193629220101384, -2.2518120065626412],
    ],
    ['NullModel', 21.54434690031882, [-1.0652260726252567, 0.2552207384331953, 1.917837781702023]],
    [
      'text_davinci_001',
      2.782559402207126,
      [-1.9704255453657376, 0.4274629152954189, -2.4582030232368326],
    ],
    ['wizardlm-13b', 10000, [-1.836755375230835, 1.0170053665302967, -3.011856065900879]],
  ] as const;

  // Bit parity holds because the solver uses glibc's exp/log and the design numpy's tanh (see
  // glibc-math.ts, numpy-tanh.ts); with V8's Math.exp/log/tanh these differ by up to 25 ulps.
  for (const [model, C, expected] of vectors) {
    it(`reproduces scikit-learn's refit of ${model} at C = ${C} bit for bit`, () => {
      const design = buildLcDesign(loadConformanceModel(model), loadTestGamedData());
      const { coefficients } = fitL1LogisticRegression(softLabelProblem(design), {
        C,
        seed: LC_LIBLINEAR_SEEDS[0]!,
      });
      expect(coefficients[0]).toBe(expected[0]);
      expect(coefficients[1]).toBe(expected[1]);
      expect(coefficients[2]).toBe(expected[2]);
    });
  }

  it('uses the numpy logspace grid doubles', () => {
    expect(LC_C_GRID).toEqual([
      9.999999999999999e-5, 0.000774263682681127, 0.005994842503189409, 0.046415888336127774,
      0.3593813663804626, 2.782559402207126, 21.54434690031882, 166.81005372000556,
      1291.5496650148827, 10000,
    ]);
  });

  it('separates a clean problem and shrinks useless features to exactly 0', () => {
    // Feature 0 decides the label; feature 1 is constant noise the L1 penalty should remove.
    const features: number[] = [];
    const labels: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i % 2 === 0 ? 1 : -1) * (0.5 + (i % 7) / 7);
      features.push(x, 1);
      labels.push(x > 0 ? 1 : 0);
      weights.push(1);
    }
    const fit = fitL1LogisticRegression(
      { features, featureCount: 2, labels, weights },
      { C: 1, seed: 1 },
    );
    expect(fit.coefficients[0]).toBeGreaterThan(2);
    expect(fit.coefficients[1]).toBe(0);
    const small = fitL1LogisticRegression(
      { features, featureCount: 2, labels, weights },
      { C: 1e-4, seed: 1 },
    );
    expect(small.coefficients).toEqual([0, 0]);
  });

  it('drops zero-weight rows and rejects inconsistent input', () => {
    const base = { features: [1, -1, 5], featureCount: 1, labels: [1, 0, 0], weights: [1, 1, 0] };
    const withRow = fitL1LogisticRegression(base, { C: 10, seed: 3 });
    const without = fitL1LogisticRegression(
      { features: [1, -1], featureCount: 1, labels: [1, 0], weights: [1, 1] },
      { C: 10, seed: 3 },
    );
    expect(withRow.coefficients).toEqual(without.coefficients);
    expect(() => fitL1LogisticRegression({ ...base, weights: [1] }, { C: 1, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() => fitL1LogisticRegression(base, { C: 0, seed: 1 })).toThrow(RangeError);
  });
});
