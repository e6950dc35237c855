import { isAbsolute, resolve } from 'node:path';
import {
  computeRawWinRate,
  createPairwiseJudge,
  loadModelOutputs,
  PAIRWISE_JUDGE_PROMPT_VERSION,
  pairModelOutputs,
  writeAnnotations,
} from '@longform/eval';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { nonNegativeInteger } from '../options/number-options';
import { hashItems } from './eval-shared/hash-items';
import { addRunOptions, type RunOptions } from './eval-shared/run-options';
import { withEvalRun } from './eval-shared/with-eval-run';

interface EvalJudgeOptions extends RunOptions {
  baseline: string;
  annotator?: string;
  seed: number;
  logprobs: 'auto' | 'on' | 'off';
  out?: string;
}

/**
 * `longform eval judge OUTPUTS --baseline BASELINE`: AlpacaEval-style pairwise judging with the
 * configured model as the judge, written as `annotations.json` (AlpacaEval's format, ready for
 * `longform eval lc`). Judge calls are journaled in a run folder, so re-running resumes.
 */
export function registerEvalJudgeCommand(parent: Command, context: CliContext): void {
  const subcommand = parent
    .command('judge')
    .description(
      'pairwise-judge model outputs against a baseline (AlpacaEval format) → annotations.json',
    )
    .argument(
      '<outputs>',
      "the model's outputs: model_outputs.json ([{instruction, output, generator}]) or JSONL",
    )
    .requiredOption(
      '--baseline <file>',
      "the baseline's outputs, same format (it becomes output_1)",
    )
    .option('--annotator <name>', 'annotator name written into every annotation')
    .option(
      '--seed <n>',
      'seed of the per-instruction position randomisation',
      nonNegativeInteger('--seed'),
      0,
    )
    .addOption(
      new Option(
        '--logprobs <mode>',
        'preference from top logprobs: auto (when the model supports them), on, off',
      )
        .choices(['auto', 'on', 'off'])
        .default('auto'),
    )
    .option(
      '-o, --out <file>',
      'also write annotations.json here (default: only in the run folder)',
    );
  addRunOptions(subcommand, {
    runDirHelp: 'run folder (journal, annotations.json); default: .longform/runs/judge-<hash>',
    concurrencyHelp: 'parallel judge calls',
    timeoutMs: 60_000,
  }).action(async (outputsArg: string, options: EvalJudgeOptions, command: Command) => {
    const globals = context.globals(command);
    const cwd = context.io.cwd;
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
    const modelFile = abs(outputsArg);
    const baselineFile = abs(options.baseline);
    // Read and pair the inputs before any model is resolved, so bad files fail fast.
    const pairs = pairModelOutputs({
      model: await loadModelOutputs(modelFile),
      baseline: await loadModelOutputs(baselineFile),
      modelFile,
      baselineFile,
    });
    const { model } = await context.resolveModel(globals);
    const config = {
      judge: model.spec,
      prompt: PAIRWISE_JUDGE_PROMPT_VERSION,
      seed: options.seed,
      logprobs: options.logprobs,
      annotator: options.annotator ?? null,
      inputs: hashItems(pairs),
    };
    const { annotations, summary, files, annotator, promptVersion, runDir } = await withEvalRun(
      context,
      globals,
      { command: 'eval judge', prefix: 'judge', config, options, stepsNoun: 'judgements' },
      async ({ run, runDir, scheduler, progress }) => {
        const judge = createPairwiseJudge({
          model,
          scheduler,
          run,
          seed: options.seed,
          logprobs: options.logprobs,
          ...(options.annotator ? { annotator: options.annotator } : {}),
        });
        progress.start({ label: 'judge', total: pairs.length, unit: 'pairs' });
        const judged = await judge.annotateAll(pairs, {
          signal: context.io.signal,
          onProgress: done => progress.update(done),
        });
        const files = [
          await run.writeOutput(
            'annotations.json',
            `${JSON.stringify(judged.annotations, null, 2)}\n`,
          ),
        ];
        if (options.out) files.push(await writeAnnotations(abs(options.out), judged.annotations));
        return {
          ...judged,
          files,
          annotator: judge.annotator,
          promptVersion: judge.promptVersion,
          runDir,
        };
      },
    );
    for (const [i, a] of annotations.entries()) {
      if (a.preference === null) context.warn(`pair ${i}: no preference (${a.error})`);
    }
    const raw = computeRawWinRate(annotations.map(a => a.preference));
    const data = {
      judge: model.spec,
      annotator,
      promptVersion,
      model: pairs[0]?.generator_2,
      baseline: pairs[0]?.generator_1,
      summary,
      winRate: raw.winRate,
      standardError: raw.standardError,
      discreteWinRate: raw.discreteWinRate,
      nWins: raw.nWins,
      nWinsBase: raw.nWinsBase,
      nDraws: raw.nDraws,
      files,
      runDir,
    };
    context.result(globals, data, () =>
      [
        `${data.model} vs ${data.baseline} (judge ${model.spec}, ${annotator})`,
        `  win rate      ${raw.winRate.toFixed(2)} ± ${raw.standardError.toFixed(2)}  (discrete ${raw.discreteWinRate.toFixed(2)})`,
        `  wins/losses/draws  ${raw.nWins}/${raw.nWinsBase}/${raw.nDraws} of ${raw.nTotal}`,
        `  judged: ${summary.logprobs} by logprobs, ${summary.discrete} discrete, ${summary.identical} identical, ${summary.failed} failed` +
          (summary.fromJournal ? ` (${summary.fromJournal} from the journal)` : ''),
        `  annotations: ${files.join(', ')}`,
      ].join('\n'),
    );
  });
}
