import { Command } from 'commander';
import { CliContext } from './cli-context';
import type { CliIo } from './cli-io';
import { registerCommands } from './commands';
import { cliVersion } from './version';

/** Builds the `longform` program. Commands are registered from `commands/index.ts`, one file each. */
export function createProgram(io: CliIo): Command {
  const context = new CliContext(io);
  const program = new Command()
    .name('longform')
    .description('Make any LLM write long, and exactly as long as asked.')
    .version(cliVersion)
    .option(
      '-m, --model <spec>',
      'model: sim, sim:<profile>, openai:<id>, openai-compatible:<id> (env LONGFORM_MODEL)',
    )
    .option(
      '--base-url <url>',
      'OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (env OPENAI_BASE_URL)',
    )
    .option('--json', 'print machine-readable JSON on stdout', false)
    .option('-q, --quiet', 'no progress output', false)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: chunk => io.stdout.write(chunk),
      writeErr: chunk => io.stderr.write(chunk),
    })
    .exitOverride();
  registerCommands(program, context);
  return program;
}
