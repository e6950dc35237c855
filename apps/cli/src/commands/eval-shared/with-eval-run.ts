import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { createScheduler, openRun, type Run, type Scheduler } from '@longform/core';
import type { CliContext, GlobalOptions } from '../../cli-context';
import type { ProgressReporter } from '../../progress/progress-reporter';
import type { RunOptions } from './run-options';

export interface EvalRunSettings {
  /** The command as the run manifest records it, e.g. `eval longen`. */
  command: string;
  /** Default run folder name prefix: `.longform/runs/<prefix>-<hash of config>`. */
  prefix: string;
  /** Everything that changes the results; a resumed run must have the same. */
  config: Record<string, unknown>;
  options: RunOptions;
  /** What the journal's entries are, for the "resuming" message; default "steps". */
  stepsNoun?: string;
}

export interface EvalRunScope {
  run: Run;
  runDir: string;
  scheduler: Scheduler;
  progress: ProgressReporter;
}

/**
 * Opens (or resumes) an eval command's run folder, runs `body` with a scheduler and a progress
 * reporter, and records the outcome: `completed`, or `cancelled`/`failed` (then rethrows). The run is
 * closed either way, so its lock never outlives the command.
 */
export async function withEvalRun<T>(
  context: CliContext,
  globals: GlobalOptions,
  { command, prefix, config, options, stepsNoun = 'steps' }: EvalRunSettings,
  body: (scope: EvalRunScope) => Promise<T>,
): Promise<T> {
  const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
  const runDir = options.runDir ?? join('.longform', 'runs', `${prefix}-${hash}`);
  const dir = isAbsolute(runDir) ? runDir : resolve(context.io.cwd, runDir);
  const run = await openRun({
    dir,
    command,
    config,
    resume: options.fresh ? 'force-new' : 'auto',
  });
  if (!globals.quiet) {
    context.info(
      run.resumed
        ? `resuming the run in ${dir} (${run.journal.count} ${stepsNoun} done)`
        : `run folder: ${dir}`,
    );
  }
  const scheduler = createScheduler({
    concurrency: options.concurrency,
    timeoutMs: options.timeout,
    signal: context.io.signal,
  });
  const progress = context.progress(globals);
  try {
    const result = await body({ run, runDir: dir, scheduler, progress });
    progress.finish();
    await run.setStatus('completed');
    return result;
  } catch (error) {
    progress.finish();
    await run
      .setStatus(context.io.signal.aborted ? 'cancelled' : 'failed', { error })
      .catch(() => undefined);
    throw error;
  } finally {
    await run.close();
  }
}
