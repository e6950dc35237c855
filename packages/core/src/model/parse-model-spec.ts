import { InvalidModelSpecError } from '../errors';

export type ModelProviderName = 'sim' | 'openai' | 'openai-compatible';

export interface ParsedModelSpec {
  provider: ModelProviderName;
  /** The id the provider sees: `sim:noisy` for the simulator, `gpt-4o` for OpenAI. */
  modelId: string;
  /** Canonical spec, e.g. `openai:gpt-4o`, `openai-compatible:llama3.1:8b`, `sim:noisy`. */
  spec: string;
}

const PREFIXES: Record<string, ModelProviderName> = {
  openai: 'openai',
  'openai-compatible': 'openai-compatible',
  compat: 'openai-compatible',
};

/**
 * Splits a model spec into provider and id. Only the first `:` separates them, so ids such as
 * Ollama's `llama3.1:8b` survive (`compat:llama3.1:8b`). With a base URL, an id without a known
 * prefix goes to the OpenAI-compatible server as is.
 */
export function parseModelSpec(
  spec: string,
  { hasBaseURL = false }: { hasBaseURL?: boolean } = {},
): ParsedModelSpec {
  const trimmed = spec.trim();
  if (trimmed === '') throw new InvalidModelSpecError({ spec, reason: 'the model is empty' });
  if (trimmed === 'sim' || trimmed.startsWith('sim:') || trimmed.startsWith('sim@')) {
    if (trimmed === 'sim:') {
      throw new InvalidModelSpecError({ spec, reason: 'the simulator profile is empty' });
    }
    return { provider: 'sim', modelId: trimmed, spec: trimmed };
  }
  const colon = trimmed.indexOf(':');
  const provider = colon === -1 ? undefined : PREFIXES[trimmed.slice(0, colon)];
  if (provider) {
    const modelId = trimmed.slice(colon + 1).trim();
    if (modelId === '') {
      throw new InvalidModelSpecError({ spec, reason: 'the model id after the prefix is empty' });
    }
    return { provider, modelId, spec: `${provider}:${modelId}` };
  }
  if (hasBaseURL) {
    return {
      provider: 'openai-compatible',
      modelId: trimmed,
      spec: `openai-compatible:${trimmed}`,
    };
  }
  throw new InvalidModelSpecError({
    spec,
    reason:
      colon === -1
        ? 'a bare model id needs a base URL, or a provider prefix'
        : `unknown provider prefix "${trimmed.slice(0, colon)}"`,
  });
}
