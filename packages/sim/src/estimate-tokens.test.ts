import { describe, expect, it } from 'vitest';
import { estimateTokens, splitIntoChunks, truncateToTokens } from './estimate-tokens';

describe('estimateTokens', () => {
  it('charges 1.3 per word, 1 per ideograph, 1 per 3 digits and 0.5 per symbol, rounded up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('one two three four five six seven eight nine ten')).toBe(13);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('12345')).toBe(2);
    expect(estimateTokens('Hello, world.')).toBe(4); // 2.6 + 0.5 + 0.5 = 3.6
    expect(estimateTokens('## Title')).toBe(3); // 0.5 + 0.5 + 1.3
  });
});

describe('truncateToTokens', () => {
  it('keeps the longest prefix within the budget', () => {
    const text = 'one two three four five six seven eight nine ten';
    const cut = truncateToTokens(text, 5);
    expect(cut).toEqual({ text: 'one two three', cut: true });
    expect(estimateTokens(cut.text)).toBeLessThanOrEqual(5);
    expect(truncateToTokens(text, 13)).toEqual({ text, cut: false });
    expect(truncateToTokens(text, 0)).toEqual({ text: '', cut: true });
  });
});

describe('splitIntoChunks', () => {
  it('reassembles to the original text', () => {
    const text = '## Title\n\nSome words here, and more words.\n\n中文内容。好的';
    const chunks = splitIntoChunks(text, 3);
    expect(chunks.map(c => c.text).join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.ceil(chunks.reduce((s, c) => s + c.tokenTenths, 0) / 10)).toBe(
      estimateTokens(text),
    );
  });
});

describe('short words', () => {
  it('fits a one-letter judge answer in one token', () => {
    expect(estimateTokens('m')).toBe(1);
    expect(truncateToTokens('M', 1)).toEqual({ text: 'M', cut: false });
  });
});
