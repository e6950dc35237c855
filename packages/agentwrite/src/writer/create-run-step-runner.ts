import { generateStep, type ResolvedModel, type Run, type Scheduler } from '@longform/core';
import type { StepRunner } from './step-runner';
import { withRetries } from './with-retries';

export interface RunStepRunnerSettings {
  run: Pick<Run, 'journal'>;
  scheduler: Scheduler;
  model: ResolvedModel;
  /** Tries per step for failures the SDK does not retry (cut streams, timeouts); default 4. */
  maxTries?: number;
}

/**
 * A step runner that journals every call in a run (`generateStep` of `@longform/core`): a step
 * whose key is in the journal is replayed instead of called, so re-running a killed run resumes
 * it and, against a deterministic model, produces the same document. The key covers the prompt
 * (instruction, plan, text so far), the template id and version, the decoding parameters, the
 * section and the attempt index.
 */
export function createRunStepRunner({
  run,
  scheduler,
  model,
  maxTries = 4,
}: RunStepRunnerSettings): StepRunner {
  return request =>
    withRetries(request, maxTries, async retry => {
      const result = await generateStep({
        run,
        scheduler,
        model,
        stage: request.stage,
        step: request.step,
        prompt: request.prompt,
        params: { temperature: request.temperature, maxOutputTokens: request.maxOutputTokens },
        attempt: request.attempt,
        ...(request.schema ? { output: request.schema } : {}),
        ...(request.onTextDelta ? { onTextDelta: request.onTextDelta } : {}),
        // A rejected try (cut stream) stays in the journal under its own key, so a replay walks
        // the same tries and lands on the same accepted text.
        keyParts: { template: request.template, retry },
        ...(request.abortSignal ? { signal: request.abortSignal } : {}),
      });
      return {
        text: result.text,
        ...(result.object !== undefined ? { object: result.object } : {}),
        usage: result.usage,
        finishReason: result.finishReason,
        fromJournal: result.fromJournal,
      };
    });
}
