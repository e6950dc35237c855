import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';

function captureIo(
  env: Record<string, string> = {},
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env,
    cwd: process.cwd(),
    signal: new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}

describe('longform models', () => {
  it('says the simulator is the default when nothing is configured', async () => {
    const io = captureIo();
    expect(await runCli(['models'], io)).toBe(0);
    expect(io.out()).toContain(
      'model: sim (the built-in simulator, because no model is configured',
    );
  });

  it('reports keys as set without printing them', async () => {
    const io = captureIo({ OPENAI_API_KEY: 'sk-secret-value', LONGFORM_MODEL: 'openai:gpt-4o' });
    expect(await runCli(['--json', 'models'], io)).toBe(0);
    const data = JSON.parse(io.out());
    expect(data.model).toBe('openai:gpt-4o');
    expect(data.origin).toBe('env');
    expect(data.keys.OPENAI_API_KEY).toBe('set');
    expect(io.out() + io.err()).not.toContain('sk-secret-value');
  });

  it('exits 2 on an unknown command', async () => {
    const io = captureIo();
    expect(await runCli(['nonsense'], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'nonsense'");
  });
});
