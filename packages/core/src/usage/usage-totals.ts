import { defaultPriceTable, type PriceTable } from './price-table';
import type { TokenUsage } from './token-usage';

export interface UsageSummary {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  /** Calls whose provider reported no input or output count; their tokens are missing above. */
  unreportedCalls: number;
  /** Calls whose model has no known price. */
  unpricedCalls: number;
  /** USD; `undefined` as soon as one call could not be priced, so a total is never understated. */
  costUsd: number | undefined;
}

interface Bucket {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  unreportedCalls: number;
}

const UNKNOWN_MODEL = '';

function emptyBucket(): Bucket {
  return {
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    cachedInputTokens: 0,
    reasoningTokens: 0,
    unreportedCalls: 0,
  };
}

/**
 * Token and cost totals per run, per stage and per model. Tokens are kept per (stage, model) and
 * priced only when a summary is asked for: prices are linear, so this is exact, and a price
 * override applies to usage that was recorded before it.
 */
export class UsageTotals {
  private readonly buckets = new Map<string, Map<string, Bucket>>();
  private readonly prices: PriceTable;

  constructor({ prices = defaultPriceTable }: { prices?: PriceTable } = {}) {
    this.prices = prices;
  }

  add(usage: TokenUsage, { stage = 'default', model }: { stage?: string; model?: string } = {}) {
    let byModel = this.buckets.get(stage);
    if (!byModel) {
      byModel = new Map();
      this.buckets.set(stage, byModel);
    }
    const modelKey = model ?? UNKNOWN_MODEL;
    let bucket = byModel.get(modelKey);
    if (!bucket) {
      bucket = emptyBucket();
      byModel.set(modelKey, bucket);
    }
    bucket.calls += 1;
    if (usage.inputTokens == null || usage.outputTokens == null) bucket.unreportedCalls += 1;
    bucket.inputTokens += usage.inputTokens ?? 0;
    bucket.outputTokens += usage.outputTokens ?? 0;
    bucket.totalTokens += usage.totalTokens ?? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
    bucket.cachedInputTokens += usage.cachedInputTokens ?? 0;
    bucket.reasoningTokens += usage.reasoningTokens ?? 0;
  }

  /** Totals over every stage. */
  get run(): UsageSummary {
    return this.summarise([...this.buckets.values()].flatMap(byModel => [...byModel.entries()]));
  }

  /** Totals of one stage (all zero when the stage has no calls). */
  stage(name: string): UsageSummary {
    return this.summarise([...(this.buckets.get(name)?.entries() ?? [])]);
  }

  /** Totals per stage, in the order stages were first seen. */
  stages(): Record<string, UsageSummary> {
    const result: Record<string, UsageSummary> = {};
    for (const name of this.buckets.keys()) result[name] = this.stage(name);
    return result;
  }

  /** Totals per model over every stage. */
  models(): Record<string, UsageSummary> {
    const grouped = new Map<string, Array<[string, Bucket]>>();
    for (const byModel of this.buckets.values()) {
      for (const entry of byModel.entries()) {
        const list = grouped.get(entry[0]) ?? [];
        list.push(entry);
        grouped.set(entry[0], list);
      }
    }
    const result: Record<string, UsageSummary> = {};
    for (const [model, list] of grouped) result[model || 'unknown'] = this.summarise(list);
    return result;
  }

  toJSON(): { run: UsageSummary; stages: Record<string, UsageSummary> } {
    return { run: this.run, stages: this.stages() };
  }

  private summarise(entries: Array<[string, Bucket]>): UsageSummary {
    const summary: UsageSummary = { ...emptyBucket(), unpricedCalls: 0, costUsd: 0 };
    let cost = 0;
    let complete = true;
    for (const [model, bucket] of entries) {
      summary.calls += bucket.calls;
      summary.inputTokens += bucket.inputTokens;
      summary.outputTokens += bucket.outputTokens;
      summary.totalTokens += bucket.totalTokens;
      summary.cachedInputTokens += bucket.cachedInputTokens;
      summary.reasoningTokens += bucket.reasoningTokens;
      summary.unreportedCalls += bucket.unreportedCalls;
      const bucketCost =
        model === UNKNOWN_MODEL ? undefined : this.prices.estimateCost(model, bucket);
      if (bucketCost === undefined) {
        summary.unpricedCalls += bucket.calls;
        complete = false;
      } else {
        cost += bucketCost;
      }
      if (bucket.unreportedCalls > 0) complete = false;
    }
    summary.costUsd = complete ? cost : undefined;
    return summary;
  }
}
