import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { type LanguageModelV4, NoSuchModelError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { createSim, type SimProvider, type SimSettings } from '@longform/sim';
import { wrapLanguageModel } from 'ai';
import { InvalidModelSpecError, MissingApiKeyError } from '../errors';
import {
  OPENAI_COMPATIBLE_OPTIONS_KEY,
  openAICompatibleLogprobsExtractor,
  openAICompatibleLogprobsMiddleware,
} from './openai-compatible-logprobs';
import { type ModelProviderName, parseModelSpec } from './parse-model-spec';

export interface ModelCapabilities {
  /** JSON-schema constrained output (`Output.object`). */
  structuredOutput: boolean;
  /** Token logprobs (weighted judges). */
  logprobs: boolean;
  /** Raw continuation of a prompt (`completionModel`), for assistant prefill. */
  prefill: boolean;
}

export interface ResolvedModel {
  /** Canonical spec, e.g. `openai:gpt-4o`; what journals and price tables key on. */
  spec: string;
  provider: ModelProviderName;
  modelId: string;
  /** Chat model; pass it to `generateText`/`streamText`. */
  languageModel: LanguageModelV4;
  /** Raw `/v1/completions` model, when the endpoint has one. */
  completionModel?: LanguageModelV4;
  capabilities: ModelCapabilities;
  /** The server the model talks to (no credentials); `undefined` for the in-process simulator. */
  baseURL?: string;
}

export interface ResolveModelOptions {
  baseURL?: string;
  apiKey?: string;
  env?: Record<string, string | undefined>;
  /** Settings of the in-process simulator (`sim`, `sim:<profile>`). */
  sim?: SimSettings;
  /** A simulator to reuse, so several models share one engine (its faults, capacity and stats). */
  simProvider?: SimProvider;
  /** Custom fetch (proxies, tests). */
  fetch?: FetchFunction;
  headers?: Record<string, string>;
}

const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const REASONING_MODEL = /^(o\d|gpt-5)/;

/**
 * Resolves a model spec (`sim`, `sim:<profile>`, `openai:<id>`, `openai-compatible:<id>` /
 * `compat:<id>`, or a bare id with a base URL) to AI SDK model objects.
 *
 * Keys are read lazily, at the first request, so resolving never fails for want of a key (e.g. in
 * `--dry-run`), and the key never sits in a config object. OpenAI goes through chat completions:
 * longform relies on `stop` and `seed`, which the Responses API ignores, and compatible servers
 * (vLLM, llama.cpp, Ollama, the simulator) only speak chat completions.
 */
export function resolveModel(spec: string, options: ResolveModelOptions = {}): ResolvedModel {
  const env = options.env ?? process.env;
  const configuredBaseURL = options.baseURL ?? env.LONGFORM_BASE_URL ?? env.OPENAI_BASE_URL;
  const baseURL = configuredBaseURL?.trim()
    ? configuredBaseURL.trim().replace(/\/+$/, '')
    : undefined;
  const parsed = parseModelSpec(spec, { hasBaseURL: baseURL !== undefined });

  switch (parsed.provider) {
    case 'sim': {
      const sim = options.simProvider ?? createSim(options.sim);
      try {
        return {
          ...parsed,
          languageModel: sim.chat(parsed.modelId),
          completionModel: sim.completion(parsed.modelId),
          capabilities: { structuredOutput: true, logprobs: true, prefill: true },
        };
      } catch (error) {
        if (NoSuchModelError.isInstance(error)) {
          throw new InvalidModelSpecError({ spec, reason: error.message });
        }
        throw error;
      }
    }

    case 'openai': {
      const apiKey = () => {
        const key = options.apiKey ?? env.OPENAI_API_KEY;
        if (!key) throw new MissingApiKeyError({ variable: 'OPENAI_API_KEY', provider: 'OpenAI' });
        return key;
      };
      const openai = createOpenAI({
        apiKey,
        baseURL: baseURL ?? OPENAI_DEFAULT_BASE_URL,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
      return {
        ...parsed,
        languageModel: openai.chat(parsed.modelId),
        // OpenAI itself serves /v1/completions only for legacy instruct models; a compatible
        // server behind OPENAI_BASE_URL (vLLM, llama.cpp) serves it for every model.
        ...(baseURL ? { completionModel: openai.completion(parsed.modelId) } : {}),
        capabilities: {
          structuredOutput: true,
          // Chat completions returns no logprobs while a reasoning model reasons.
          logprobs: !REASONING_MODEL.test(parsed.modelId),
          prefill: baseURL !== undefined,
        },
        baseURL: redactURL(baseURL ?? OPENAI_DEFAULT_BASE_URL),
      };
    }

    case 'openai-compatible': {
      if (!baseURL) {
        throw new InvalidModelSpecError({
          spec,
          reason: 'an OpenAI-compatible model needs a base URL (--base-url or LONGFORM_BASE_URL)',
        });
      }
      // Local servers usually need no key; only send one when it is configured.
      const hasKey = Boolean(options.apiKey ?? env.LONGFORM_API_KEY ?? env.OPENAI_API_KEY);
      const provider = createOpenAICompatible({
        name: OPENAI_COMPATIBLE_OPTIONS_KEY,
        metadataExtractor: openAICompatibleLogprobsExtractor,
        baseURL,
        ...(hasKey
          ? { apiKey: () => options.apiKey ?? env.LONGFORM_API_KEY ?? env.OPENAI_API_KEY ?? '' }
          : {}),
        includeUsage: true,
        // vLLM, llama.cpp, Ollama and the simulator all accept `json_schema` response formats.
        supportsStructuredOutputs: true,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
      return {
        ...parsed,
        // Logprobs are requested and read as with `@ai-sdk/openai` (see openai-compatible-logprobs.ts),
        // so weighted judges work on vLLM or llama.cpp servers too.
        languageModel: wrapLanguageModel({
          model: provider.chatModel(parsed.modelId),
          middleware: openAICompatibleLogprobsMiddleware,
        }),
        completionModel: provider.completionModel(parsed.modelId),
        capabilities: { structuredOutput: true, logprobs: true, prefill: true },
        baseURL: redactURL(baseURL),
      };
    }
  }
}

/** A URL without user name and password (`http://user:pw@host` → `http://host`). */
export function redactURL(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return url;
  }
}
