import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupKFoldAssignment, legacyArgsortOfEqualKeys } from './fold-order';
import { conformanceDir } from './test-data';

const asString = (folds: Uint8Array) => Array.from(folds).join('');

describe('groupKFoldAssignment', () => {
  it('modern: group g goes to fold (N − 1 − g) mod 5', () => {
    const folds = asString(groupKFoldAssignment(2415, 'modern'));
    expect(folds.slice(0, 12)).toBe('432104321043');
    expect(folds.slice(-5)).toBe('43210');
  });

  it('legacy: matches the spec prefix for N = 2415', () => {
    expect(asString(groupKFoldAssignment(2415, 'legacy')).slice(0, 40)).toBe(
      '4432104321043210041332104321043210422411',
    );
  });

  it('legacy: matches every full fold string of legacy_folds.json', () => {
    const expected = JSON.parse(
      readFileSync(join(conformanceDir, 'legacy_folds.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
    for (const [n, folds] of Object.entries(expected)) {
      expect(asString(groupKFoldAssignment(Number(n), 'legacy'))).toBe(folds);
    }
  });

  it('legacy argsort is a permutation and the identity for small N (insertion sort range)', () => {
    expect(Array.from(legacyArgsortOfEqualKeys(16))).toEqual(
      Array.from({ length: 16 }, (_, i) => i),
    );
    const big = Array.from(legacyArgsortOfEqualKeys(3000)).sort((a, b) => a - b);
    expect(big).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(Array.from(legacyArgsortOfEqualKeys(0))).toEqual([]);
  });

  it('deals folds of equal size (±1)', () => {
    for (const order of ['modern', 'legacy'] as const) {
      const counts = [0, 0, 0, 0, 0];
      for (const f of groupKFoldAssignment(2413, order)) counts[f]!++;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });
});
