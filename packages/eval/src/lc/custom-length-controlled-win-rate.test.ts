import { describe, expect, it } from 'vitest';
import { computeCustomLengthControlledWinRate } from './custom-length-controlled-win-rate';
import { fitInstructionDifficulty } from './fit-instruction-difficulty';
import { computeRawWinRate } from './raw-win-rate';
import { simulateLeaderboard } from './simulated-leaderboard';
import { spearman } from './spearman';

describe('LC on a custom instruction set (simulated leaderboard)', () => {
  const board = simulateLeaderboard();
  const fit = fitInstructionDifficulty(board.models, { instructionCount: board.difficulty.length });

  it('recovers the hidden instruction difficulty from the joint fit', () => {
    expect(fit.converged).toBe(true);
    expect(spearman(Array.from(fit.difficulty), Array.from(board.difficulty))).toBeGreaterThan(0.9);
    // The judge's length bias shows up as negative length coefficients (longer model output wins).
    for (const model of fit.models) expect(model.lengthCoefficient).toBeLessThan(0);
  });

  it('ranks models by true quality better than the raw win rate does', () => {
    const quality = board.models.map(m => m.quality);
    const raw = board.models.map(m => computeRawWinRate(m.rows.map(r => r.preference)).winRate);
    const lc = board.models.map(
      m =>
        computeCustomLengthControlledWinRate(m.rows, {
          difficulty: fit.difficulty,
          source: m.model,
        }).lengthControlledWinRate,
    );
    const rawSpearman = spearman(raw, quality);
    const lcSpearman = spearman(lc, quality);
    expect(rawSpearman).toBeLessThan(0.9);
    expect(lcSpearman).toBeGreaterThan(0.95);
    expect(lcSpearman).toBeGreaterThan(rawSpearman);
  });

  it('rejects rows without a valid instruction index', () => {
    const [first] = board.models;
    const rows = first!.rows.map((row, i) => (i === 2 ? { ...row, instructionIndex: 999 } : row));
    expect(() =>
      fitInstructionDifficulty([{ model: 'a', rows }], { instructionCount: 300 }),
    ).toThrow(/a row 2: instructionIndex must be an integer in \[0, 300\)/);
    expect(() =>
      computeCustomLengthControlledWinRate(rows, {
        difficulty: fit.difficulty,
        C: 1,
        source: 'custom.json',
      }),
    ).toThrow(/custom\.json.*row 2: no instruction difficulty for instruction 999/);
  });
});
