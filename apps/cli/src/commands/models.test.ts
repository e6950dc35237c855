import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../testing/capture-io';

describe('longform models', () => {
  it('says the simulator is the default when nothing is configured', async () => {
    const io = captureIo();
    expect(await runCli(['models'], io)).toBe(0);
    expect(io.out()).toContain(
      'model: sim (the built-in simulator, because no model is configured',
    );
  });

  it('reports keys as set without printing them', async () => {
    const io = captureIo({
      env: { OPENAI_API_KEY: 'sk-secret-value', LONGFORM_MODEL: 'openai:gpt-4o' },
    });
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
