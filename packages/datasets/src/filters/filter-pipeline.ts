import type { FilterVerdict } from '../sample/filter-verdict';
import type { SftSample } from '../sample/sft-sample';
import type { FilterCheck, SampleFilter } from './sample-filter';

export interface PipelineResult {
  kept: boolean;
  /** Reason code of the first filter that dropped the sample. */
  reason?: string;
  /** Label of the first filter that dropped the sample. */
  filter?: string;
  /** Verdicts of the filters evaluated, in order, up to and including the first drop. */
  verdicts: FilterVerdict[];
}

export interface FilterPipeline {
  evaluate(sample: SftSample): PipelineResult;
}

/**
 * Runs filters in the given order and stops at the first drop, so cheap predicates placed first
 * spare the costly ones. Stateful filters are committed only when the sample is kept by all.
 */
export function createFilterPipeline(filters: readonly SampleFilter[]): FilterPipeline {
  return {
    evaluate(sample) {
      const verdicts: FilterVerdict[] = [];
      const checks: FilterCheck[] = [];
      for (const filter of filters) {
        const check = filter.check(sample);
        verdicts.push(check.verdict);
        if (!check.verdict.kept) {
          return {
            kept: false,
            reason: check.verdict.reason,
            filter: check.verdict.filter,
            verdicts,
          };
        }
        checks.push(check);
      }
      for (const check of checks) check.commit?.();
      return { kept: true, verdicts };
    },
  };
}
