const BLOCK = 128;

/**
 * numpy's pairwise summation of doubles (the algorithm behind `ndarray.sum` and `mean`). A plain
 * loop differs in the last bits; matching numpy keeps standardised features bit-identical to
 * upstream, which the solver's bit parity builds on.
 */
export function pairwiseSum(
  values: ArrayLike<number>,
  start = 0,
  count = values.length - start,
): number {
  if (count < 8) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += values[start + i]!;
    return sum;
  }
  if (count <= BLOCK) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = values[start + j]!;
    let i = 8;
    for (; i < count - (count % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = r[j]! + values[start + i + j]!;
    }
    let sum = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < count; i++) sum += values[start + i]!;
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half);
}

/** Mean as numpy computes it: pairwise sum divided by the count. */
export function numpyMean(values: ArrayLike<number>): number {
  return pairwiseSum(values) / values.length;
}

/** Sample standard deviation (ddof = 1) as numpy/pandas compute it: mean first, then squared deviations. */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  const mean = pairwiseSum(values) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) squares[i] = (values[i]! - mean) ** 2;
  return Math.sqrt(pairwiseSum(squares) / (n - 1));
}
