/**
 * Validates LC on a custom instruction set end to end with the simulator: eight simulated models
 * with hidden qualities 0.2–0.9 and verbosity anti-correlated with quality answer the same
 * instructions, the simulator's pairwise judge (known length bias) compares each with a fixed
 * baseline, the instruction difficulty is fitted jointly and each model's LC computed. Prints, per
 * seed and length bias, Spearman(WR, quality) and Spearman(LC, quality), and the mean |WR − oracle|
 * and |LC − oracle| where the oracle is the judge's expected preference with its length term
 * removed (`pairwiseJudgeProbability` with lengthBias 0, averaged over the judge's noise).
 * Two lineups: `anti` (SIMULATED_LEADERBOARD_LINEUP: weaker models longer) and `shuffled` (the same
 * length behaviours dealt to the qualities in a random order per seed: verbosity uncorrelated).
 *
 * Usage: node src/custom-leaderboard.ts [--seeds 5] [--instructions 200]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createScheduler, openRun, resolveModel } from '@longform/core';
import {
  buildSimulatedLeaderboard,
  type CustomLeaderboardValidation,
  runCustomLeaderboard,
  SIMULATED_LEADERBOARD_LINEUP,
} from '@longform/eval';
import { createSim, pairwiseJudgeProbability } from '@longform/sim';

type Lineup = 'anti' | 'shuffled';
const LINEUPS: Lineup[] = ['anti', 'shuffled'];

/** The lineup's length behaviours dealt to its qualities in a seeded random order. */
function shuffledLineup(seed: number) {
  const behaviours = SIMULATED_LEADERBOARD_LINEUP.map(({ quality: _, ...rest }) => rest);
  let state = seed * 2654435761;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = behaviours.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [behaviours[i], behaviours[j]] = [behaviours[j]!, behaviours[i]!];
  }
  return SIMULATED_LEADERBOARD_LINEUP.map((m, i) => ({ ...behaviours[i]!, quality: m.quality }));
}

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    instructions: { type: 'string', default: '200' },
  },
});
const seedCount = Number(values.seeds);
const instructionCount = Number(values.instructions);
if (!Number.isInteger(seedCount) || seedCount < 1)
  throw new Error('--seeds must be an integer ≥ 1');
if (!Number.isInteger(instructionCount) || instructionCount < 2)
  throw new Error('--instructions must be an integer ≥ 2');

const LENGTH_BIASES = [0, 0.7, 1.5, 3];
const NOISE = 0.3;
const QUALITY_WEIGHT = 6;
const root = await mkdtemp(join(tmpdir(), 'longform-bench-custom-lc-'));

/** E_z[sigmoid(logit + noise·z)] by the midpoint rule over z ∈ [−6, 6]. */
function expectOverNoise(logit: number): number {
  let sum = 0;
  for (let k = 0; k < 120; k++) {
    const z = -6 + (k + 0.5) * 0.1;
    sum +=
      (0.1 * Math.exp((-z * z) / 2)) /
      Math.sqrt(2 * Math.PI) /
      (1 + Math.exp(-(logit + NOISE * z)));
  }
  return sum;
}

function oracleWinRate(
  model: readonly { output: string }[],
  baseline: readonly { output: string }[],
) {
  const judge = { lengthBias: 0, noise: NOISE, qualityWeight: QUALITY_WEIGHT };
  let sum = 0;
  model.forEach((o, i) => {
    const p = pairwiseJudgeProbability({
      first: o.output,
      second: baseline[i]!.output,
      judge,
      z: 0,
    });
    sum += expectOverNoise(Math.log(p / (1 - p)));
  });
  return (100 * sum) / model.length;
}

console.log(
  `Custom-set LC vs raw WR on simulated leaderboards: ${SIMULATED_LEADERBOARD_LINEUP.length} models ` +
    `(quality 0.2–0.9; verbosity anti-correlated, or shuffled), ${instructionCount} instructions of 50–300 words, ` +
    `${seedCount} seeds per lineup; judge: simulator, qualityWeight ${QUALITY_WEIGHT}, noise ${NOISE}`,
);
console.log('');
console.log(
  'lineup    seed  length bias  Spearman WR  Spearman LC  |WR−oracle| pp  |LC−oracle| pp   judge s   fit s',
);

const results = new Map<string, CustomLeaderboardValidation[]>();
let generationMs = 0;
try {
  for (const lineup of LINEUPS)
    for (let seed = 1; seed <= seedCount; seed++) {
      const started = performance.now();
      const writerSim = createSim({ seed });
      const outputsRun = await openRun({
        dir: join(root, `outputs-${lineup}-${seed}`),
        command: 'bench custom-lc',
        config: { lineup, seed, instructionCount },
      });
      const board = await buildSimulatedLeaderboard({
        run: outputsRun,
        scheduler: createScheduler({ concurrency: 8 }),
        resolve: spec => resolveModel(spec, { simProvider: writerSim }),
        seed,
        instructionCount,
        ...(lineup === 'shuffled' ? { models: shuffledLineup(seed) } : {}),
      });
      await outputsRun.close();
      generationMs += performance.now() - started;
      const models = board.models.map(m => ({
        model: m.name,
        outputs: m.outputs,
        trueQuality: m.quality,
        oracleWinRate: oracleWinRate(m.outputs, board.baseline.outputs),
      }));

      for (const lengthBias of LENGTH_BIASES) {
        const judgeSim = createSim({
          seed,
          judge: { lengthBias, noise: NOISE, qualityWeight: QUALITY_WEIGHT },
        });
        // A run per judge setting: journal keys name the judge model, not the simulator's settings.
        const run = await openRun({
          dir: join(root, `judge-${lineup}-${seed}-${lengthBias}`),
          command: 'bench custom-lc',
          config: { seed, lengthBias },
        });
        const t0 = performance.now();
        const judged: number[] = [];
        const { leaderboard } = await runCustomLeaderboard({
          run,
          scheduler: createScheduler({ concurrency: 8 }),
          judgeModel: resolveModel('sim', { simProvider: judgeSim }),
          judge: { seed },
          baseline: board.baseline.outputs,
          models,
          onProgress: (done, total) => {
            if (done === total) judged.push(performance.now());
          },
        });
        const t1 = performance.now();
        await run.close();
        const v = leaderboard.validation!;
        const list = results.get(`${lineup}\t${lengthBias}`) ?? [];
        list.push(v);
        results.set(`${lineup}\t${lengthBias}`, list);
        const judgeSeconds = ((judged[0] ?? t1) - t0) / 1000;
        const fitSeconds = (t1 - (judged[0] ?? t1)) / 1000;
        console.log(
          [
            lineup.padEnd(8),
            String(seed).padStart(4),
            String(lengthBias).padStart(11),
            v.spearmanWinRate.toFixed(3).padStart(11),
            v.spearmanLengthControlled.toFixed(3).padStart(11),
            v.meanAbsErrorWinRate!.toFixed(2).padStart(14),
            v.meanAbsErrorLengthControlled!.toFixed(2).padStart(14),
            judgeSeconds.toFixed(2).padStart(9),
            fitSeconds.toFixed(2).padStart(7),
          ].join('  '),
        );
      }
    }
} finally {
  await rm(root, { recursive: true, force: true });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
console.log('');
console.log(`mean over ${seedCount} seeds`);
console.log(
  'lineup    length bias  Spearman WR  Spearman LC  |WR−oracle| pp  |LC−oracle| pp  LC ranks better',
);
for (const [key, list] of results) {
  const [lineup, lengthBias] = key.split('\t') as [string, string];
  const better = list.filter(v => v.spearmanLengthControlled > v.spearmanWinRate).length;
  const tied = list.filter(v => v.spearmanLengthControlled === v.spearmanWinRate).length;
  console.log(
    [
      lineup.padEnd(8),
      lengthBias.padStart(11),
      mean(list.map(v => v.spearmanWinRate))
        .toFixed(3)
        .padStart(11),
      mean(list.map(v => v.spearmanLengthControlled))
        .toFixed(3)
        .padStart(11),
      mean(list.map(v => v.meanAbsErrorWinRate!))
        .toFixed(2)
        .padStart(14),
      mean(list.map(v => v.meanAbsErrorLengthControlled!))
        .toFixed(2)
        .padStart(14),
      `${better}/${list.length} (tied ${tied})`.padStart(15),
    ].join('  '),
  );
}
console.log('');
console.log(
  `generation: ${(generationMs / 1000).toFixed(1)} s for ${LINEUPS.length} × ${seedCount} × ${SIMULATED_LEADERBOARD_LINEUP.length + 1} × ${instructionCount} simulator calls; lengths in code points (countCodePoints)`,
);
