import { QUALITY_DIMENSIONS, type QualityScores } from './quality-dimensions';

export type QualityAggregate = {
  /** Items with a valid judgement. */
  n: number;
  /** Items whose judge output could not be parsed; counted, never silently dropped. */
  failures: number;
  /** Per dimension `(mean − 1) × 25`, 0–100; absent when no item was judged. */
  dimensions?: QualityScores;
  /** S_q, the mean of the six dimension scores; absent when no item was judged. */
  score?: number;
};

/**
 * LongBench-Write S_q aggregation [PARITY]: for each dimension `(mean over items − 1) × 25`, then the
 * mean of the six. Scores are integers, so the sums are exact and the order of addition is moot.
 */
export function aggregateQuality(
  judgements: readonly QualityScores[],
  failures = 0,
): QualityAggregate {
  if (judgements.length === 0) return { n: 0, failures };
  const dimensions = {} as QualityScores;
  let total = 0;
  for (const key of QUALITY_DIMENSIONS) {
    let sum = 0;
    for (const judgement of judgements) sum += judgement[key];
    const value = (sum / judgements.length - 1) * 25;
    dimensions[key] = value;
    total += value;
  }
  return { n: judgements.length, failures, dimensions, score: total / QUALITY_DIMENSIONS.length };
}
