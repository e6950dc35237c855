import { type LanguageModelV4, NoSuchModelError, type ProviderV4 } from '@ai-sdk/provider';
import { SimUnknownModelError } from './errors';
import { SimEngine, type SimStats } from './sim-engine';
import { SimLanguageModel } from './sim-language-model';
import type { ResolvedSimSettings, SimProfile, SimSettings } from './sim-settings';

/** `sim`, `sim:<profile>`, optionally suffixed `@q=<0..1>` (hidden quality of what it writes). */
export type SimModelId = 'sim' | `sim:${SimProfile}` | (string & {});

export type SimProvider = ProviderV4 & {
  /** Chat model (same as `chat`). */
  (modelId?: SimModelId): LanguageModelV4;
  /** Chat model: length profiles, plans, JSON schemas, judges. */
  chat(modelId?: SimModelId): LanguageModelV4;
  /** Raw continuation of a prompt string, for assistant prefill (Ruler MLT, Self-Lengthen). */
  completion(modelId?: SimModelId): LanguageModelV4;
  languageModel(modelId?: SimModelId): LanguageModelV4;
  /** Counters shared by every model of this provider. */
  stats(): SimStats;
  readonly settings: ResolvedSimSettings;
};

/**
 * The simulator as an AI SDK provider. All models of one provider share one engine: one request
 * counter (fault draws), one capacity queue and one set of statistics.
 */
export function createSim(settings: SimSettings = {}): SimProvider {
  const engine = new SimEngine(settings);
  const model = (modelId: string, endpoint: 'chat' | 'completion') => {
    try {
      return new SimLanguageModel(modelId, { engine, endpoint });
    } catch (error) {
      if (SimUnknownModelError.isInstance(error)) {
        throw new NoSuchModelError({ modelId, modelType: 'languageModel', message: error.message });
      }
      throw error;
    }
  };
  const chat = (modelId: SimModelId = 'sim') => model(modelId, 'chat');
  const completion = (modelId: SimModelId = 'sim') => model(modelId, 'completion');
  const provider = ((modelId?: SimModelId) => chat(modelId)) as unknown as SimProvider;
  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    chat,
    completion,
    languageModel: chat,
    embeddingModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: 'embeddingModel' });
    },
    imageModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: 'imageModel' });
    },
    stats: () => engine.stats(),
  });
  Object.defineProperty(provider, 'settings', { value: engine.settings, enumerable: true });
  return provider;
}

/** A default simulator (seed 0, compliant profile, no latency, no faults). */
export const sim: SimProvider = createSim();
