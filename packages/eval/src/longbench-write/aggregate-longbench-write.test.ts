import { describe, expect, it } from 'vitest';
import {
  aggregateLongBenchWrite,
  type LongBenchWriteScoredInput,
} from './aggregate-longbench-write';
import type { QualityScores } from './quality-dimensions';

const words = (n: number) => 'w '.repeat(n);
const uniform = (v: number): QualityScores => ({
  Relevance: v,
  Accuracy: v,
  Coherence: v,
  Clarity: v,
  'Breadth and Depth': v,
  'Reading Experience': v,
});

const INPUTS: LongBenchWriteScoredInput[] = [
  {
    length: 1000,
    response: words(1000),
    language: 'en',
    quality: { status: 'ok', scores: uniform(5) },
  },
  {
    length: 1000,
    response: words(500),
    language: 'en',
    quality: { status: 'ok', scores: uniform(3) },
  },
  {
    length: 100,
    response: '한국어 텍스트',
    language: 'zh',
    quality: { status: 'failed', reason: 'no JSON' },
  },
  // 6000 字: the LongWriter counter counts each ideograph once.
  { length: 5000, response: '字'.repeat(6000), language: 'zh' },
];

describe('aggregateLongBenchWrite', () => {
  const report = aggregateLongBenchWrite(INPUTS);

  it('names its counter and scores each item with S_l', () => {
    expect(report.counter).toBe('countWordsLongWriter');
    expect(report.items.map(i => i.responseLength)).toEqual([1000, 500, 0, 6000]);
    expect(report.items.map(i => i.lengthScore)).toEqual([100, 50, 0, 93.33333333333333]);
  });

  it('averages S_l overall and flags empty outputs', () => {
    expect(report.overall.n).toBe(4);
    expect(report.overall.lengthScore).toBe(60.83333333333333);
    expect(report.overall.emptyOutputs).toBe(1);
  });

  it('computes S_q over judged items, counts failures, and S = (S_l + S_q) / 2', () => {
    expect(report.overall.quality).toMatchObject({ n: 2, failures: 1, score: 75 });
    expect(report.overall.score).toBe((60.83333333333333 + 75) / 2);
  });

  it('groups by bucket and by language', () => {
    expect(Object.keys(report.byBucket)).toEqual(['[0,500)', '[500,2k)', '[4k,20k]']);
    expect(report.byBucket['[500,2k)']).toMatchObject({ n: 2, lengthScore: 75 });
    expect(report.byBucket['[0,500)']!.quality).toEqual({ n: 0, failures: 1 });
    expect(report.byBucket['[0,500)']!.score).toBeUndefined();
    // No judge ran on the [4k,20k] item: no S_q, no S.
    expect(report.byBucket['[4k,20k]']!.quality).toBeUndefined();
    expect(report.byLanguage.en).toMatchObject({ n: 2, lengthScore: 75, score: 75 });
    expect(report.byLanguage.zh).toMatchObject({ n: 2, lengthScore: 93.33333333333333 / 2 });
  });

  it('counts items above the top bucket', () => {
    const r = aggregateLongBenchWrite([{ length: 30000, response: words(30000) }]);
    expect(r.unbucketed).toBe(1);
    expect(r.byBucket).toEqual({});
    expect(r.overall.lengthScore).toBe(100);
  });

  it('rejects an empty input and invalid required lengths', () => {
    expect(() => aggregateLongBenchWrite([])).toThrow(/no LongBench-Write items/);
    expect(() => aggregateLongBenchWrite([{ length: 0, response: 'x' }])).toThrow(/required/);
  });
});
