import { describe, expect, it } from 'vitest';
import { InvalidModelSpecError } from '../errors';
import { parseModelSpec } from './parse-model-spec';

describe('parseModelSpec', () => {
  it.each([
    ['sim', {}, { provider: 'sim', modelId: 'sim', spec: 'sim' }],
    ['sim:noisy', {}, { provider: 'sim', modelId: 'sim:noisy', spec: 'sim:noisy' }],
    [
      'sim:capped@q=0.8',
      {},
      { provider: 'sim', modelId: 'sim:capped@q=0.8', spec: 'sim:capped@q=0.8' },
    ],
    ['openai:gpt-4o', {}, { provider: 'openai', modelId: 'gpt-4o', spec: 'openai:gpt-4o' }],
    [
      ' openai:gpt-4.1-mini ',
      {},
      { provider: 'openai', modelId: 'gpt-4.1-mini', spec: 'openai:gpt-4.1-mini' },
    ],
    [
      'openai-compatible:Qwen/Qwen2.5-7B',
      {},
      {
        provider: 'openai-compatible',
        modelId: 'Qwen/Qwen2.5-7B',
        spec: 'openai-compatible:Qwen/Qwen2.5-7B',
      },
    ],
    [
      'compat:llama3.1:8b',
      {},
      {
        provider: 'openai-compatible',
        modelId: 'llama3.1:8b',
        spec: 'openai-compatible:llama3.1:8b',
      },
    ],
    [
      'llama3.1:8b',
      { hasBaseURL: true },
      {
        provider: 'openai-compatible',
        modelId: 'llama3.1:8b',
        spec: 'openai-compatible:llama3.1:8b',
      },
    ],
    [
      'my-model',
      { hasBaseURL: true },
      { provider: 'openai-compatible', modelId: 'my-model', spec: 'openai-compatible:my-model' },
    ],
  ])('%s', (spec, options, expected) => {
    expect(parseModelSpec(spec, options)).toEqual(expected);
  });

  it.each([
    ['', 'the model is empty'],
    ['   ', 'the model is empty'],
    ['openai:', 'the model id after the prefix is empty'],
    ['sim:', 'the simulator profile is empty'],
    ['gpt-4o', 'a bare model id needs a base URL, or a provider prefix'],
    ['anthropic:claude', 'unknown provider prefix "anthropic"'],
  ])('rejects %j, listing the accepted forms', (spec, reason) => {
    const error = (() => {
      try {
        parseModelSpec(spec);
      } catch (e) {
        return e;
      }
    })() as InvalidModelSpecError;
    expect(InvalidModelSpecError.isInstance(error)).toBe(true);
    expect(error.reason).toBe(reason);
    expect(error.message).toContain('openai:<model-id>');
    expect(error.message).toContain('compat:<model-id>');
    expect(error.message).toContain('sim:<profile>');
  });
});
