import { InvalidInputError, type LengthCounterName } from '@longform/core';
import type { FilterVerdict } from '../sample/filter-verdict';
import type { SftSample } from '../sample/sft-sample';
import type { SampleFilter } from './sample-filter';

export interface LengthBounds {
  /** Name of the counter in `metadata.lengths` (counters are never mixed). */
  counter: LengthCounterName;
  min?: number;
  max?: number;
}

/**
 * Pure min/max length predicate on the length the producer recorded under `counter`. A sample
 * without that counter is an input error, not a drop: silently dropping it would hide a producer bug.
 */
export function checkLength(sample: SftSample, { counter, min, max }: LengthBounds): FilterVerdict {
  const filter = `length(${counter})`;
  const length = sample.metadata.lengths[counter];
  if (length === undefined) {
    throw new InvalidInputError({
      message: `sample "${sample.id}" has no length for counter "${counter}" (has: ${Object.keys(sample.metadata.lengths).join(', ') || 'none'})`,
      field: `metadata.lengths.${counter}`,
    });
  }
  const detail = {
    counter,
    length,
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
  };
  if (min !== undefined && length < min)
    return { filter, kept: false, reason: 'too-short', detail };
  if (max !== undefined && length > max) return { filter, kept: false, reason: 'too-long', detail };
  return { filter, kept: true, detail };
}

export function createLengthFilter(bounds: LengthBounds): SampleFilter {
  return {
    name: `length(${bounds.counter})`,
    check: sample => ({ verdict: checkLength(sample, bounds) }),
  };
}
