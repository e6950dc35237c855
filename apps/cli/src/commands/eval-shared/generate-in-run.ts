import type { ResolvedModel, Run, Scheduler } from '@longform/core';
import type { GenerationFailure } from '@longform/eval';
import type { CliContext, GlobalOptions } from '../../cli-context';
import { hashItems } from './hash-items';
import type { RunOptions } from './run-options';
import { warnGenerationFailures } from './warn-generation-failures';
import { withEvalRun } from './with-eval-run';

export interface GenerationOptions extends RunOptions {
  temperature: number;
  maxTokens: number;
}

/** What a benchmark runner (`runLonGen`, `runTlg`) takes besides its items and source file. */
export interface GenerationRunnerArgs {
  run: Run;
  scheduler: Scheduler;
  model: ResolvedModel;
  generation: { temperature: number; maxOutputTokens: number };
  signal: AbortSignal;
  onProgress: (done: number) => void;
}

/**
 * Generates a benchmark's missing outputs in a resumable run folder (`.longform/runs/<prefix>-<hash>`,
 * keyed by model, sampling settings and items) with a `generate` progress line, then warns about
 * each failed row. Returns the runner's result and the run folder.
 */
export async function generateInRun<RESULT extends { generationFailures: GenerationFailure[] }>(
  context: CliContext,
  globals: GlobalOptions,
  {
    command,
    prefix,
    model,
    options,
    items,
    pending,
  }: {
    command: string;
    prefix: string;
    model: ResolvedModel;
    options: GenerationOptions;
    items: readonly unknown[];
    /** How many items need a model call (the others carry their output). */
    pending: number;
  },
  runner: (args: GenerationRunnerArgs) => Promise<RESULT>,
): Promise<RESULT & { runDir: string }> {
  const config = {
    model: model.spec,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    items: hashItems(items),
  };
  const result = await withEvalRun(
    context,
    globals,
    { command, prefix, config, options },
    async ({ run, runDir, scheduler, progress }) => {
      progress.start({ label: 'generate', total: pending, unit: 'items' });
      const generated = await runner({
        run,
        scheduler,
        model,
        generation: { temperature: options.temperature, maxOutputTokens: options.maxTokens },
        signal: context.io.signal,
        onProgress: done => progress.update(done),
      });
      return { ...generated, runDir };
    },
  );
  warnGenerationFailures(context, result.generationFailures, 'row');
  return result;
}
