import { describe, expect, it } from 'vitest';
import { createRng, hashString, hashValues } from './random';

describe('random', () => {
  it('hashes deterministically and tells numbers from strings', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashValues(1, 'x')).toBe(hashValues(1, 'x'));
    expect(hashValues(1)).not.toBe(hashValues('1'));
    expect(hashValues(1, 2)).not.toBe(hashValues(2, 1));
  });

  it('draws reproducible uniform, integer and normal values', () => {
    const a = createRng(5);
    const b = createRng(5);
    const xs = Array.from({ length: 5000 }, () => a.next());
    expect(Array.from({ length: 5000 }, () => b.next())).toEqual(xs);
    expect(xs.every(x => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: 1000 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const normals = Array.from({ length: 5000 }, () => a.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });
});
