import { describe, expect, it } from 'vitest';
import { captureIo } from './capture-io';
import { runCommand } from './run-command';

describe('captureIo', () => {
  it('captures stdout and stderr separately and uses only the given environment', () => {
    const controller = new AbortController();
    const io = captureIo({ cwd: '/tmp/x', env: { A: '1' }, signal: controller.signal });
    io.stdout.write('out 1\n');
    io.stderr.write('err\n');
    io.stdout.write('out 2\n');
    expect(io.out()).toBe('out 1\nout 2\n');
    expect(io.err()).toBe('err\n');
    expect(io).toMatchObject({ cwd: '/tmp/x', env: { A: '1' } });
    controller.abort();
    expect(io.signal.aborted).toBe(true);
  });

  it('defaults to the process cwd, an empty environment and a live signal', () => {
    const io = captureIo();
    expect(io.cwd).toBe(process.cwd());
    expect(io.env).toEqual({});
    expect(io.signal.aborted).toBe(false);
  });
});

describe('runCommand', () => {
  it('runs a registered subcommand with the global options and its context', async () => {
    const io = captureIo();
    await runCommand(
      (parent, context) => {
        parent
          .command('echo')
          .argument('<word>')
          .action((word: string, _options, command) => {
            const globals = context.globals(command);
            context.result(globals, { word }, () => `said ${word}`);
          });
      },
      ['--json', 'eval', 'echo', 'hi'],
      io,
    );
    expect(JSON.parse(io.out())).toEqual({ word: 'hi' });
  });

  it('throws on a commander error instead of exiting', async () => {
    const io = captureIo();
    await expect(
      runCommand(parent => void parent.command('echo').argument('<word>'), ['eval', 'echo'], io),
    ).rejects.toThrow(/missing required argument/);
    expect(io.err()).toMatch(/missing required argument 'word'/);
  });
});
