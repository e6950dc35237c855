import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, rateLimitInfo } from './rate-limit-error';

const apiError = (statusCode: number, responseHeaders?: Record<string, string>) =>
  new APICallError({
    message: 'x',
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseHeaders,
  });

describe('rateLimitInfo', () => {
  it('finds a 429 directly, in a RetryError and in a cause chain', () => {
    expect(rateLimitInfo(apiError(429, { 'retry-after': '2' }))).toEqual({ retryAfterMs: 2000 });
    const retryError = Object.assign(new Error('retries exhausted'), {
      lastError: apiError(429, { 'retry-after-ms': '150' }),
    });
    expect(rateLimitInfo(retryError)).toEqual({ retryAfterMs: 150 });
    expect(rateLimitInfo(new Error('wrapped', { cause: apiError(429) }))).toEqual({});
    expect(rateLimitInfo(apiError(500))).toBeUndefined();
    expect(rateLimitInfo(new Error('plain'))).toBeUndefined();
  });

  it('parses retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'Retry-After-Ms': '75' })).toBe(75);
    expect(parseRetryAfter({ 'retry-after': '1.5' })).toBe(1500);
    const date = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter({ 'retry-after': date })).toBeGreaterThan(8000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
