import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, openRun, resolveModel } from '@longform/core';
import { createSim, pairwiseJudgeProbability } from '@longform/sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../lc/parse-csv';
import {
  buildSimulatedLeaderboard,
  type SimulatedLeaderboardOutputs,
} from './build-simulated-leaderboard';
import { readCustomLcAnnotations } from './custom-lc-annotations';
import { runCustomLeaderboard } from './run-custom-leaderboard';

const SEED = 7;
const NOISE = 0.3;
const QUALITY_WEIGHT = 6;
let dir: string;
let board: SimulatedLeaderboardOutputs;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custom-lc-'));
  const sim = createSim({ seed: SEED });
  const run = await openRun({ dir: join(dir, 'outputs'), command: 'test', config: { SEED } });
  board = await buildSimulatedLeaderboard({
    run,
    scheduler: createScheduler({ concurrency: 8 }),
    resolve: spec => resolveModel(spec, { simProvider: sim }),
    seed: SEED,
    instructionCount: 80,
  });
  await run.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The judge's expected preference for the model with its length term removed, averaged over the
 * judge's noise: the logit comes from `pairwiseJudgeProbability` at z = 0, then a midpoint rule
 * over z ∈ [−6, 6] integrates sigmoid(logit + noise·z) against the standard normal density.
 */
function oracleWinRate(outputs: { output: string }[]): number {
  const judge = { lengthBias: 0, noise: NOISE, qualityWeight: QUALITY_WEIGHT };
  let sum = 0;
  outputs.forEach((o, i) => {
    const p = pairwiseJudgeProbability({
      first: o.output,
      second: board.baseline.outputs[i]!.output,
      judge,
      z: 0,
    });
    const logit = Math.log(p / (1 - p));
    for (let k = 0; k < 120; k++) {
      const z = -6 + (k + 0.5) * 0.1;
      const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
      sum += (0.1 * density) / (1 + Math.exp(-(logit + NOISE * z)));
    }
  });
  return (100 * sum) / outputs.length;
}

async function leaderboardWithJudge(lengthBias: number, name: string) {
  const sim = createSim({
    seed: SEED,
    judge: { lengthBias, noise: NOISE, qualityWeight: QUALITY_WEIGHT },
  });
  // One run per judge setting: the journal key names the judge model, not the simulator's settings.
  const run = await openRun({ dir: join(dir, name), command: 'test', config: { lengthBias } });
  const options = {
    run,
    scheduler: createScheduler({ concurrency: 8 }),
    judgeModel: resolveModel('sim', { simProvider: sim }),
    judge: { seed: SEED },
    baseline: board.baseline.outputs,
    models: board.models.map(m => ({
      model: m.name,
      outputs: m.outputs,
      trueQuality: m.quality,
      oracleWinRate: oracleWinRate(m.outputs),
    })),
  };
  const result = await runCustomLeaderboard(options);
  return { result, run, options };
}

describe('runCustomLeaderboard with the simulator judge', () => {
  it('with a length-biased judge, LC ranks by true quality better than WR and lands nearer the length-free oracle', async () => {
    const { result, run, options } = await leaderboardWithJudge(1.5, 'biased');
    const { leaderboard, summary, files } = result;
    expect(summary).toMatchObject({ n: 8 * 80, logprobs: 8 * 80, failed: 0, fromJournal: 0 });
    expect(leaderboard.instructions).toHaveLength(80);
    expect(leaderboard.difficultyFit.converged).toBe(true);
    const v = leaderboard.validation!;
    expect(v.models).toBe(8);
    // Measured at this seed: WR 0.881, LC 1.
    expect(v.spearmanWinRate).toBeLessThan(0.95);
    expect(v.spearmanLengthControlled).toBeGreaterThan(v.spearmanWinRate);
    expect(v.spearmanLengthControlled).toBeGreaterThanOrEqual(0.95);
    expect(v.meanAbsErrorLengthControlled!).toBeLessThan(v.meanAbsErrorWinRate! / 2);
    // The judge rewards length, so every model's fitted length coefficient is negative.
    for (const e of leaderboard.entries) expect(e.coefficients.length).toBeLessThan(0);

    // Files: AlpacaEval-layout annotations per model, the leaderboard CSV and JSON.
    expect(files).toHaveLength(8 + 2);
    const reread = await readCustomLcAnnotations(files[0]!);
    expect(reread.model).toBe(board.models[0]!.name.replaceAll(/[^A-Za-z0-9._@=+-]/g, '_'));
    expect(reread.rows).toHaveLength(80);
    const [header, ...rows] = parseCsv(await readFile(join(run.dir, 'leaderboard.csv'), 'utf8'));
    expect(header!.fields[10]).toBe('length_controlled_winrate');
    expect(rows).toHaveLength(8);
    const json = JSON.parse(await readFile(join(run.dir, 'leaderboard.json'), 'utf8'));
    expect(json.validation.spearmanLengthControlled).toBe(v.spearmanLengthControlled);
    expect(json.models[0].lengthControlledWinRate).toBeGreaterThan(
      json.models[1].lengthControlledWinRate,
    );

    // A rerun takes every judgement from the journal and gives the same leaderboard.
    const again = await runCustomLeaderboard(options);
    expect(again.summary.fromJournal).toBe(8 * 80);
    expect(again.leaderboard.entries.map(e => e.lengthControlledWinRate)).toEqual(
      leaderboard.entries.map(e => e.lengthControlledWinRate),
    );
    await run.close();
  });

  it('with an unbiased judge, both WR and LC rank by true quality', async () => {
    const { result, run } = await leaderboardWithJudge(0, 'unbiased');
    const v = result.leaderboard.validation!;
    expect(v.spearmanWinRate).toBeGreaterThanOrEqual(0.95);
    expect(v.spearmanLengthControlled).toBeGreaterThanOrEqual(0.95);
    expect(v.meanAbsErrorWinRate!).toBeLessThan(2);
    expect(v.meanAbsErrorLengthControlled!).toBeLessThan(2);
    await run.close();
  });

  it('checks every model against the baseline before judging anything', async () => {
    const run = await openRun({ dir: join(dir, 'bad'), command: 'test', config: {} });
    const [first] = board.models;
    await expect(
      runCustomLeaderboard({
        run,
        scheduler: createScheduler(),
        judgeModel: resolveModel('sim'),
        baseline: board.baseline.outputs,
        models: [
          {
            model: 'a',
            outputs: [{ instruction: 'Unknown task', output: 'x', generator: 'a' }],
            source: 'a.json',
          },
        ],
      }),
    ).rejects.toThrow(
      /a\.json, field "instruction": entry 0: no baseline output for instruction "Unknown task"/,
    );
    await expect(
      runCustomLeaderboard({
        run,
        scheduler: createScheduler(),
        judgeModel: resolveModel('sim'),
        baseline: board.baseline.outputs,
        models: [
          { model: 'x:y', outputs: first!.outputs },
          { model: 'x_y', outputs: first!.outputs },
        ],
      }),
    ).rejects.toThrow(/same results folder "x_y"/);
    expect(run.journal.count).toBe(0);
    await run.close();
  });
});
