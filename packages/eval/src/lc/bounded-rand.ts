import type { Mt19937 } from './mt19937';

const TWO_POW_32 = 2 ** 32;

/**
 * Lemire's nearly divisionless bounded integer in [0, n), as in scikit-learn's newrand.h. Every
 * call consumes at least one draw, even for n = 1: skipping that draw would shift every later
 * coordinate order of the solver.
 */
export function boundedRand(rng: Mt19937, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n >= TWO_POW_32) {
    throw new RangeError(`boundedRand needs an integer n in [1, 2^32), got ${n}`);
  }
  // x * n is exact in doubles only below 2^53; above 2^21 the product is split in 16-bit halves.
  const multiply = n < 2 ** 21 ? multiplySmall : multiplyLarge;
  let [high, low] = multiply(rng.next(), n);
  if (low < n) {
    const threshold = (TWO_POW_32 - n) % n;
    while (low < threshold) [high, low] = multiply(rng.next(), n);
  }
  return high;
}

function multiplySmall(x: number, n: number): [number, number] {
  const m = x * n;
  const high = Math.floor(m / TWO_POW_32);
  return [high, m - high * TWO_POW_32];
}

function multiplyLarge(x: number, n: number): [number, number] {
  const product = BigInt(x) * BigInt(n);
  return [Number(product >> 32n), Number(product & 0xffffffffn)];
}
