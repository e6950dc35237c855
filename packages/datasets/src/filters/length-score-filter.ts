import { InvalidInputError } from '@longform/core';
import type { FilterVerdict } from '../sample/filter-verdict';
import type { SftSample } from '../sample/sft-sample';
import type { SampleFilter } from './sample-filter';

/**
 * Pure threshold on the length score the caller computed (e.g. S_l): keep iff score ≥ `min`. This
 * package deliberately does not compute scores, so it never depends on `@longform/eval`.
 */
export function checkLengthScore(sample: SftSample, { min }: { min: number }): FilterVerdict {
  const score = sample.metadata.lengthScore;
  if (score === undefined) {
    throw new InvalidInputError({
      message: `sample "${sample.id}" has no length score, but the length-score filter is on`,
      field: 'metadata.lengthScore',
    });
  }
  const detail = { score, min };
  return score >= min
    ? { filter: 'length-score', kept: true, detail }
    : { filter: 'length-score', kept: false, reason: 'low-length-score', detail };
}

export function createLengthScoreFilter(settings: { min: number }): SampleFilter {
  return {
    name: 'length-score',
    check: sample => ({ verdict: checkLengthScore(sample, settings) }),
  };
}
