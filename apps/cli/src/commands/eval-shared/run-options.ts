import type { Command } from 'commander';
import { positiveInteger } from '../../options/number-options';

/** The options every eval command that calls a model takes for its run folder and scheduler. */
export interface RunOptions {
  runDir?: string;
  concurrency: number;
  timeout: number;
  fresh: boolean;
}

export interface RunOptionSettings {
  /** Help for `--run-dir`, naming what the folder holds and its default. */
  runDirHelp: string;
  /** Help for `--concurrency`; default "parallel model calls". */
  concurrencyHelp?: string;
  /** Default per-call timeout in ms (the commands' calls differ a lot in length). */
  timeoutMs: number;
}

/** Adds `--run-dir`, `--concurrency`, `--timeout` and `--fresh` (see `RunOptions`). */
export function addRunOptions<COMMAND extends Command>(
  command: COMMAND,
  { runDirHelp, concurrencyHelp = 'parallel model calls', timeoutMs }: RunOptionSettings,
): COMMAND {
  command
    .option('--run-dir <dir>', runDirHelp)
    .option('--concurrency <n>', concurrencyHelp, positiveInteger('--concurrency'), 4)
    .option('--timeout <ms>', 'per-call timeout in ms', positiveInteger('--timeout'), timeoutMs)
    .option('--fresh', 'start the run over instead of resuming it', false);
  return command;
}
