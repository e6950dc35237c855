import { describe, expect, it } from 'vitest';
import { createPriceTable, DEFAULT_PRICES, estimateCost } from './price-table';

describe('price table', () => {
  it('prices the common OpenAI models per 1M tokens', () => {
    for (const id of [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'o3',
      'o4-mini',
      'gpt-5',
      'gpt-5-mini',
    ]) {
      expect(DEFAULT_PRICES[id], id).toBeDefined();
    }
    // 1M in + 1M out of gpt-4o: $2.50 + $10.
    expect(estimateCost('openai:gpt-4o', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(
      12.5,
    );
    expect(estimateCost('gpt-4o-mini', { inputTokens: 2000, outputTokens: 1000 })).toBeCloseTo(
      0.0009,
      12,
    );
  });

  it('charges cached input at the cached price', () => {
    const cost = estimateCost('openai:gpt-4.1', {
      inputTokens: 1_000_000,
      cachedInputTokens: 400_000,
      outputTokens: 0,
    });
    expect(cost).toBeCloseTo(0.6 * 2 + 0.4 * 0.5, 12);
  });

  it('maps dated snapshots to their model, except snapshots priced on their own', () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 0 };
    expect(estimateCost('openai:gpt-4o-2024-08-06', usage)).toBe(2.5);
    expect(estimateCost('openai:gpt-4o-2024-05-13', usage)).toBe(5);
  });

  it('is free for the simulator and unknown (never guessed) elsewhere', () => {
    const usage = { inputTokens: 100, outputTokens: 100 };
    expect(estimateCost('sim', usage)).toBe(0);
    expect(estimateCost('sim:noisy', usage)).toBe(0);
    expect(estimateCost('openai:gpt-99', usage)).toBeUndefined();
    // A model behind an OpenAI-compatible server is not OpenAI's, whatever its name.
    expect(estimateCost('openai-compatible:gpt-4o', usage)).toBeUndefined();
    expect(estimateCost('openai:gpt-4o', { inputTokens: 100 })).toBeUndefined();
  });

  it('takes overrides by id or by full spec', () => {
    const prices = createPriceTable({
      'gpt-4o': { input: 1, output: 1 },
      'openai-compatible:llama3': { input: 0.1, output: 0.2 },
    });
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect(prices.estimateCost('openai:gpt-4o', usage)).toBe(2);
    expect(prices.estimateCost('openai-compatible:llama3', usage)).toBeCloseTo(0.3, 12);
    expect(prices.estimateCost('openai:gpt-4o-mini', usage)).toBe(0.75);
    expect(() => createPriceTable({ bad: { input: -1, output: 0 } })).toThrow(
      'price override "bad"',
    );
  });
});
