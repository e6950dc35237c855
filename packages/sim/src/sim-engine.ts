import type { z } from 'zod';
import { SimUnknownModelError } from './errors';
import { splitIntoChunks } from './estimate-tokens';
import { generateSimResponse, type SimRequest, type SimResponse } from './generate-sim-response';
import { createRng, hashValues } from './random';
import {
  parseSimModelId,
  type ResolvedSimSettings,
  resolveSimSettings,
  type SimModelSpec,
  type SimSettings,
  simFaultsSchema,
} from './sim-settings';
import { sleep } from './sleep';

export type SimFault = '429' | '500' | 'hang' | 'truncate' | 'malformed';

export type SimStats = {
  /** Requests received (including faulted ones). */
  requests: number;
  /** Generations running now. */
  active: number;
  /** Requests waiting for capacity. */
  queued: number;
  /** Responses delivered in full. */
  completed: number;
  faults: Record<SimFault, number> & { total: number };
  /** Estimated prompt tokens of delivered responses. */
  tokensIn: number;
  /** Estimated completion tokens actually sent (a truncated stream counts what it sent). */
  tokensOut: number;
};

type Waiter = {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
};

/**
 * The state both faces share: model-id resolution, the request counter that drives fault draws,
 * FIFO capacity, pacing and statistics.
 */
export class SimEngine {
  readonly settings: ResolvedSimSettings;
  private readonly faults: z.output<typeof simFaultsSchema>;
  private requestCounter = 0;
  private running = 0;
  private readonly waiters: Waiter[] = [];
  private readonly counters = {
    completed: 0,
    tokensIn: 0,
    tokensOut: 0,
    faults: { '429': 0, '500': 0, hang: 0, truncate: 0, malformed: 0 } as Record<SimFault, number>,
  };

  constructor(settings: SimSettings | ResolvedSimSettings = {}) {
    this.settings = resolveSimSettings(settings);
    this.faults = simFaultsSchema.parse(this.settings.faults ?? {});
  }

  /** Resolves a model id or throws `SimUnknownModelError`. */
  model(modelId: string): SimModelSpec {
    const spec = parseSimModelId(modelId, this.settings);
    if (!spec) throw new SimUnknownModelError({ modelId });
    return spec;
  }

  /**
   * Counts a request and draws its fault: u = rng(seed, request number); the fault is the first
   * whose cumulative rate exceeds u, in the order 429, 500, hang, truncate, malformed.
   */
  drawFault(): SimFault | undefined {
    const n = this.requestCounter++;
    const faults = this.faults;
    const u = createRng(hashValues('fault', this.settings.seed, n)).next();
    const order: Array<[SimFault, number]> = [
      ['429', faults.rate429],
      ['500', faults.rate500],
      ['hang', faults.rateHang],
      ['truncate', faults.rateTruncate],
      ['malformed', faults.rateMalformed],
    ];
    let cumulative = 0;
    for (const [fault, rate] of order) {
      cumulative += rate;
      if (u < cumulative) {
        this.counters.faults[fault]++;
        return fault;
      }
    }
    return undefined;
  }

  get retryAfterSeconds(): number {
    return this.faults.retryAfterSeconds;
  }

  /**
   * Waits for a generation slot (FIFO when `capacity.maxConcurrentStreams` is set). The returned
   * function frees the slot; calling it twice is harmless.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    const max = this.settings.capacity?.maxConcurrentStreams ?? Number.POSITIVE_INFINITY;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running < max && this.waiters.length === 0) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) {
        next.cleanup();
        next.resolve(this.releaser());
      } else {
        this.running--;
      }
    };
  }

  generate(spec: SimModelSpec, request: SimRequest): SimResponse {
    return generateSimResponse(this.settings, spec, request);
  }

  /**
   * Yields the response text in stream chunks, paced by the latency settings: first chunk after
   * `timeToFirstTokenMs`, then chunk i no earlier than ttft + (tokens before it)/tokensPerSecond.
   */
  async *paceChunks(
    text: string,
    signal?: AbortSignal,
  ): AsyncGenerator<{ text: string; tokenTenths: number }> {
    const ttft = this.settings.latency?.timeToFirstTokenMs ?? 0;
    const tps = this.settings.latency?.tokensPerSecond;
    const start = Date.now();
    if (ttft > 0) await sleep(ttft, signal);
    let tenths = 0;
    for (const chunk of splitIntoChunks(text)) {
      if (tps !== undefined && tenths > 0) {
        const due = start + ttft + (tenths / 10 / tps) * 1000;
        const wait = due - Date.now();
        if (wait >= 1) await sleep(wait, signal);
      }
      if (signal?.aborted) throw signal.reason;
      yield chunk;
      tenths += chunk.tokenTenths;
    }
  }

  /** Total delay of a non-streaming response: ttft + completionTokens/tokensPerSecond. */
  responseDelayMs(completionTokens: number): number {
    const ttft = this.settings.latency?.timeToFirstTokenMs ?? 0;
    const tps = this.settings.latency?.tokensPerSecond;
    return ttft + (tps === undefined ? 0 : (completionTokens / tps) * 1000);
  }

  /** Records a delivered (or partly delivered) response. */
  record({
    tokensIn,
    tokensOut,
    completed,
  }: {
    tokensIn: number;
    tokensOut: number;
    completed: boolean;
  }): void {
    this.counters.tokensIn += tokensIn;
    this.counters.tokensOut += tokensOut;
    if (completed) this.counters.completed++;
  }

  stats(): SimStats {
    const faults = { ...this.counters.faults };
    return {
      requests: this.requestCounter,
      active: this.running,
      queued: this.waiters.length,
      completed: this.counters.completed,
      faults: { ...faults, total: Object.values(faults).reduce((a, b) => a + b, 0) },
      tokensIn: this.counters.tokensIn,
      tokensOut: this.counters.tokensOut,
    };
  }
}
