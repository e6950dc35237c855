/**
 * Formats with 2 decimals the way Python's `round(x, 2)` / `'%.2f'` do: correctly rounded, ties to
 * even. `toFixed` breaks exact ties upwards, and percentages such as 97/800 = 12.125 are exact ties.
 */
export function formatFixed2(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // An exact tie at the third decimal is only possible for odd multiples of 1/8 (x·1000 ≡ 5 mod 10).
  if (Number.isInteger(value * 8) && !Number.isInteger(value * 4)) {
    const scaled = value * 100; // exact: an odd multiple of 12.5
    const floor = Math.floor(scaled);
    const even = floor % 2 === 0 ? floor : floor + 1;
    return (even / 100).toFixed(2);
  }
  return value.toFixed(2);
}
