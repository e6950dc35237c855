import { describe, expect, it } from 'vitest';
import { boundedRand } from './bounded-rand';
import { Mt19937 } from './mt19937';

describe('boundedRand', () => {
  it('reproduces the spec vector: calls (3, 2, 1) four times from seed 843828734', () => {
    const rng = new Mt19937(843828734);
    const draws: number[][] = [];
    for (let round = 0; round < 4; round++) {
      draws.push([boundedRand(rng, 3), boundedRand(rng, 2), boundedRand(rng, 1)]);
    }
    expect(draws).toEqual([
      [2, 1, 0],
      [2, 0, 0],
      [2, 0, 0],
      [2, 0, 0],
    ]);
  });

  it('consumes one draw for n = 1', () => {
    const a = new Mt19937(42);
    const b = new Mt19937(42);
    boundedRand(a, 1);
    b.next();
    expect(a.next()).toBe(b.next());
  });

  it('equals floor(x * n / 2^32) when no rejection happens, also for large n', () => {
    const a = new Mt19937(7);
    const b = new Mt19937(7);
    const n = 3_000_000_000;
    for (let i = 0; i < 100; i++) {
      const x = b.next();
      const expected = Number((BigInt(x) * BigInt(n)) >> 32n);
      const low = Number((BigInt(x) * BigInt(n)) & 0xffffffffn);
      if (low < (2 ** 32 - n) % n) return; // a rejection would desynchronise the two generators
      expect(boundedRand(a, n)).toBe(expected);
    }
  });

  it('stays in range and rejects invalid bounds', () => {
    const rng = new Mt19937(1);
    for (let i = 0; i < 1000; i++) {
      const value = boundedRand(rng, 7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
    }
    expect(() => boundedRand(rng, 0)).toThrow(RangeError);
    expect(() => boundedRand(rng, 2 ** 32)).toThrow(RangeError);
  });
});
