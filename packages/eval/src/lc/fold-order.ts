import { LC_FOLD_COUNT } from './lc-constants';

/**
 * How GroupKFold breaks ties between equal-size groups. `modern` is a stable sort (scikit-learn
 * ≥ 1.x on numpy 2.x, what the official code gives today); `legacy` is numpy 1.x introsort, which
 * produced most published leaderboard rows.
 */
export type LcFoldOrder = 'modern' | 'legacy';

export const LC_FOLD_ORDERS: readonly LcFoldOrder[] = ['modern', 'legacy'];

/**
 * The argsort numpy 1.x quicksort returns for `count` equal keys. Median-of-3 and the final
 * insertion sort never move equal keys, so only the partition swaps remain.
 */
export function legacyArgsortOfEqualKeys(count: number): Int32Array {
  const idx = new Int32Array(count);
  for (let i = 0; i < count; i++) idx[i] = i;
  const swap = (a: number, b: number) => {
    const t = idx[a]!;
    idx[a] = idx[b]!;
    idx[b] = t;
  };
  const stack: [number, number][] = [];
  let lo = 0;
  let hi = count - 1;
  for (;;) {
    while (hi - lo > 15) {
      const mid = lo + Math.floor((hi - lo) / 2);
      swap(mid, hi - 1);
      let i = lo;
      let j = hi - 1;
      for (;;) {
        i++;
        j--;
        if (i >= j) break;
        swap(i, j);
      }
      swap(i, hi - 1);
      if (i - lo < hi - i) {
        stack.push([i + 1, hi]);
        hi = i - 1;
      } else {
        stack.push([lo, i - 1]);
        lo = i + 1;
      }
    }
    const next = stack.pop();
    if (!next) return idx;
    [lo, hi] = next;
  }
}

/**
 * Fold id (0..4) of each of `groupCount` equal-size groups under GroupKFold: groups are taken in
 * reversed argsort order and dealt to folds 0, 1, 2, 3, 4, 0, …
 */
export function groupKFoldAssignment(groupCount: number, order: LcFoldOrder): Uint8Array {
  const folds = new Uint8Array(groupCount);
  if (order === 'modern') {
    for (let g = 0; g < groupCount; g++) folds[g] = (groupCount - 1 - g) % LC_FOLD_COUNT;
    return folds;
  }
  const argsort = legacyArgsortOfEqualKeys(groupCount);
  for (let k = 0; k < groupCount; k++) folds[argsort[groupCount - 1 - k]!] = k % LC_FOLD_COUNT;
  return folds;
}
