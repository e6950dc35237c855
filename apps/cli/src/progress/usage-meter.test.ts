import { describe, expect, it } from 'vitest';
import { createUsageMeter } from './usage-meter';

describe('createUsageMeter', () => {
  it('sums the tokens of every call (a missing count as 0); no cost for an unpriced model', () => {
    const meter = createUsageMeter('local:my-model');
    expect(meter.details()).toEqual(['0 tokens']);
    meter.add({ inputTokens: 1200, outputTokens: 300 });
    meter.add({ outputTokens: 500 });
    meter.add({});
    expect(meter.details()).toEqual(['2,000 tokens']);
  });

  it('adds the cost of a priced model', () => {
    const meter = createUsageMeter('gpt-4o');
    meter.add({ inputTokens: 1_000_000, outputTokens: 100_000 });
    expect(meter.details()).toEqual(['1,100,000 tokens', '$3.5000']);
  });
});
