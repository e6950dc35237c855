import { LongformError } from '@longform/core';
import { CommanderError } from 'commander';
import type { CliIo } from './cli-io';
import { createProgram } from './program';

/**
 * Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process.
 * 0 success, 1 a reported failure (bad input, model error), 2 usage error, 130 interrupted.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or help/version, which exit with 0).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (io.signal.aborted) {
      io.stderr.write(
        'interrupted: progress so far is kept in the run journal; run the same command again to resume\n',
      );
      return 130;
    }
    if (LongformError.isInstance(error)) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`unexpected error: ${message}\n`);
    return 1;
  }
}
