import type { FilterVerdict } from '../sample/filter-verdict';
import type { SftSample } from '../sample/sft-sample';

export interface FilterCheck {
  verdict: FilterVerdict;
  /**
   * Records the sample in the filter's state (dedup sets, LSH index). The pipeline calls it only
   * when every filter kept the sample, so dropped samples never shadow later ones.
   */
  commit?: () => void;
}

/**
 * A composable filter. Stateless filters are pure predicates; stateful ones (dedup) keep only
 * hashes or signatures, never texts, and change state only through `commit`.
 */
export interface SampleFilter {
  /** Label used in verdicts and cards, e.g. `length(longwriter)` or `near-dedup(output)`. */
  readonly name: string;
  check(sample: SftSample): FilterCheck;
}
