import { Command } from 'commander';
import { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';

/**
 * Runs one `longform <parent> …` subcommand in-process under a bare program with the global options
 * of `createProgram` (`--model`, `--base-url`, `--json`, `--quiet`), so a command's test does not
 * depend on the others being registered.
 * Commander errors throw (exitOverride) instead of exiting the test process.
 */
export async function runCommand(
  register: (parent: Command, context: CliContext) => void,
  argv: string[],
  io: CliIo,
  parentName = 'eval',
): Promise<void> {
  const program = new Command()
    .option('-m, --model <spec>')
    .option('--base-url <url>')
    .option('--json', '', false)
    .option('-q, --quiet', '', false)
    .exitOverride();
  program.configureOutput({ writeOut: c => io.stdout.write(c), writeErr: c => io.stderr.write(c) });
  register(program.command(parentName), new CliContext(io));
  await program.parseAsync(argv, { from: 'user' });
}
