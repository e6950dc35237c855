import type { LanguageModelUsage } from 'ai';
import { describe, expect, it } from 'vitest';
import { createPriceTable } from './price-table';
import { toTokenUsage } from './token-usage';
import { UsageTotals } from './usage-totals';

describe('toTokenUsage', () => {
  it('flattens AI SDK usage and keeps unknown counts unknown', () => {
    const usage: LanguageModelUsage = {
      inputTokens: 100,
      inputTokenDetails: { noCacheTokens: 60, cacheReadTokens: 40, cacheWriteTokens: undefined },
      outputTokens: 50,
      outputTokenDetails: { textTokens: 30, reasoningTokens: 20 },
      totalTokens: 150,
    };
    expect(toTokenUsage(usage)).toEqual({
      inputTokens: 100,
      outputTokens: 50,
      totalTokens: 150,
      cachedInputTokens: 40,
      reasoningTokens: 20,
    });
    expect(toTokenUsage(undefined)).toEqual({});
  });
});

describe('UsageTotals', () => {
  it('sums per stage and per run with costs', () => {
    const totals = new UsageTotals();
    totals.add(
      { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 },
      { stage: 'plan', model: 'openai:gpt-4o' },
    );
    totals.add(
      { inputTokens: 2000, outputTokens: 4000 },
      { stage: 'write', model: 'openai:gpt-4o' },
    );
    totals.add({ inputTokens: 10, outputTokens: 10 }, { stage: 'write', model: 'sim' });
    expect(totals.stage('plan')).toMatchObject({
      calls: 1,
      inputTokens: 1000,
      outputTokens: 500,
      totalTokens: 1500,
    });
    expect(totals.stage('plan').costUsd).toBeCloseTo((1000 * 2.5 + 500 * 10) / 1e6, 12);
    expect(totals.stage('write').costUsd).toBeCloseTo((2000 * 2.5 + 4000 * 10) / 1e6, 12);
    expect(totals.run).toMatchObject({
      calls: 3,
      inputTokens: 3010,
      outputTokens: 4510,
      totalTokens: 7520,
    });
    expect(totals.run.costUsd).toBeCloseTo(0.0525, 12);
    expect(Object.keys(totals.stages())).toEqual(['plan', 'write']);
    expect(totals.models().sim).toMatchObject({ calls: 1, costUsd: 0 });
    expect(totals.stage('judge')).toMatchObject({ calls: 0, costUsd: 0 });
    expect(JSON.parse(JSON.stringify(totals)).stages.write.calls).toBe(2);
  });

  it('gives no total cost when any call cannot be priced', () => {
    const totals = new UsageTotals();
    totals.add({ inputTokens: 10, outputTokens: 10 }, { stage: 'write', model: 'openai:gpt-4o' });
    totals.add({ inputTokens: 10, outputTokens: 10 }, { stage: 'write', model: 'compat:mystery' });
    totals.add({}, { stage: 'judge', model: 'openai:gpt-4o' });
    expect(totals.run).toMatchObject({ unpricedCalls: 1, unreportedCalls: 1, costUsd: undefined });
    expect(totals.stage('judge').costUsd).toBeUndefined();
    const priced = new UsageTotals({
      prices: createPriceTable({ 'compat:mystery': { input: 1, output: 1 } }),
    });
    priced.add({ inputTokens: 1_000_000, outputTokens: 0 }, { model: 'compat:mystery' });
    expect(priced.stage('default').costUsd).toBe(1);
  });
});
