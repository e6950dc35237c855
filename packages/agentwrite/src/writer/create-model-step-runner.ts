import { toTokenUsage } from '@longform/core';
import { generateText, type LanguageModel, Output, streamText } from 'ai';
import type { StepRequest, StepResult, StepRunner } from './step-runner';
import { withRetries } from './with-retries';

export interface ModelStepRunnerOptions {
  /** SDK retries for 408/409/429/5xx (the SDK backs off exponentially). */
  maxRetries?: number;
  /** Tries per step for failures the SDK does not retry (cut streams, malformed bodies). */
  maxTries?: number;
  /** Per-call timeout: a hung call is abandoned and tried again. */
  timeoutMs?: number;
}

/**
 * A step runner that calls a model directly: no journal, no resume. Text streams through
 * `onTextDelta`; structured plans use `Output.object`. Use `createRunStepRunner` inside a run.
 */
export function createModelStepRunner(
  model: Exclude<LanguageModel, string>,
  { maxRetries = 2, maxTries = 4, timeoutMs }: ModelStepRunnerOptions = {},
): StepRunner {
  return request => withRetries(request, maxTries, () => once(request));

  async function once(request: StepRequest): Promise<StepResult> {
    const common = {
      model,
      prompt: request.prompt,
      maxOutputTokens: request.maxOutputTokens,
      temperature: request.temperature,
      maxRetries,
      abortSignal: request.abortSignal,
      ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
    };
    if (request.schema) {
      const result = await generateText({
        ...common,
        output: Output.object({ schema: request.schema }),
      });
      return {
        text: result.text,
        object: result.output,
        usage: toTokenUsage(result.usage),
        finishReason: result.finishReason,
        fromJournal: false,
      };
    }
    // `stream` rather than `textStream`: the latter drops error parts, and a failed call must
    // surface as an error, never as a short text.
    const result = streamText({ ...common, onError: () => undefined });
    let text = '';
    for await (const part of result.stream) {
      if (part.type === 'text-delta') {
        text += part.text;
        request.onTextDelta?.(part.text);
      } else if (part.type === 'error') {
        throw part.error;
      } else if (part.type === 'abort') {
        throw new Error(`the call was aborted${part.reason ? `: ${part.reason}` : ''}`);
      }
    }
    return {
      text,
      usage: toTokenUsage(await result.usage),
      finishReason: await result.finishReason,
      fromJournal: false,
    };
  }
}
