import { APICallError } from 'ai';
import { IncompleteResponseError } from '../errors/incomplete-response-error';
import type { StepRequest, StepResult } from './step-runner';

const COMPLETE = new Set(['stop', 'length']);

/**
 * Tries a step up to `maxTries` times. The SDK already retries 408/409/429/5xx with backoff inside
 * one try; a try fails here on what it does not retry: a cut stream or other abnormal finish, a
 * malformed body, a timeout of a hung call. Errors the provider marks non-retryable (400, 401, 404)
 * and the caller's own abort end at once.
 */
export async function withRetries(
  request: StepRequest,
  maxTries: number,
  once: (retry: number) => Promise<StepResult>,
): Promise<StepResult> {
  for (let retry = 0; ; retry++) {
    try {
      const result = await once(retry);
      if (!COMPLETE.has(result.finishReason)) {
        throw new IncompleteResponseError({
          finishReason: result.finishReason,
          stage: request.stage,
          step: request.step,
        });
      }
      return result;
    } catch (error) {
      const fatal = APICallError.isInstance(error) && !error.isRetryable;
      if (request.abortSignal?.aborted || fatal || retry + 1 >= maxTries) throw error;
    }
  }
}
