import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addRunOptions } from './run-options';

function parse(argv: string[], timeoutMs = 60_000) {
  const command = addRunOptions(
    new Command('x').exitOverride().configureOutput({ writeErr: () => {} }),
    {
      runDirHelp: 'run folder',
      timeoutMs,
    },
  );
  command.parse(argv, { from: 'user' });
  return { options: command.opts(), command };
}

describe('addRunOptions', () => {
  it('defaults: no run dir, 4 calls in parallel, the given timeout, resume', () => {
    expect(parse([], 120_000).options).toEqual({ concurrency: 4, timeout: 120_000, fresh: false });
  });

  it('reads every option', () => {
    expect(
      parse(['--run-dir', 'r', '--concurrency', '2', '--timeout', '5', '--fresh']).options,
    ).toEqual({ runDir: 'r', concurrency: 2, timeout: 5, fresh: true });
  });

  it('rejects a bad number naming the option', () => {
    expect(() => parse(['--concurrency', '0'])).toThrow(/--concurrency must be a positive integer/);
    expect(() => parse(['--timeout', 'soon'])).toThrow(/--timeout must be a positive integer/);
  });

  it('uses the given help texts', () => {
    const command = addRunOptions(new Command('x'), {
      runDirHelp: 'where the journal goes',
      concurrencyHelp: 'parallel judge calls',
      timeoutMs: 1,
    });
    const help = command.helpInformation();
    expect(help).toContain('where the journal goes');
    expect(help).toContain('parallel judge calls');
  });
});
