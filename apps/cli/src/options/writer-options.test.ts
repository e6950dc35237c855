import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addWriterOptions, type WriterOptionSettings, type WriterOptions } from './writer-options';

function parse(argv: string[], settings: WriterOptionSettings): WriterOptions {
  const command = addWriterOptions(new Command('x'), settings)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  command.parse(argv, { from: 'user' });
  return command.opts<WriterOptions>();
}

describe('addWriterOptions', () => {
  const settings: WriterOptionSettings = { modeHelp: 'mode', minAttempts: 1 };

  it('defaults to controlled mode, auto context and 4 attempts', () => {
    expect(parse([], settings)).toEqual({ mode: 'controlled', context: 'auto', maxAttempts: 4 });
  });

  it('reads each option', () => {
    expect(
      parse(['--mode', 'faithful', '--context', 'window', '--max-attempts', '2'], settings),
    ).toEqual({ mode: 'faithful', context: 'window', maxAttempts: 2 });
  });

  it('rejects unknown choices and attempts below the minimum', () => {
    expect(() => parse(['--mode', 'loose'], settings)).toThrow(/Allowed choices/);
    expect(() => parse(['--context', 'none'], settings)).toThrow(/Allowed choices/);
    expect(() => parse(['--max-attempts', '0'], settings)).toThrow(
      /--max-attempts must be a positive integer/,
    );
    expect(parse(['--max-attempts', '0'], { ...settings, minAttempts: 0 }).maxAttempts).toBe(0);
    expect(() => parse(['--max-attempts', '-1'], { ...settings, minAttempts: 0 })).toThrow(
      /--max-attempts must be an integer ≥ 0/,
    );
  });
});
