import { type Command, Option } from 'commander';
import { nonNegativeInteger, positiveInteger } from './number-options';

/** The AgentWrite writer options of the commands that write documents (see `addWriterOptions`). */
export interface WriterOptions {
  mode: 'controlled' | 'faithful';
  context: 'auto' | 'full' | 'window';
  maxAttempts: number;
}

export interface WriterOptionSettings {
  /** Help for `--mode`. */
  modeHelp: string;
  /**
   * Fewest length-control rounds `--max-attempts` accepts: a dataset build may turn length control
   * off (0) and let its length filter decide, a single document always gets at least one round.
   */
  minAttempts: 0 | 1;
}

/** Adds `--mode`, `--context` and `--max-attempts` (see `WriterOptions`), defaults as AgentWrite's. */
export function addWriterOptions<COMMAND extends Command>(
  command: COMMAND,
  { modeHelp, minAttempts }: WriterOptionSettings,
): COMMAND {
  const attempts =
    minAttempts === 0 ? nonNegativeInteger('--max-attempts') : positiveInteger('--max-attempts');
  command
    .addOption(
      new Option('--mode <mode>', modeHelp)
        .choices(['controlled', 'faithful'])
        .default('controlled'),
    )
    .addOption(
      new Option('--context <policy>', 'what earlier text each section sees')
        .choices(['auto', 'full', 'window'])
        .default('auto'),
    )
    .option('--max-attempts <n>', 'length-control rounds per section', attempts, 4);
  return command;
}
