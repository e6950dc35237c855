import { generateText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { InvalidModelSpecError, MissingApiKeyError } from '../errors';
import { describeModelConfig, formatModelConfig } from './describe-model-config';
import { redactURL, resolveModel } from './resolve-model';

describe('resolveModel', () => {
  it('resolves the simulator and its profiles in process', async () => {
    const model = resolveModel('sim:under', { env: {} });
    expect(model).toMatchObject({ provider: 'sim', modelId: 'sim:under', spec: 'sim:under' });
    expect(model.capabilities).toEqual({ structuredOutput: true, logprobs: true, prefill: true });
    expect(model.completionModel).toBeDefined();
    const result = await generateText({
      model: model.languageModel,
      prompt: 'Write 100 words about rain.',
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('turns an unknown simulator profile into an InvalidModelSpecError', () => {
    expect(() => resolveModel('sim:chatty', { env: {} })).toThrow(InvalidModelSpecError);
  });

  it('resolves openai:<id> to chat completions and reads the key only when calling', async () => {
    const fetch = vi.fn();
    const model = resolveModel('openai:gpt-4o', { env: {}, fetch });
    expect(model.languageModel.provider).toBe('openai.chat');
    expect(model.languageModel.modelId).toBe('gpt-4o');
    expect(model.completionModel).toBeUndefined();
    expect(model.capabilities).toEqual({ structuredOutput: true, logprobs: true, prefill: false });
    const error = await generateText({
      model: model.languageModel,
      prompt: 'x',
      maxRetries: 0,
    }).catch(e => e);
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(fetch).not.toHaveBeenCalled();
    expect(resolveModel('openai:o3', { env: {} }).capabilities.logprobs).toBe(false);
  });

  it('uses a base URL from options, LONGFORM_BASE_URL or OPENAI_BASE_URL, in that order', () => {
    const env = {
      LONGFORM_BASE_URL: 'http://127.0.0.1:9/v1/',
      OPENAI_BASE_URL: 'http://127.0.0.1:8/v1',
    };
    expect(resolveModel('openai:m', { env }).baseURL).toBe('http://127.0.0.1:9/v1');
    expect(
      resolveModel('openai:m', { env: { OPENAI_BASE_URL: 'http://127.0.0.1:8/v1' } }).baseURL,
    ).toBe('http://127.0.0.1:8/v1');
    const model = resolveModel('openai:m', { env, baseURL: 'http://127.0.0.1:7/v1' });
    expect(model.baseURL).toBe('http://127.0.0.1:7/v1');
    expect(model.languageModel.provider).toBe('openai.chat');
    expect(model.completionModel?.provider).toBe('openai.completion');
    expect(model.capabilities.prefill).toBe(true);
  });

  it('resolves openai-compatible:<id>, compat:<id> and bare ids behind a base URL', () => {
    const env = { LONGFORM_BASE_URL: 'http://127.0.0.1:9/v1' };
    for (const spec of ['openai-compatible:llama3.1:8b', 'compat:llama3.1:8b', 'llama3.1:8b']) {
      const model = resolveModel(spec, { env });
      expect(model).toMatchObject({
        provider: 'openai-compatible',
        modelId: 'llama3.1:8b',
        spec: 'openai-compatible:llama3.1:8b',
      });
      expect(model.languageModel.provider).toBe('openai-compatible.chat');
      expect(model.completionModel?.provider).toBe('openai-compatible.completion');
    }
    expect(() => resolveModel('compat:llama3', { env: {} })).toThrow('needs a base URL');
    expect(() => resolveModel('llama3', { env: {} })).toThrow(InvalidModelSpecError);
  });

  it('strips credentials from base URLs it reports', () => {
    expect(redactURL('http://user:secret@127.0.0.1:8000/v1')).toBe('http://127.0.0.1:8000/v1');
    expect(redactURL('http://127.0.0.1:8000/v1')).toBe('http://127.0.0.1:8000/v1');
    const model = resolveModel('compat:m', {
      env: { LONGFORM_BASE_URL: 'http://u:p@127.0.0.1:1/v1' },
    });
    expect(model.baseURL).toBe('http://127.0.0.1:1/v1');
  });
});

describe('describeModelConfig', () => {
  it('says whether keys are set without ever showing them', () => {
    const env = {
      OPENAI_API_KEY: 'sk-very-secret-value',
      LONGFORM_BASE_URL: 'http://user:pw@127.0.0.1:8000/v1',
    };
    const description = describeModelConfig(env);
    expect(description.keys).toEqual({ OPENAI_API_KEY: 'set', LONGFORM_API_KEY: 'not set' });
    expect(description.baseURL).toEqual({
      value: 'http://127.0.0.1:8000/v1',
      source: 'LONGFORM_BASE_URL',
    });
    expect(description.providers.every(provider => provider.ready)).toBe(true);
    expect(description.simModels).toContain('sim:noisy');
    const text = formatModelConfig(description) + JSON.stringify(description);
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain('pw@');
    expect(formatModelConfig(describeModelConfig({}))).toContain('OPENAI_API_KEY: not set');
    expect(describeModelConfig({}).providers.map(provider => provider.ready)).toEqual([
      true,
      false,
      false,
    ]);
  });
});
