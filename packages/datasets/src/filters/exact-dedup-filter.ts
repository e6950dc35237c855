import type { SftSample } from '../sample/sft-sample';
import { contentHash } from '../text/hash';
import { normalizeForDedup } from '../text/normalize-for-dedup';
import type { SampleFilter } from './sample-filter';

export type DedupField = 'system' | 'instruction' | 'output';

/** The dedup key of a sample: the normalised chosen fields, separated so fields cannot run together. */
export function exactDedupKey(sample: SftSample, fields: readonly DedupField[]): string {
  return contentHash(fields.map(field => normalizeForDedup(sample[field] ?? '')).join('\u0000'));
}

/**
 * Drops a sample whose normalised `fields` equal those of an earlier kept sample. State: one
 * 128-bit hash and one id per kept sample.
 */
export function createExactDedupFilter({
  fields,
}: {
  fields: readonly DedupField[];
}): SampleFilter {
  const name = `exact-dedup(${fields.join('+')})`;
  const seen = new Map<string, string>();
  return {
    name,
    check(sample) {
      const key = exactDedupKey(sample, fields);
      const first = seen.get(key);
      if (first !== undefined) {
        return {
          verdict: {
            filter: name,
            kept: false,
            reason: 'exact-duplicate',
            detail: { duplicateOf: first },
          },
        };
      }
      return { verdict: { filter: name, kept: true }, commit: () => void seen.set(key, sample.id) };
    },
  };
}
