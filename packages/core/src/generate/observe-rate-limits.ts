import type { LanguageModelMiddleware } from 'ai';
import { rateLimitInfo } from '../scheduler/rate-limit-error';

/**
 * Middleware that tells the scheduler about every 429, including those the SDK then retries
 * successfully: the SDK's retry loop calls the wrapped model once per attempt, so this sees each
 * attempt's error, which the final result hides.
 */
export function observeRateLimits(
  onRateLimited: (info: { retryAfterMs?: number }) => void,
): LanguageModelMiddleware {
  const observe = (error: unknown) => {
    const info = rateLimitInfo(error);
    if (info) onRateLimited(info);
  };
  return {
    specificationVersion: 'v4',
    wrapGenerate: async ({ doGenerate }) => {
      try {
        return await doGenerate();
      } catch (error) {
        observe(error);
        throw error;
      }
    },
    wrapStream: async ({ doStream }) => {
      try {
        return await doStream();
      } catch (error) {
        observe(error);
        throw error;
      }
    },
  };
}
