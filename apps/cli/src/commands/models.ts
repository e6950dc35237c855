import { describeModelConfig, formatModelConfig } from '@longform/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';

export function registerModelsCommand(program: Command, context: CliContext): void {
  program
    .command('models')
    .description(
      'show which model longform would use and how providers are configured (keys are never printed)',
    )
    .action(async (_options: unknown, command: Command) => {
      const globals = context.globals(command);
      const choice = context.chooseModel(globals);
      const config = describeModelConfig(context.io.env);
      const data = { model: choice.spec, origin: choice.origin, ...config };
      context.result(globals, data, () => {
        const origin =
          choice.origin === 'default-simulator'
            ? 'the built-in simulator, because no model is configured (--model or LONGFORM_MODEL)'
            : choice.origin === 'flag'
              ? 'from --model'
              : 'from LONGFORM_MODEL';
        return [`model: ${choice.spec} (${origin})`, formatModelConfig(config)].join('\n');
      });
    });
}
