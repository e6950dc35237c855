import {
  type GenerateStepParams,
  generateStep,
  InvalidInputError,
  type ResolvedModel,
  type Run,
  type Scheduler,
} from '@longform/core';

export type GeneratedResponse = { text: string; finishReason?: string };

export type GenerationFailure = { index: number; error: string };

/**
 * Generates one response per prompt through `generateStep` (scheduled, journaled, resumable). A
 * prompt given as a ready `response` is used as is. A failed call is recorded in `failures` (sorted
 * by index) and its slot left `undefined`, so one bad item does not sink a benchmark run; if every
 * call fails the cause is a configuration problem and the first error is thrown.
 */
export async function generateResponses({
  run,
  scheduler,
  model,
  stage,
  items,
  params,
  signal,
  onProgress,
}: {
  run: Pick<Run, 'journal'>;
  scheduler: Scheduler;
  model?: ResolvedModel;
  stage: string;
  items: ReadonlyArray<{ prompt: string; response?: string }>;
  params?: GenerateStepParams;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ responses: Array<GeneratedResponse | undefined>; failures: GenerationFailure[] }> {
  const missing = items.findIndex(item => item.response === undefined);
  if (missing >= 0 && !model) {
    throw new InvalidInputError({
      message: `item ${missing + 1} has no response and no model was given to generate one`,
      field: 'model',
    });
  }
  const failures: GenerationFailure[] = [];
  const total = items.filter(item => item.response === undefined).length;
  let done = 0;
  const responses = await Promise.all(
    items.map(async (item, index): Promise<GeneratedResponse | undefined> => {
      if (item.response !== undefined) return { text: item.response };
      try {
        const result = await generateStep({
          run,
          scheduler,
          model: model!,
          stage,
          step: index,
          prompt: item.prompt,
          ...(params ? { params } : {}),
          ...(signal ? { signal } : {}),
        });
        return { text: result.text, finishReason: result.finishReason };
      } catch (error) {
        if (signal?.aborted) throw error;
        failures.push({ index, error: (error as Error)?.message ?? String(error) });
        return undefined;
      } finally {
        onProgress?.(++done, total);
      }
    }),
  );
  if (total > 0 && failures.length === total) {
    throw new InvalidInputError({
      message: `every generation failed; first error: ${failures.sort((a, b) => a.index - b.index)[0]!.error}`,
      field: 'model',
    });
  }
  failures.sort((a, b) => a.index - b.index);
  return { responses, failures };
}
