import type { MetadataExtractor } from '@ai-sdk/openai-compatible';
import type { JSONValue, LanguageModelV4Middleware } from '@ai-sdk/provider';

/** The provider-options key `@ai-sdk/openai-compatible` spreads into the request body. */
export const OPENAI_COMPATIBLE_OPTIONS_KEY = 'openai-compatible';

type TokenLogprobs = Array<{ token: string; logprob: number; top_logprobs?: JSONValue[] }>;

function logprobsOf(choice: unknown): TokenLogprobs | undefined {
  const content = (choice as { logprobs?: { content?: unknown } } | undefined)?.logprobs?.content;
  return Array.isArray(content) ? (content as TokenLogprobs) : undefined;
}

/**
 * vLLM, llama.cpp and the simulator return OpenAI's `choices[].logprobs.content`, but
 * `@ai-sdk/openai-compatible` drops it. This extractor puts it where `@ai-sdk/openai` does
 * (`providerMetadata.openai.logprobs`), so a weighted judge reads one shape from every provider.
 */
export const openAICompatibleLogprobsExtractor: MetadataExtractor = {
  extractMetadata: async ({ parsedBody }) => {
    const logprobs = logprobsOf((parsedBody as { choices?: unknown[] } | undefined)?.choices?.[0]);
    return logprobs ? { openai: { logprobs: logprobs as JSONValue } } : undefined;
  },
  createStreamExtractor: () => {
    const collected: TokenLogprobs = [];
    return {
      processChunk(parsedChunk) {
        const logprobs = logprobsOf(
          (parsedChunk as { choices?: unknown[] } | undefined)?.choices?.[0],
        );
        if (logprobs) collected.push(...logprobs);
      },
      buildMetadata: () =>
        collected.length > 0 ? { openai: { logprobs: collected as JSONValue } } : undefined,
    };
  },
};

/**
 * Lets callers ask for logprobs the way `@ai-sdk/openai` takes them (`providerOptions.openai.logprobs`:
 * `true` or the number of top alternatives) and translates that into the request fields an
 * OpenAI-compatible server reads (`logprobs`, `top_logprobs`).
 */
export const openAICompatibleLogprobsMiddleware: LanguageModelV4Middleware = {
  specificationVersion: 'v4',
  transformParams: async ({ params }) => {
    const requested = params.providerOptions?.openai?.logprobs;
    if (requested === undefined || requested === false) return params;
    const top = typeof requested === 'number' ? { top_logprobs: requested } : {};
    return {
      ...params,
      providerOptions: {
        ...params.providerOptions,
        [OPENAI_COMPATIBLE_OPTIONS_KEY]: {
          ...params.providerOptions?.[OPENAI_COMPATIBLE_OPTIONS_KEY],
          logprobs: true,
          ...top,
        },
      },
    };
  },
};
