import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { createScheduler, type SchedulerTaskContext } from './create-scheduler';

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const waitForAbort = ({ signal }: SchedulerTaskContext) =>
  new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

const tooManyRequests = (retryAfterMs?: number) =>
  new APICallError({
    message: 'rate limited',
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode: 429,
    ...(retryAfterMs !== undefined
      ? { responseHeaders: { 'retry-after-ms': String(retryAfterMs) } }
      : {}),
  });

describe('createScheduler', () => {
  it('never runs more tasks at once than the concurrency', async () => {
    const scheduler = createScheduler({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        scheduler.schedule(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await delay(10);
          running -= 1;
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    expect(peak).toBe(3);
    expect(scheduler.stats()).toMatchObject({ succeeded: 12, queued: 0, running: 0, failed: 0 });
  });

  it('keeps to requests per window with a sliding window', async () => {
    const scheduler = createScheduler({ concurrency: 10, requestsPerMinute: 2, rateWindowMs: 150 });
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        scheduler.schedule(() => {
          starts.push(Date.now() - t0);
        }),
      ),
    );
    // Two starts per 150 ms: the 3rd and 4th wait one window, the 5th two. (Lower bounds only:
    // the queue counts a window from when it starts a task, which is never before t0.)
    expect(starts[2]).toBeGreaterThanOrEqual(150);
    expect(starts[3]).toBeGreaterThanOrEqual(150);
    expect(starts[4]).toBeGreaterThanOrEqual(300);
  });

  it('draws estimated tokens from the TPM budget and settles them with reported usage', async () => {
    const scheduler = createScheduler({ concurrency: 5, tokensPerMinute: 100, rateWindowMs: 1000 });
    const t0 = Date.now();
    // The first task over-estimates and reports 10 tokens: the refund lets the second start at once.
    await scheduler.schedule(ctx => ctx.reportUsage({ inputTokens: 4, outputTokens: 6 }), {
      estimatedTokens: 90,
    });
    await scheduler.schedule(() => undefined, { estimatedTokens: 80 });
    expect(Date.now() - t0).toBeLessThan(300);
    // 10 left, 60 needed: 50 tokens at 100 per 1000 ms is ~500 ms.
    await scheduler.schedule(() => undefined, { estimatedTokens: 60 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
    expect(scheduler.stats().rateWaitMs).toBeGreaterThanOrEqual(450);
    expect(scheduler.stats().tokensUsed).toBe(10);
  });

  it('cancels queued and running tasks when its signal aborts', async () => {
    const controller = new AbortController();
    const scheduler = createScheduler({ concurrency: 1, signal: controller.signal });
    let runningSignal: AbortSignal | undefined;
    const running = scheduler.schedule(ctx => {
      runningSignal = ctx.signal;
      return waitForAbort(ctx);
    });
    let queuedRan = false;
    const queued = scheduler.schedule(() => {
      queuedRan = true;
    });
    await delay(5);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(runningSignal?.aborted).toBe(true);
    expect(queuedRan).toBe(false);
    expect(scheduler.stats()).toMatchObject({ cancelled: 2, queued: 0 });
    await expect(scheduler.schedule(() => 1)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cancels one task through its own signal', async () => {
    const scheduler = createScheduler({ concurrency: 1 });
    const blocker = scheduler.schedule(() => delay(30));
    const controller = new AbortController();
    const cancelled = scheduler.schedule(() => 'never', { signal: controller.signal });
    const other = scheduler.schedule(() => 'ran');
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await blocker;
    expect(await other).toBe('ran');
  });

  it('times a task out from when it starts, freeing its slot', async () => {
    const scheduler = createScheduler({ concurrency: 1, timeoutMs: 50 });
    const t0 = Date.now();
    const slow = scheduler.schedule(waitForAbort);
    const next = scheduler.schedule(() => Date.now() - t0);
    await expect(slow).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await next).toBeGreaterThanOrEqual(45);
    expect(scheduler.callSettings()).toEqual({ maxRetries: 2, timeout: 50 });
  });

  it('halves concurrency on a 429 and grows it back on successes', async () => {
    const scheduler = createScheduler({ concurrency: 8 });
    const failures = Array.from({ length: 8 }, () =>
      scheduler.schedule(async () => {
        await delay(5);
        throw tooManyRequests();
      }),
    );
    await Promise.allSettled(failures);
    // Eight 429s from one burst count as one congestion signal.
    expect(scheduler.stats()).toMatchObject({ concurrency: 4, rateLimited: 8, failed: 8 });
    await Promise.all(Array.from({ length: 4 }, () => scheduler.schedule(() => delay(1))));
    expect(scheduler.stats().concurrency).toBe(5);
  });

  it('keeps concurrency fixed with adaptive: false', async () => {
    const scheduler = createScheduler({ concurrency: 8, adaptive: false });
    await scheduler.schedule(() => Promise.reject(tooManyRequests())).catch(() => undefined);
    expect(scheduler.stats()).toMatchObject({ concurrency: 8, rateLimited: 1 });
  });

  it('holds new tasks back for a reported retry-after', async () => {
    const scheduler = createScheduler({ concurrency: 2 });
    const t0 = Date.now();
    await scheduler.schedule(ctx => ctx.reportRateLimited({ retryAfterMs: 120 }));
    // The task that hit the 429 does not count as a success for growing back.
    expect(scheduler.stats().concurrency).toBe(1);
    await scheduler.schedule(() => undefined);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    expect(scheduler.stats().concurrency).toBe(2);
  });

  it('gives SDK call settings carrying the task signal', () => {
    const scheduler = createScheduler({ maxRetries: 5 });
    const controller = new AbortController();
    expect(scheduler.callSettings({ signal: controller.signal })).toEqual({
      maxRetries: 5,
      abortSignal: controller.signal,
    });
  });

  it('rejects invalid settings, naming the field', () => {
    expect(() => createScheduler({ concurrency: 0 })).toThrow(InvalidInputError);
    expect(() => createScheduler({ maxRetries: -1 })).toThrow('field "maxRetries"');
  });
});
