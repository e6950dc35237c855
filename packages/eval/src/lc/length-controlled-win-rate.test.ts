import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import type { LcRow } from './lc-design';
import { loadConformanceModel, loadTestGamedData } from './lc-test-fixtures';
import { computeLengthControlledWinRate, lcFarFromWinRate } from './length-controlled-win-rate';

const gamed = loadTestGamedData();
const C = 2.782559402207126;
const base = loadConformanceModel('FuseChat-Gemma-2-9B-Instruct');

describe('computeLengthControlledWinRate edge cases (spec §5)', () => {
  it('drops null/NaN preferences from training but still predicts those rows', () => {
    const rows: LcRow[] = base.map((row, i) =>
      i % 10 === 0 ? { ...row, preference: i % 20 ? null : Number.NaN } : row,
    );
    const result = computeLengthControlledWinRate(rows, { gamed, C });
    expect(result.predictions).toHaveLength(805);
    expect(result.rowsUsed).toBe(805 - 81);
    expect(Number.isNaN(result.predictions[0]!)).toBe(false);
    const full = computeLengthControlledWinRate(base, { gamed, C });
    expect(result.lengthControlledWinRate).not.toBe(full.lengthControlledWinRate);
  });

  it('treats a legacy 0 exactly like a 1.5 draw', () => {
    const zero = base.map((row, i) => (i < 5 ? { ...row, preference: 0 } : row));
    const draw = base.map((row, i) => (i < 5 ? { ...row, preference: 1.5 } : row));
    const a = computeLengthControlledWinRate(zero, { gamed, C });
    const b = computeLengthControlledWinRate(draw, { gamed, C });
    expect(a.lengthControlledWinRate).toBe(b.lengthControlledWinRate);
    expect(a.coefficients).toEqual(b.coefficients);
  });

  it('warns that difficulties are misaligned when rows are missing, unless aligned by instruction', () => {
    const rows = loadConformanceModel('text_davinci_001');
    const positional = computeLengthControlledWinRate(rows, { gamed, C });
    expect(positional.warnings.map(w => w.code)).toEqual(['misaligned-difficulty']);
    const aligned = computeLengthControlledWinRate(rows, { gamed, C, alignment: 'instruction' });
    expect(aligned.warnings).toEqual([]);
    expect(aligned.lengthControlledWinRate).not.toBe(positional.lengthControlledWinRate);
  });

  it('rejects more than 805 rows with a clear error', () => {
    const rows = [...base, base[0]!];
    expect(() => computeLengthControlledWinRate(rows, { gamed, C, source: 'big.json' })).toThrow(
      /big\.json: 806 annotation rows, but AlpacaEval 2.0 has 805 instructions/,
    );
  });

  it('rejects all-NaN preferences naming the file', () => {
    const rows = base.map(row => ({ ...row, preference: null }));
    const error = (() => {
      try {
        computeLengthControlledWinRate(rows, { gamed, source: 'results/x/annotations.json' });
      } catch (e) {
        return e;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).file).toBe('results/x/annotations.json');
    expect((error as Error).message).toMatch(/every preference is null/);
  });

  it('rejects a zero length-difference spread, bad preferences and bad lengths, naming the row', () => {
    const flat = base.map(row => ({ ...row, baselineLength: 100, modelLength: 50 }));
    expect(() => computeLengthControlledWinRate(flat, { gamed, C })).toThrow(
      /standard deviation 0/,
    );
    const bad = base.map((row, i) => (i === 7 ? { ...row, preference: 2.5 } : row));
    expect(() => computeLengthControlledWinRate(bad, { gamed, C, source: 'a.json' })).toThrow(
      /a\.json, field "\[7\]\.preference": row 7: preference must be in \[1, 2\]/,
    );
    const negative = base.map((row, i) => (i === 3 ? { ...row, modelLength: -1 } : row));
    expect(() => computeLengthControlledWinRate(negative, { gamed, C })).toThrow(
      /row 3: modelLength/,
    );
    expect(() => computeLengthControlledWinRate([], { gamed, C })).toThrow(/no annotation rows/);
    expect(() => computeLengthControlledWinRate(base, { gamed, C: -1 })).toThrow(
      /C must be a positive/,
    );
  });

  it('baseline vs itself: LC 50, SE 0, no fit, NaN rows not predicted', () => {
    const rows = base.map((row, i) => (i === 0 ? { ...row, preference: null } : row));
    const result = computeLengthControlledWinRate(rows, { gamed, baselineVsItself: true });
    expect(result.lengthControlledWinRate).toBe(50);
    expect(result.lcStandardError).toBe(0);
    expect(result.cSource).toBe('none');
    expect(result.rowsUsed).toBe(804);
    expect(result.predictions[0]).toBeNaN();
    expect(result.predictions[1]).toBe(0.5);
  });

  it('reports C given on the grid with its index, and off the grid with none', () => {
    expect(computeLengthControlledWinRate(base, { gamed, C }).cIndex).toBe(5);
    expect(computeLengthControlledWinRate(base, { gamed, C: 3 }).cIndex).toBeNull();
  });

  it('flags LC far from WR as a machine-readable warning (issue #310 thresholds)', () => {
    expect(lcFarFromWinRate(12.19, 3.74)).toBeUndefined();
    expect(lcFarFromWinRate(28.7, 5)).toBeUndefined();
    expect(lcFarFromWinRate(28.8, 5)?.code).toBe('lc-far-from-win-rate');
    expect(lcFarFromWinRate(50, 70)?.message).toMatch(/far from the raw win rate 70\.00/);
    expect(lcFarFromWinRate(60, 70)).toBeUndefined();
    const result = computeLengthControlledWinRate(base, {
      gamed,
      C,
      winRate: 97,
      source: 'f.json',
    });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'lc-far-from-win-rate' })]);
  });
});
