import { isAbsolute, resolve } from 'node:path';
import {
  createAgentWriter,
  createModelStepRunner,
  extractTargetLength,
  formatPlanFile,
  writePlanFile,
} from '@longform/agentwrite';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { positiveInteger } from '../options/number-options';

export interface PlanOptions {
  words?: number;
  out?: string;
  mode: 'controlled' | 'faithful';
  minSection: number;
  maxSection: number;
}

/**
 * `longform plan`: ask the model for a section plan and write it as an editable file, to review or
 * change before `longform write --plan FILE`.
 */
export function registerPlanCommand(program: Command, context: CliContext): void {
  program
    .command('plan')
    .description(
      'plan a long document: sections with a main point and a word target each (edit it, then `write --plan`)',
    )
    .argument('<instruction>', 'the writing instruction')
    .option(
      '-w, --words <n>',
      'target length; default: read from the instruction',
      positiveInteger('--words'),
    )
    .option(
      '-o, --out <file>',
      'write the plan here (.md or .json); default: print Markdown to stdout',
    )
    .addOption(
      new Option('--mode <mode>', 'controlled or faithful')
        .choices(['controlled', 'faithful'])
        .default('controlled'),
    )
    .option('--min-section <n>', 'smallest section target', positiveInteger('--min-section'), 200)
    .option('--max-section <n>', 'largest section target', positiveInteger('--max-section'), 1000)
    .action(async (instruction: string, options: PlanOptions, command: Command) => {
      const globals = context.globals(command);
      const targetWords = options.words ?? extractTargetLength(instruction).words;
      const { model } = await context.resolveModel(globals);
      const writer = createAgentWriter({
        runner: createModelStepRunner(model.languageModel),
        supportsStructuredOutput: model.capabilities.structuredOutput,
        mode: options.mode,
        sectionBounds: { min: options.minSection, max: options.maxSection },
      });
      const result = await writer.plan({
        instruction,
        targetWords,
        abortSignal: context.io.signal,
      });
      for (const adjustment of result.adjustments) context.info(`plan adjusted: ${adjustment}`);
      if (result.ignoredLines.length > 0 && !globals.quiet) {
        context.info(
          `ignored ${result.ignoredLines.length} non-plan line(s) in the model's answer`,
        );
      }
      if (options.out) {
        const path = isAbsolute(options.out) ? options.out : resolve(context.io.cwd, options.out);
        await writePlanFile(path, result.plan);
        context.result(
          globals,
          { ...result.plan, file: path, adjustments: result.adjustments },
          () =>
            `wrote ${path}: ${result.plan.sections.length} sections, ${result.plan.targetWords} ${result.plan.unit}`,
        );
      } else {
        context.result(globals, { ...result.plan, adjustments: result.adjustments }, () =>
          formatPlanFile(result.plan, 'markdown'),
        );
      }
    });
}
