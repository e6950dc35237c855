import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerDatasetAgentWriteCommand } from './dataset-agentwrite';
import { registerEvalJudgeCommand } from './eval-judge';
import { registerEvalLcCommand } from './eval-lc';
import { registerEvalLongBenchWriteCommand } from './eval-longbench-write';
import { registerEvalLonGenCommand } from './eval-longen';
import { registerEvalTlgCommand } from './eval-tlg';
import { registerGenerateCommand } from './generate';
import { registerModelsCommand } from './models';
import { registerPlanCommand } from './plan';
import { registerSimCommand } from './sim';
import { registerWriteCommand } from './write';

/**
 * The one place commands are wired in. Each command lives in its own file and exports
 * `registerXCommand(parent, context)`; `eval …` and `dataset …` subcommands receive their group.
 */
export function registerCommands(program: Command, context: CliContext): void {
  registerModelsCommand(program, context);
  registerGenerateCommand(program, context);
  registerSimCommand(program, context);
  registerPlanCommand(program, context);
  registerWriteCommand(program, context);

  const evalGroup = program
    .command('eval')
    .description('score outputs: LC win rate, pairwise judging, LongBench-Write, LonGen, TLG');
  registerEvalLcCommand(evalGroup, context);
  registerEvalJudgeCommand(evalGroup, context);
  registerEvalLongBenchWriteCommand(evalGroup, context);
  registerEvalLonGenCommand(evalGroup, context);
  registerEvalTlgCommand(evalGroup, context);

  const datasetGroup = program.command('dataset').description('build long-output SFT datasets');
  registerDatasetAgentWriteCommand(datasetGroup, context);
}
