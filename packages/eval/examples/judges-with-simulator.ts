// Runs both judges end to end against the built-in simulator (no network, no API key):
// an AlpacaEval-style pairwise comparison written as annotations.json, and a LongBench-Write run
// with S_l, S_q and S. Re-running resumes from the run journals without new model calls.
// Run: (cd packages/core && npx tsdown) && (cd packages/eval && npx tsdown) && node examples/judges-with-simulator.ts
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, generateStep, openRun, resolveModel } from '@longform/core';
import { computeRawWinRate, createPairwiseJudge, runLongBenchWrite } from '@longform/eval';

const root = await mkdtemp(join(tmpdir(), 'longform-judges-'));
const scheduler = createScheduler({ concurrency: 4 });
// `@q=` gives the simulated writer a hidden quality that the simulated judges read back.
const strong = resolveModel('sim@q=0.9');
const weak = resolveModel('sim@q=0.3');
const judgeModel = resolveModel('sim');

// 1. Pairwise: the weak model is the baseline (output_1), the strong one is evaluated (output_2).
const instructions = [
  'Explain in about 80 words why the sky is blue.',
  'Give three tips for writing a clear email, in about 60 words.',
  'Describe a lighthouse at night in about 100 words.',
];
const run = await openRun({
  dir: join(root, 'judge'),
  command: 'example',
  config: { instructions },
});
const answer = async (model: typeof strong, prompt: string, step: number) =>
  (await generateStep({ run, scheduler, model, stage: `answer-${model.spec}`, step, prompt })).text;
const pairs = await Promise.all(
  instructions.map(async (instruction, i) => ({
    instruction,
    output_1: await answer(weak, instruction, i),
    generator_1: weak.spec,
    output_2: await answer(strong, instruction, i),
    generator_2: strong.spec,
  })),
);
const judge = createPairwiseJudge({ model: judgeModel, scheduler, run, seed: 1 });
const { annotations, summary } = await judge.annotateAll(pairs);
await run.writeOutput('annotations.json', `${JSON.stringify(annotations, null, 2)}\n`);
await run.close();
const raw = computeRawWinRate(annotations.map(a => a.preference));
console.log(
  `pairwise: ${strong.spec} vs ${weak.spec}: win rate ${raw.winRate.toFixed(2)}`,
  summary,
);
for (const a of annotations)
  console.log(`  preference ${a.preference?.toFixed(4)} (swapped: ${a.is_swapped})`);

// 2. LongBench-Write: generate, judge, score.
const lbwRun = await openRun({ dir: join(root, 'lbw'), command: 'example', config: {} });
const result = await runLongBenchWrite({
  run: lbwRun,
  scheduler,
  model: resolveModel('sim@q=0.8'),
  judgeModel,
  items: [
    { prompt: 'Write a 300-word blog post about tea.', length: 300, language: 'en' },
    { prompt: 'Write a 1500-word story about a lost key.', length: 1500, language: 'en' },
    { prompt: '写一篇800字的文章，介绍中国茶文化。', length: 800, language: 'zh' },
  ],
});
await lbwRun.close();
const o = result.report.overall;
console.log(
  `LongBench-Write: S_l ${o.lengthScore.toFixed(2)}, S_q ${o.quality?.score?.toFixed(2)}, S ${o.score?.toFixed(2)} ` +
    `(judge failures ${o.quality?.failures}; counter ${result.report.counter})`,
);
console.log('files:', result.files);
