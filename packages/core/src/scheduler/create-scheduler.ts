import PQueue from 'p-queue';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { rateLimitInfo } from './rate-limit-error';
import { TokenBucket } from './token-bucket';

export const schedulerSettingsSchema = z.object({
  /** Most tasks running at once (the ceiling when `adaptive`). */
  concurrency: z.number().int().min(1).default(4),
  requestsPerMinute: z.number().positive().optional(),
  tokensPerMinute: z.number().positive().optional(),
  /** Handed to the AI SDK (`callSettings()`), which does the retrying and honours `retry-after`. */
  maxRetries: z.number().int().min(0).default(2),
  /** Per task, counted from when it starts running (not while it waits in the queue). */
  timeoutMs: z.number().int().positive().optional(),
  /** Halve concurrency on a 429, then grow it back by one per window of successes (AIMD). */
  adaptive: z.boolean().default(true),
  /** Cancels every queued and running task. */
  signal: z.instanceof(AbortSignal).optional(),
  /** Length of the rate-limit window; 60 000 (a minute) except in tests. */
  rateWindowMs: z.number().int().positive().default(60_000),
});

export type SchedulerSettings = z.input<typeof schedulerSettingsSchema>;

export interface TaskUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
}

export interface SchedulerTaskContext {
  /** Aborts on scheduler cancellation, task cancellation or the task's timeout. */
  signal: AbortSignal;
  /** Actual usage, to correct the tokens-per-minute estimate. */
  reportUsage(usage: TaskUsage): void;
  /** A 429 was seen (e.g. on an attempt the SDK then retried). */
  reportRateLimited(info?: { retryAfterMs?: number }): void;
}

export interface ScheduleOptions {
  /** Tokens (input + output) the task is expected to use; drawn from the TPM budget up front. */
  estimatedTokens?: number;
  signal?: AbortSignal;
  /** Higher starts first. */
  priority?: number;
}

export interface SchedulerStats {
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** 429 responses seen. */
  rateLimited: number;
  /** Current concurrency (lower than `maxConcurrency` after adaptive back-off). */
  concurrency: number;
  maxConcurrency: number;
  tokensUsed: number;
  /** Total time tasks spent waiting for the token budget or a `retry-after`. */
  rateWaitMs: number;
}

export interface CallSettings {
  maxRetries: number;
  abortSignal?: AbortSignal;
  timeout?: number;
}

export interface Scheduler {
  schedule<T>(
    task: (context: SchedulerTaskContext) => Promise<T> | T,
    options?: ScheduleOptions,
  ): Promise<T>;
  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void>;
  stats(): SchedulerStats;
  /** Settings to spread into `generateText`/`streamText`; pass the task's signal. */
  callSettings(options?: { signal?: AbortSignal }): CallSettings;
}

// Several 429s from one burst of parallel requests are one congestion signal, not several.
const DECREASE_COOLDOWN_MS = 1000;

/**
 * A task scheduler for model calls: a concurrency limit (p-queue), requests per minute (p-queue's
 * sliding window), tokens per minute (a token bucket fed by estimates and corrected with reported
 * usage), per-task timeouts and cancellation, and AIMD back-off on 429s. It never retries: the AI
 * SDK does, with `callSettings().maxRetries`.
 */
export function createScheduler(settings: SchedulerSettings = {}): Scheduler {
  const parsed = schedulerSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError({
      message: issue?.message ?? 'invalid scheduler settings',
      field: issue?.path.join('.'),
    });
  }
  const options = parsed.data;
  const maxConcurrency = options.concurrency;

  const queue = new PQueue({
    concurrency: maxConcurrency,
    ...(options.requestsPerMinute
      ? {
          intervalCap: Math.max(1, Math.floor(options.requestsPerMinute)),
          interval: options.rateWindowMs,
          strict: true,
        }
      : {}),
  });
  const bucket = options.tokensPerMinute
    ? new TokenBucket(options.tokensPerMinute, { windowMs: options.rateWindowMs })
    : undefined;

  let concurrency = maxConcurrency;
  let successStreak = 0;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  let gate: Promise<unknown> = Promise.resolve();
  const counts = {
    queued: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    cancelled: 0,
    rateLimited: 0,
    tokensUsed: 0,
    rateWaitMs: 0,
  };

  const setConcurrency = (value: number) => {
    concurrency = value;
    queue.concurrency = value;
  };

  const onRateLimited = (info: { retryAfterMs?: number } = {}) => {
    counts.rateLimited += 1;
    const now = Date.now();
    if (info.retryAfterMs !== undefined) {
      pausedUntil = Math.max(pausedUntil, now + info.retryAfterMs);
    }
    if (!options.adaptive || now - lastDecreaseAt < DECREASE_COOLDOWN_MS) return;
    lastDecreaseAt = now;
    successStreak = 0;
    setConcurrency(Math.max(1, Math.floor(concurrency / 2)));
  };

  const onSuccess = () => {
    if (!options.adaptive || concurrency >= maxConcurrency) return;
    successStreak += 1;
    if (successStreak >= concurrency) {
      successStreak = 0;
      setConcurrency(concurrency + 1);
    }
  };

  // One task at a time passes the gate, in queue order, so a large estimate cannot be starved by
  // a stream of small ones.
  const passGate = (estimatedTokens: number, signal: AbortSignal): Promise<void> => {
    const turn = gate.then(async () => {
      const started = Date.now();
      for (;;) {
        signal.throwIfAborted();
        const wait = Math.max(pausedUntil - Date.now(), bucket?.waitTime(estimatedTokens) ?? 0);
        if (wait <= 0) break;
        await sleep(wait, signal);
      }
      bucket?.take(estimatedTokens);
      counts.rateWaitMs += Date.now() - started;
    });
    gate = turn.catch(() => undefined);
    return turn;
  };

  return {
    schedule(task, { estimatedTokens = 0, signal, priority } = {}) {
      const timeout = new AbortController();
      const sources = [options.signal, signal, timeout.signal].filter(
        (source): source is AbortSignal => source !== undefined,
      );
      const combined = AbortSignal.any(sources);
      let started = false;
      counts.queued += 1;

      const run = async () => {
        started = true;
        counts.queued -= 1;
        counts.running += 1;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let settled = false;
        let limited = false;
        try {
          await passGate(estimatedTokens, combined);
          if (options.timeoutMs !== undefined) {
            const ms = options.timeoutMs;
            timer = setTimeout(
              () =>
                timeout.abort(new DOMException(`task timeout of ${ms}ms exceeded`, 'TimeoutError')),
              ms,
            );
          }
          const context: SchedulerTaskContext = {
            signal: combined,
            reportUsage(usage) {
              const actual =
                usage.totalTokens ?? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
              counts.tokensUsed += actual;
              bucket?.adjust(settled ? 0 : estimatedTokens, actual);
              settled = true;
            },
            reportRateLimited(info) {
              limited = true;
              onRateLimited(info);
            },
          };
          const result = await task(context);
          // A call that only got through after a 429 is no sign the server has room to spare.
          if (!limited) onSuccess();
          return result;
        } catch (error) {
          const info = rateLimitInfo(error);
          if (info) onRateLimited(info);
          throw error;
        } finally {
          clearTimeout(timer);
          counts.running -= 1;
        }
      };

      return queue
        .add(run, { signal: combined, ...(priority !== undefined ? { priority } : {}) })
        .then(
          result => {
            counts.succeeded += 1;
            return result as Awaited<ReturnType<typeof task>>;
          },
          error => {
            if (!started) counts.queued -= 1;
            if (combined.aborted) counts.cancelled += 1;
            else counts.failed += 1;
            throw error;
          },
        );
    },

    onIdle: () => queue.onIdle(),

    stats: () => ({
      queued: counts.queued,
      running: counts.running,
      succeeded: counts.succeeded,
      failed: counts.failed,
      cancelled: counts.cancelled,
      rateLimited: counts.rateLimited,
      concurrency,
      maxConcurrency,
      tokensUsed: counts.tokensUsed,
      rateWaitMs: counts.rateWaitMs,
    }),

    callSettings({ signal } = {}) {
      const abortSignal = signal ?? options.signal;
      return {
        maxRetries: options.maxRetries,
        ...(abortSignal ? { abortSignal } : {}),
        ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
      };
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
