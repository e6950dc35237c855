export interface LshParams {
  bands: number;
  rows: number;
}

const cache = new Map<string, LshParams>();

/**
 * Bands × rows for LSH over `numPerm`-slot signatures, minimising the equally weighted areas of
 * false positives (Jaccard below `threshold` but a band collides) and false negatives (above it but
 * no band collides) under the banding curve 1 − (1 − s^r)^b. The integrals use a fixed Simpson rule,
 * so the choice is deterministic.
 */
export function optimalLshParams(threshold: number, numPerm: number): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError('threshold must be in (0, 1)');
  const key = `${threshold}:${numPerm}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let best: LshParams = { bands: 1, rows: numPerm };
  let bestError = Number.POSITIVE_INFINITY;
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; rows <= Math.floor(numPerm / bands); rows++) {
      const collide = (s: number) => 1 - (1 - s ** rows) ** bands;
      const falsePositive = simpson(collide, 0, threshold);
      const falseNegative = simpson(s => 1 - collide(s), threshold, 1);
      const error = 0.5 * falsePositive + 0.5 * falseNegative;
      if (error < bestError) {
        bestError = error;
        best = { bands, rows };
      }
    }
  }
  cache.set(key, best);
  return best;
}

function simpson(f: (x: number) => number, a: number, b: number, intervals = 64): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += f(a + i * h) * (i % 2 === 0 ? 2 : 4);
  return (sum * h) / 3;
}

/** Probability that two texts of Jaccard `s` share at least one band. */
export function lshCollisionProbability(s: number, { bands, rows }: LshParams): number {
  return 1 - (1 - s ** rows) ** bands;
}
