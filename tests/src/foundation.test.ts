import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, runLongform } from './helpers/longform-process';
import { type RunningSimServer, startSimServerProcess } from './helpers/sim-server';

const countEnglishWords = (text: string) => (text.match(/[A-Za-z]+/g) ?? []).length;

describe('longform CLI against the simulator server', () => {
  let server: RunningSimServer;

  beforeAll(async () => {
    server = await startSimServerProcess(['--seed', '7']);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves the OpenAI model list on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    const ids = body.data.map(model => model.id);
    expect(ids).toEqual(expect.arrayContaining(['sim:compliant', 'sim:capped']));
  });

  it('generates through the OpenAI-compatible provider over HTTP with the requested length', async () => {
    const result = await runLongform([
      '--model',
      'openai-compatible:sim:compliant',
      '--base-url',
      server.url,
      'generate',
      'Write a 300-word note about tides.',
    ]);
    expect(result.stderr).toContain('model: openai-compatible:sim:compliant');
    expect(result.code).toBe(0);
    const words = countEnglishWords(result.stdout);
    expect(words).toBeGreaterThanOrEqual(285);
    expect(words).toBeLessThanOrEqual(315);
  });

  it('says loudly when it falls back to the simulator', async () => {
    const result = await runLongform(['generate', 'Write about 50 words on rain.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('SIMULATOR');
  });

  it('never prints API keys', async () => {
    const secret = 'sk-test-this-must-never-be-printed';
    const result = await runLongform(['--json', 'models'], {
      env: isolatedEnv({ OPENAI_API_KEY: secret }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('rejects an unknown model spec with a clear error', async () => {
    const result = await runLongform(['--model', 'nope:thing', 'generate', 'hi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*nope:thing/m);
  });

  it('names the missing API key variable', async () => {
    const result = await runLongform(['--model', 'openai:gpt-4o', 'generate', 'hi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OPENAI_API_KEY');
  });
});
