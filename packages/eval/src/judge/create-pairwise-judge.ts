import {
  estimateCost,
  generateStep,
  InvalidInputError,
  type ResolvedModel,
  type Run,
  type Scheduler,
} from '@longform/core';
import { z } from 'zod';
import type { AlpacaAnnotation } from './alpaca-annotation';
import { extractTopLogprobs } from './extract-top-logprobs';
import { JudgeParseError } from './judge-parse-error';
import {
  PAIRWISE_JUDGE_PROMPT_VERSION,
  PAIRWISE_JUDGE_SYSTEM,
  pairwiseJudgeTemplate,
} from './pairwise-judge-prompt';
import { pairwisePreference, type TopLogprob } from './pairwise-preference';
import { isSwapped } from './position-swap';

export const pairwiseJudgeOptionsSchema = z.object({
  /** Written to every annotation's `annotator` field. */
  annotator: z.string().min(1).default('longform_pairwise_gpt4_turbo_clf'),
  /** Seeds the per-instruction position randomisation. */
  seed: z.number().int().default(0),
  /** Only the discrete answer depends on it; logprobs are read before sampling. */
  temperature: z.number().min(0).default(0),
  /** AlpacaEval's weighted annotator asks for 1 token: the answer is one identifier, `m` or `M`. */
  maxOutputTokens: z.number().int().positive().default(1),
  /** Top alternatives requested when the model supports logprobs (AlpacaEval uses 5). */
  topLogprobs: z.number().int().min(1).max(20).default(5),
  /** `auto`: request logprobs when the resolved model says it supports them. */
  logprobs: z.enum(['auto', 'on', 'off']).default('auto'),
});

export type PairwiseJudgeOptions = z.input<typeof pairwiseJudgeOptionsSchema>;

export type PairwiseJudgeInput = {
  instruction: string;
  /** The baseline's output. */
  output_1: string;
  generator_1: string;
  /** The evaluated model's output. */
  output_2: string;
  generator_2: string;
  dataset?: string;
};

export type PairwiseJudgeSummary = {
  n: number;
  /** Judged with top logprobs (the weighted rule). */
  logprobs: number;
  /** Judged from the answer text alone. */
  discrete: number;
  /** Identical outputs: 1.5 without a judge call. */
  identical: number;
  /** No preference (unparseable answer or a failed call); counted, never dropped. */
  failed: number;
  /** Judgements taken from the run journal instead of a new call. */
  fromJournal: number;
};

export interface PairwiseJudge {
  readonly annotator: string;
  readonly promptVersion: string;
  /** Judges one pair. A failed call or an unparseable answer gives `preference: null` with `error`. */
  annotate(
    input: PairwiseJudgeInput,
    options?: { signal?: AbortSignal },
  ): Promise<AlpacaAnnotation>;
  /** Judges all pairs through the scheduler; annotations come back in input order. */
  annotateAll(
    inputs: readonly PairwiseJudgeInput[],
    options?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): Promise<{ annotations: AlpacaAnnotation[]; summary: PairwiseJudgeSummary }>;
}

const STAGE = 'pairwise-judge';

/**
 * An AlpacaEval-style pairwise judge on any AI SDK model. Each instruction's two outputs are shown
 * as `m`/`M` in a seeded random order that is undone afterwards (`3 − x`); the preference comes from
 * top logprobs when the provider returns them, else from the discrete answer. Judge calls go through
 * the scheduler and are journaled in `run`, so an interrupted run resumes without paying twice.
 */
export function createPairwiseJudge({
  model,
  scheduler,
  run,
  ...rest
}: PairwiseJudgeOptions & {
  model: ResolvedModel;
  scheduler: Scheduler;
  run: Pick<Run, 'journal'>;
}): PairwiseJudge {
  const parsed = pairwiseJudgeOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({ message: issue.message, field: issue.path.join('.') });
  }
  const options = parsed.data;
  const template = pairwiseJudgeTemplate;
  const useLogprobs =
    options.logprobs === 'on' || (options.logprobs === 'auto' && model.capabilities.logprobs);
  // Both keys: the OpenAI provider reads `openai`, the simulator reads either.
  const providerOptions = useLogprobs
    ? { openai: { logprobs: options.topLogprobs }, sim: { logprobs: options.topLogprobs } }
    : undefined;

  const call = async (
    prompt: string,
    signal: AbortSignal | undefined,
  ): Promise<{
    text: string;
    topLogprobs?: TopLogprob[];
    fromJournal: boolean;
    durationMs?: number;
    cost?: number;
  }> => {
    // No `step`: it is part of generateStep's key, and a judgement depends on the pair alone, so
    // a rerun over reordered or more inputs (another model added) still finds it in the journal.
    const result = await generateStep({
      run,
      scheduler,
      model,
      stage: STAGE,
      instructions: PAIRWISE_JUDGE_SYSTEM,
      prompt,
      params: { temperature: options.temperature, maxOutputTokens: options.maxOutputTokens },
      keyParts: { template: template.hash },
      ...(providerOptions ? { providerOptions } : {}),
      ...(signal ? { signal } : {}),
    });
    const topLogprobs = extractTopLogprobs(result.providerMetadata);
    const cost = estimateCost(model.modelId, result.usage);
    // A journaled step keeps the original call's duration and usage, so a resumed run writes
    // identical annotations, timing and price included.
    return {
      text: result.text,
      ...(topLogprobs ? { topLogprobs } : {}),
      fromJournal: result.fromJournal,
      ...(result.durationMs !== undefined ? { durationMs: result.durationMs } : {}),
      ...(cost !== undefined ? { cost } : {}),
    };
  };

  const annotateOne = async (
    input: PairwiseJudgeInput,
    signal: AbortSignal | undefined,
  ): Promise<{ annotation: AlpacaAnnotation; fromJournal: boolean; callError?: unknown }> => {
    const base = {
      instruction: input.instruction,
      output_1: input.output_1,
      generator_1: input.generator_1,
      output_2: input.output_2,
      generator_2: input.generator_2,
      ...(input.dataset !== undefined ? { dataset: input.dataset } : {}),
      annotator: options.annotator,
    };
    if (input.output_1 === input.output_2) {
      return {
        annotation: {
          ...base,
          preference: 1.5,
          raw_completion: null,
          preference_source: 'identical',
        },
        fromJournal: false,
      };
    }
    const swapped = isSwapped(options.seed, input.instruction);
    const prompt = template.render({
      instruction: input.instruction,
      first: swapped ? input.output_2 : input.output_1,
      second: swapped ? input.output_1 : input.output_2,
    });
    let completion: Awaited<ReturnType<typeof call>>;
    try {
      completion = await call(prompt, signal);
    } catch (error) {
      if (signal?.aborted || (error as Error)?.name === 'AbortError') throw error;
      return {
        annotation: {
          ...base,
          preference: null,
          raw_completion: null,
          is_swapped: swapped,
          preference_source: 'failed',
          error: `judge call failed: ${(error as Error)?.message ?? String(error)}`,
        },
        fromJournal: false,
        callError: error,
      };
    }
    const timing = {
      ...(completion.durationMs !== undefined
        ? { time_per_example: completion.durationMs / 1000 }
        : {}),
      ...(completion.cost !== undefined ? { price_per_example: completion.cost } : {}),
    };
    try {
      const { preference, source } = pairwisePreference(completion, { swapped });
      return {
        annotation: {
          ...base,
          preference,
          raw_completion: completion.text,
          ...timing,
          is_swapped: swapped,
          preference_source: source,
        },
        fromJournal: completion.fromJournal,
      };
    } catch (error) {
      if (!JudgeParseError.isInstance(error)) throw error;
      return {
        annotation: {
          ...base,
          preference: null,
          raw_completion: completion.text,
          ...timing,
          is_swapped: swapped,
          preference_source: 'failed',
          error: error.message,
        },
        fromJournal: completion.fromJournal,
      };
    }
  };

  return {
    annotator: options.annotator,
    promptVersion: PAIRWISE_JUDGE_PROMPT_VERSION,
    async annotate(input, { signal } = {}) {
      return (await annotateOne(input, signal)).annotation;
    },
    async annotateAll(inputs, { signal, onProgress } = {}) {
      let done = 0;
      const results = await Promise.all(
        inputs.map(async input => {
          const result = await annotateOne(input, signal);
          onProgress?.(++done, inputs.length);
          return result;
        }),
      );
      const summary: PairwiseJudgeSummary = {
        n: inputs.length,
        logprobs: 0,
        discrete: 0,
        identical: 0,
        failed: 0,
        fromJournal: 0,
      };
      for (const { annotation, fromJournal } of results) {
        const source = annotation.preference_source ?? 'failed';
        summary[source]++;
        if (fromJournal) summary.fromJournal++;
      }
      // Every call failing means a configuration problem (key, URL, model id), not flaky items.
      const callErrors = results.filter(r => r.callError !== undefined);
      if (
        callErrors.length > 0 &&
        callErrors.length ===
          results.filter(r => r.annotation.preference_source !== 'identical').length
      ) {
        throw callErrors[0]!.callError;
      }
      return { annotations: results.map(r => r.annotation), summary };
    },
  };
}
