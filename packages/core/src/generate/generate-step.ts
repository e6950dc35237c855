import {
  type FinishReason,
  generateText,
  type LanguageModelUsage,
  type ModelMessage,
  Output,
  streamText,
  wrapLanguageModel,
} from 'ai';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import type { Journal } from '../journal/journal';
import type { JournalEntry } from '../journal/journal-entry';
import type { Run } from '../journal/open-run';
import { parseWithSchema } from '../journal/read-json-lines';
import { stepKey } from '../journal/step-key';
import type { ResolvedModel } from '../model/resolve-model';
import type { Scheduler } from '../scheduler/create-scheduler';
import { type TokenUsage, toTokenUsage } from '../usage/token-usage';
import { observeRateLimits } from './observe-rate-limits';

/** Decoding parameters; all of them are part of the step key. */
export const generateStepParamsSchema = z.object({
  temperature: z.number().min(0).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  topP: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
});

export type GenerateStepParams = z.infer<typeof generateStepParamsSchema>;

export interface GenerateStepOptions<OBJECT = unknown> {
  run: Pick<Run, 'journal'>;
  scheduler: Scheduler;
  model: ResolvedModel;
  stage: string;
  step?: string | number;
  /** A rendered prompt, or `messages` (exactly one of the two). */
  prompt?: string;
  messages?: ModelMessage[];
  instructions?: string;
  params?: GenerateStepParams;
  /** Attempt index: a retry of a step whose result was rejected (too short, bad plan) needs a new key. */
  attempt?: number;
  /** Structured output (`Output.object`); the result then has `object`. */
  output?: z.ZodType<OBJECT>;
  /**
   * Streamed text as it arrives (text generation only; not called for journaled steps). Without it
   * the call is not streamed: streaming costs CPU per chunk that nobody would read.
   */
  onTextDelta?: (delta: string) => void;
  /** More inputs that determine the result (template id and version, source item id...). */
  keyParts?: Record<string, unknown>;
  /** Provider options (e.g. `{ openai: { logprobs: true } }`); part of the key. */
  providerOptions?: Record<string, Record<string, unknown>>;
  signal?: AbortSignal;
}

export interface GenerateStepResult<OBJECT = unknown> {
  text: string;
  object?: OBJECT;
  usage: TokenUsage;
  finishReason: FinishReason;
  /** Provider-specific output, e.g. `{ openai: { logprobs } }` for judges; journaled with the step. */
  providerMetadata?: Record<string, Record<string, unknown>>;
  /** Whether the result came from the journal (no model call was made). */
  fromJournal: boolean;
  key: string;
  durationMs?: number;
}

const finishReasons = [
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'interrupted',
  'other',
] as const satisfies readonly FinishReason[];

/** What a generation step stores as its journal entry's `data`. */
export const generateStepDataSchema = z.object({
  text: z.string(),
  object: z.unknown().optional(),
  finishReason: z.enum(finishReasons),
  providerMetadata: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

const KEY_VERSION = 1;
// Without a max, a step's output is unknown until it ends; the TPM budget is corrected afterwards.
const DEFAULT_OUTPUT_ESTIMATE = 1024;
const CHARS_PER_TOKEN = 4;

const inFlight = new WeakMap<Journal, Map<string, Promise<GenerateStepResult<unknown>>>>();

/** The step key `generateStep` uses, for callers that need to look a step up themselves. */
export function generateStepKey(
  options: Pick<
    GenerateStepOptions,
    | 'model'
    | 'stage'
    | 'step'
    | 'prompt'
    | 'messages'
    | 'instructions'
    | 'params'
    | 'attempt'
    | 'output'
    | 'keyParts'
    | 'providerOptions'
  >,
): string {
  // The base URL and keys are left out on purpose: the same model behind another port (the
  // simulator restarted) gives the same result.
  return stepKey({
    v: KEY_VERSION,
    stage: options.stage,
    step: options.step,
    model: options.model.spec,
    prompt: options.prompt,
    messages: options.messages,
    instructions: options.instructions,
    params: options.params ?? {},
    attempt: options.attempt ?? 0,
    output: options.output ? z.toJSONSchema(options.output) : undefined,
    keyParts: options.keyParts,
    providerOptions: options.providerOptions,
  });
}

/**
 * One journaled, scheduled model call. Returns the journaled result when the step key is already
 * in the run's journal (the model is not called); otherwise runs it through the scheduler
 * (`streamText` when `onTextDelta` is given, else `generateText`, with `Output.object` when
 * `output` is given), appends the
 * result with its usage, and returns it. Identical concurrent steps share one call. Failed calls
 * are not journaled, so a resumed run retries them.
 */
export async function generateStep<OBJECT = unknown>(
  options: GenerateStepOptions<OBJECT>,
): Promise<GenerateStepResult<OBJECT>> {
  if ((options.prompt === undefined) === (options.messages === undefined)) {
    throw new InvalidInputError({
      message: 'give exactly one of prompt and messages',
      field: 'prompt',
    });
  }
  const params = parseWithSchema(generateStepParamsSchema, options.params ?? {});
  const attempt = options.attempt ?? 0;
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new InvalidInputError({ message: 'must be an integer >= 0', field: 'attempt' });
  }
  const key = generateStepKey({ ...options, params, attempt });
  const { journal } = options.run;

  if (journal.has(key)) {
    const entry = await journal.get(key);
    if (entry) return fromEntry(entry, key, journal.file, options.output);
  }

  let pending = inFlight.get(journal);
  if (!pending) {
    pending = new Map();
    inFlight.set(journal, pending);
  }
  const shared = pending.get(key);
  if (shared) return (await shared) as GenerateStepResult<OBJECT>;

  const call = callModel(options, params, key);
  pending.set(key, call as Promise<GenerateStepResult<unknown>>);
  try {
    return await call;
  } finally {
    pending.delete(key);
  }
}

async function callModel<OBJECT>(
  options: GenerateStepOptions<OBJECT>,
  params: GenerateStepParams,
  key: string,
): Promise<GenerateStepResult<OBJECT>> {
  const { scheduler, model, output, onTextDelta } = options;
  const promptChars =
    (options.instructions?.length ?? 0) +
    (options.prompt?.length ?? JSON.stringify(options.messages ?? []).length);
  const estimatedTokens =
    Math.ceil(promptChars / CHARS_PER_TOKEN) + (params.maxOutputTokens ?? DEFAULT_OUTPUT_ESTIMATE);

  const started = performance.now();
  const generated = await scheduler.schedule(
    async context => {
      const common = {
        model: wrapLanguageModel({
          model: model.languageModel,
          middleware: observeRateLimits(context.reportRateLimited),
        }),
        ...scheduler.callSettings({ signal: context.signal }),
        ...(options.instructions !== undefined ? { instructions: options.instructions } : {}),
        ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
        ...(params.maxOutputTokens !== undefined
          ? { maxOutputTokens: params.maxOutputTokens }
          : {}),
        ...(params.topP !== undefined ? { topP: params.topP } : {}),
        ...(params.seed !== undefined ? { seed: params.seed } : {}),
        ...(params.stop !== undefined ? { stopSequences: params.stop } : {}),
        ...(options.providerOptions
          ? { providerOptions: options.providerOptions as Record<string, never> }
          : {}),
      };
      const prompt =
        options.messages !== undefined
          ? { messages: options.messages }
          : { prompt: options.prompt as string };

      let result: {
        text: string;
        object?: OBJECT;
        usage: LanguageModelUsage;
        finishReason: FinishReason;
        providerMetadata?: Record<string, Record<string, unknown>>;
      };
      if (output || !onTextDelta) {
        const response = await generateText({
          ...common,
          ...prompt,
          ...(output ? { output: Output.object({ schema: output }) } : {}),
        });
        result = {
          text: response.text,
          ...(output ? { object: response.output as OBJECT } : {}),
          usage: response.usage,
          finishReason: response.finishReason,
          ...(response.providerMetadata
            ? {
                providerMetadata: response.providerMetadata as Record<
                  string,
                  Record<string, unknown>
                >,
              }
            : {}),
        };
      } else {
        let failure: { error: unknown } | undefined;
        const response = streamText({
          ...common,
          ...prompt,
          // Keep the provider's error: without this the SDK logs it and `text` rejects with a
          // generic NoOutputGeneratedError.
          onError: ({ error }) => {
            failure ??= { error };
          },
        });
        for await (const part of response.stream) {
          if (part.type === 'text-delta') onTextDelta?.(part.text);
          else if (part.type === 'error') failure ??= { error: part.error };
          else if (part.type === 'abort') failure ??= { error: context.signal.reason ?? part };
        }
        if (failure) throw failure.error;
        const providerMetadata = await response.providerMetadata;
        result = {
          text: await response.text,
          usage: await response.usage,
          finishReason: await response.finishReason,
          ...(providerMetadata
            ? { providerMetadata: providerMetadata as Record<string, Record<string, unknown>> }
            : {}),
        };
      }
      context.reportUsage({
        ...(result.usage.inputTokens != null ? { inputTokens: result.usage.inputTokens } : {}),
        ...(result.usage.outputTokens != null ? { outputTokens: result.usage.outputTokens } : {}),
      });
      return result;
    },
    { estimatedTokens, ...(options.signal ? { signal: options.signal } : {}) },
  );
  const durationMs = Math.round(performance.now() - started);

  const usage = toTokenUsage(generated.usage);
  await options.run.journal.append({
    key,
    stage: options.stage,
    ...(options.step !== undefined ? { step: options.step } : {}),
    data: {
      text: generated.text,
      ...(generated.object !== undefined ? { object: generated.object } : {}),
      finishReason: generated.finishReason,
      ...(generated.providerMetadata ? { providerMetadata: generated.providerMetadata } : {}),
    },
    usage,
    model: model.spec,
    durationMs,
  });
  return {
    text: generated.text,
    ...(generated.object !== undefined ? { object: generated.object } : {}),
    usage,
    finishReason: generated.finishReason,
    ...(generated.providerMetadata ? { providerMetadata: generated.providerMetadata } : {}),
    fromJournal: false,
    key,
    durationMs,
  };
}

function fromEntry<OBJECT>(
  entry: JournalEntry,
  key: string,
  file: string,
  output: z.ZodType<OBJECT> | undefined,
): GenerateStepResult<OBJECT> {
  const data = parseWithSchema(generateStepDataSchema, entry.data, file);
  const object =
    output && data.object !== undefined ? parseWithSchema(output, data.object, file) : undefined;
  return {
    text: data.text,
    ...(object !== undefined ? { object } : {}),
    usage: entry.usage ?? {},
    finishReason: data.finishReason,
    ...(data.providerMetadata ? { providerMetadata: data.providerMetadata } : {}),
    fromJournal: true,
    key,
    ...(entry.durationMs !== undefined ? { durationMs: entry.durationMs } : {}),
  };
}
