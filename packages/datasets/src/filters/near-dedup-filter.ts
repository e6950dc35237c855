import { createLshIndex } from '../minhash/lsh-index';
import { createMinHasher } from '../minhash/minhash';
import type { SampleFilter } from './sample-filter';

export interface NearDedupSettings {
  field: 'instruction' | 'output';
  /** Estimated Jaccard similarity at or above which a sample is a near duplicate. */
  threshold: number;
  numPerm: number;
  shingleSize: number;
  seed: number;
  /** Override the LSH banding (defaults to the error-minimising choice for the threshold). */
  bands?: number;
  rows?: number;
}

/**
 * Near-duplicate removal with MinHash over word shingles and LSH banding. Streaming: each sample is
 * compared only with the LSH candidates among earlier kept samples, and the state is signatures
 * only. Deterministic for a given seed and input order.
 */
export function createNearDedupFilter(settings: NearDedupSettings): SampleFilter {
  const name = `near-dedup(${settings.field})`;
  const hasher = createMinHasher(settings);
  const index = createLshIndex({
    numPerm: settings.numPerm,
    threshold: settings.threshold,
    ...(settings.bands !== undefined &&
      settings.rows !== undefined && { params: { bands: settings.bands, rows: settings.rows } }),
  });
  return {
    name,
    check(sample) {
      const signature = hasher.signature(sample[settings.field]);
      const match = index.query(signature);
      if (match) {
        return {
          verdict: {
            filter: name,
            kept: false,
            reason: 'near-duplicate',
            detail: { duplicateOf: match.id, jaccard: match.jaccard },
          },
        };
      }
      return {
        verdict: { filter: name, kept: true },
        commit: () => index.insert(sample.id, signature),
      };
    },
  };
}
