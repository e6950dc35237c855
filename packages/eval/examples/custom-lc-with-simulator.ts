// LC on a custom instruction set, validated with the simulator (no network, no API key): eight
// simulated models of known quality, whose weaker members tend to write longer, answer 100 of our
// own instructions; the simulator's judge, which likes length (lengthBias 1.5), compares each with
// a baseline; the instruction difficulty is fitted jointly over all models, then each model's LC.
// LC should rank the models by their true quality better than the raw win rate does.
// Run: (cd packages/sim && npx tsdown) && (cd packages/core && npx tsdown) && (cd packages/eval && npx tsdown) && node examples/custom-lc-with-simulator.ts
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, openRun, resolveModel } from '@longform/core';
import { buildSimulatedLeaderboard, runCustomLeaderboard } from '@longform/eval';
import { createSim } from '@longform/sim';

const root = await mkdtemp(join(tmpdir(), 'longform-custom-lc-'));
const scheduler = createScheduler({ concurrency: 8 });
// One simulator for writers and judge: its judge prefers the better-tagged output, plus a known
// bonus for the longer one.
const sim = createSim({ seed: 3, judge: { lengthBias: 1.5, noise: 0.3, qualityWeight: 6 } });
const resolve = (spec: string) => resolveModel(spec, { simProvider: sim });

const run = await openRun({ dir: join(root, 'run'), command: 'example', config: { seed: 3 } });
// 1. Outputs: a baseline and eight models on 100 instructions (journaled in the run).
const board = await buildSimulatedLeaderboard({
  run,
  scheduler,
  resolve,
  seed: 3,
  instructionCount: 100,
});

// 2. Judge every model against the baseline, fit the difficulty jointly, compute WR and LC.
const { leaderboard, summary, files } = await runCustomLeaderboard({
  run,
  scheduler,
  judgeModel: resolve('sim'),
  judge: { seed: 3 },
  baseline: board.baseline.outputs,
  models: board.models.map(m => ({ model: m.name, outputs: m.outputs, trueQuality: m.quality })),
});
await run.close();

console.log(
  `judge calls: ${summary.n} (${summary.logprobs} from logprobs, ${summary.failed} failed)`,
);
console.log('model                       quality  avg len      WR      LC');
for (const e of [...leaderboard.entries].sort(
  (a, b) => b.lengthControlledWinRate - a.lengthControlledWinRate,
)) {
  console.log(
    `${e.model.padEnd(26)}  ${e.trueQuality?.toFixed(2).padStart(7)}  ${String(e.averageLength).padStart(7)}  ${e.winRate.toFixed(1).padStart(6)}  ${e.lengthControlledWinRate.toFixed(1).padStart(6)}`,
  );
}
const v = leaderboard.validation!;
console.log(
  `Spearman with true quality: WR ${v.spearmanWinRate.toFixed(3)}, LC ${v.spearmanLengthControlled.toFixed(3)}`,
);
console.log('files:', files.slice(-2));
