import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWordsLongWriter, createScheduler, openRun, resolveModel } from '@longform/core';
import { createSim, parseQualityTag } from '@longform/sim';
import { describe, expect, it } from 'vitest';
import { buildSimulatedLeaderboard } from './build-simulated-leaderboard';

describe('buildSimulatedLeaderboard', () => {
  it('writes tagged outputs of each model’s own length, aligned on shared instructions, and resumes from the journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-board-'));
    try {
      const sim = createSim({ seed: 1 });
      const settings = {
        scheduler: createScheduler(),
        resolve: (spec: string) => resolveModel(spec, { simProvider: sim }),
        seed: 4,
        instructionCount: 6,
        minWords: 100,
        maxWords: 100,
        baseline: { quality: 0.5, profile: 'compliant' as const },
        models: [
          { quality: 0.2, profile: 'over' as const, lengthFactor: 1.5 },
          { quality: 0.9, profile: 'under' as const, lengthFactor: 0.5, name: 'terse' },
        ],
      };
      const run = await openRun({ dir: join(dir, 'run'), command: 'test', config: {} });
      const board = await buildSimulatedLeaderboard({ run, ...settings });
      expect(board.instructions).toHaveLength(6);
      expect(board.requestedWords).toEqual([100, 100, 100, 100, 100, 100]);
      expect(board.instructions[0]).toMatch(/^Task 1: .*, in about 100 words\.$/);
      expect(board.models.map(m => m.name)).toEqual(['sim:over@q=0.2 ×1.5', 'terse']);
      expect(board.baseline.spec).toBe('sim:compliant@q=0.5');
      const words = (outputs: { output: string }[]) =>
        outputs.map(o => countWordsLongWriter(o.output));
      // over (1.4) × 1.5 ≈ 210 words; under (0.7) × 0.5 ≈ 35; the baseline ≈ 100 (±5 % each).
      for (const w of words(board.models[0]!.outputs)) expect(w).toBeGreaterThan(190);
      for (const w of words(board.models[1]!.outputs)) expect(w).toBeLessThan(40);
      for (const w of words(board.baseline.outputs))
        expect(Math.abs(w - 100)).toBeLessThanOrEqual(5);
      for (const m of board.models) {
        expect(m.outputs.map(o => o.instruction)).toEqual(board.instructions);
        expect(m.outputs.every(o => o.generator === m.name)).toBe(true);
        expect(parseQualityTag(m.outputs[0]!.output)).toBe(m.quality);
      }
      expect(sim.stats().requests).toBe(18);
      const again = await buildSimulatedLeaderboard({ run, ...settings });
      expect(again).toEqual(board);
      expect(sim.stats().requests).toBe(18);
      await run.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the bad setting', async () => {
    const base = { run: { journal: {} as never }, scheduler: createScheduler() };
    await expect(
      buildSimulatedLeaderboard({ ...base, minWords: 400, maxWords: 300 }),
    ).rejects.toThrow(/field "minWords": minWords must not exceed maxWords/);
    await expect(
      buildSimulatedLeaderboard({
        ...base,
        models: [
          { quality: 0.3, name: 'x' },
          { quality: 0.4, name: 'x' },
        ],
      }),
    ).rejects.toThrow(/field "models.1.name": two simulated models are named "x"/);
    await expect(
      buildSimulatedLeaderboard({ ...base, models: [{ quality: 1.5 }, { quality: 0.2 }] }),
    ).rejects.toThrow(/field "models.0.quality"/);
  });
});
