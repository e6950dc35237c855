/**
 * The regularisation grid of AlpacaEval's LC GLM: the doubles numpy's `logspace(-4, 4, 10)` gives.
 * Spelled out because neither `Math.pow` nor Python's `10**x` reproduces all of them (0.0001 and
 * 166.81005372000558 would be one ulp off), and the CV choice is that sensitive.
 */
export const LC_C_GRID: readonly number[] = Object.freeze([
  9.999999999999999e-5, 0.000774263682681127, 0.005994842503189409, 0.046415888336127774,
  0.3593813663804626, 2.782559402207126, 21.54434690031882, 166.81005372000556, 1291.5496650148827,
  10000,
]);

/**
 * liblinear seeds per grid index: the first ten draws of numpy `RandomState(123).randint(2**31 − 1)`,
 * which is what scikit-learn hands the solver for each C. The refit uses the first one.
 */
export const LC_LIBLINEAR_SEEDS: readonly number[] = Object.freeze([
  843828734, 914636141, 1228959102, 1840268610, 974319580, 819844194, 220395238, 941243409,
  942612051, 2109339754,
]);

/** Number of AlpacaEval 2.0 instructions, i.e. the rows a model's annotations may have at most. */
export const ALPACA_EVAL_INSTRUCTION_COUNT = 805;

/** Weight of each gamed-baseline regularisation row: λ/2 with λ = 0.2 and two gamed baselines. */
export const LC_GAMED_ROW_WEIGHT = 0.1;

/** Cross-validation folds of the LC GLM. */
export const LC_FOLD_COUNT = 5;
