import { describe, expect, it } from 'vitest';
import { Mt19937 } from './mt19937';

describe('Mt19937', () => {
  it('gives 4123659995 as the 10,000th output for seed 5489 (the C++ standard check value)', () => {
    const rng = new Mt19937(5489);
    let value = 0;
    for (let i = 0; i < 10_000; i++) value = rng.next();
    expect(value).toBe(4123659995);
  });

  it('matches the first outputs for the first liblinear seed', () => {
    const rng = new Mt19937(843828734);
    expect([rng.next(), rng.next(), rng.next(), rng.next(), rng.next()]).toEqual([
      3126865412, 3280589080, 2535925758, 3829292416, 1018554813,
    ]);
  });

  it('rejects seeds outside the 32-bit range', () => {
    expect(() => new Mt19937(-1)).toThrow(RangeError);
    expect(() => new Mt19937(2 ** 32)).toThrow(RangeError);
    expect(() => new Mt19937(1.5)).toThrow(RangeError);
  });
});
