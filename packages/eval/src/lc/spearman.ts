/**
 * Spearman's rank correlation: Pearson correlation of the ranks, ties getting their average rank
 * (as scipy.stats.spearmanr). NaN when either side is constant.
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length)
    throw new RangeError(`spearman needs equal lengths, got ${a.length} and ${b.length}`);
  if (a.length < 2) return Number.NaN;
  return pearson(averageRanks(a), averageRanks(b));
}

/** 1-based ranks with ties sharing their mean rank. */
export function averageRanks(values: readonly number[]): number[] {
  if (values.some(v => Number.isNaN(v))) throw new RangeError('cannot rank NaN');
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
