import { APICallError } from '@ai-sdk/provider';

/**
 * Whether `error` is (or wraps) an HTTP 429, and the wait the server asked for. Looks through the
 * AI SDK's `RetryError` (`lastError`) and `cause` chains, since the SDK wraps the provider error
 * once its own retries are exhausted.
 */
export function rateLimitInfo(error: unknown): { retryAfterMs?: number } | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current != null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (APICallError.isInstance(current) && current.statusCode === 429) {
      const retryAfterMs = parseRetryAfter(current.responseHeaders);
      return retryAfterMs === undefined ? {} : { retryAfterMs };
    }
    const next = current as { lastError?: unknown; cause?: unknown };
    current = next.lastError ?? next.cause;
  }
  return undefined;
}

/** `retry-after-ms`, else `retry-after` (seconds or an HTTP date), in ms. */
export function parseRetryAfter(
  headers: Record<string, string | undefined> | undefined,
): number | undefined {
  if (!headers) return undefined;
  const lower: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  const ms = Number.parseFloat(lower['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = lower['retry-after'];
  if (raw === undefined) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
