import { startSimServer } from '@longform/sim';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model';

const judgePrompt = [
  'Which output is better? Answer with the model identifier only.',
  '{',
  '    {',
  '        "model_identifier": "m",',
  '        "output": """A short answer."""',
  '    },',
  '    {',
  '        "model_identifier": "M",',
  '        "output": """A longer and more careful answer with details."""',
  '    }',
  '}',
].join('\n');

type TopLogprobs = Array<{
  token: string;
  logprob: number;
  top_logprobs: Array<{ token: string }>;
}>;

describe('logprobs from an OpenAI-compatible server', () => {
  let sim: Awaited<ReturnType<typeof startSimServer>>;
  beforeAll(async () => {
    sim = await startSimServer({ seed: 3 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('requests top logprobs the @ai-sdk/openai way and returns them in the same place', async () => {
    const model = resolveModel('openai-compatible:sim:compliant', { baseURL: sim.url, env: {} });
    expect(model.capabilities.logprobs).toBe(true);
    const result = await generateText({
      model: model.languageModel,
      prompt: judgePrompt,
      maxOutputTokens: 1,
      providerOptions: { openai: { logprobs: 5 } },
    });
    expect(['m', 'M']).toContain(result.text);
    const logprobs = result.providerMetadata?.openai?.logprobs as TopLogprobs;
    expect(logprobs[0]?.top_logprobs.map(top => top.token).sort()).toEqual(['M', 'm']);
  });

  it('collects them from a stream too', async () => {
    const model = resolveModel('openai-compatible:sim:compliant', { baseURL: sim.url, env: {} });
    const result = streamText({
      model: model.languageModel,
      prompt: judgePrompt,
      providerOptions: { openai: { logprobs: 2 } },
    });
    await result.text;
    const logprobs = (await result.providerMetadata)?.openai?.logprobs as TopLogprobs;
    expect(logprobs.length).toBeGreaterThan(0);
  });

  it('sends no logprob fields unless asked', async () => {
    const model = resolveModel('openai-compatible:sim:compliant', { baseURL: sim.url, env: {} });
    const result = await generateText({ model: model.languageModel, prompt: judgePrompt });
    expect(result.providerMetadata?.openai?.logprobs).toBeUndefined();
  });
});
