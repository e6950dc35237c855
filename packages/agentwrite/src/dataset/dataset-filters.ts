import { basename, extname } from 'node:path';
import { type FilterConfigInput, readBenchmarkPrompts } from '@longform/datasets';
import type { ResolvedAgentWriteDatasetOptions } from './agent-write-dataset-settings';

/**
 * The exporter's filter chain for an AgentWrite dataset, in the order that names the most useful
 * drop reason first: contamination, then length, then S_l, then duplicates (dedup state holds only
 * kept samples, so a sample dropped earlier never shadows a later copy). Lengths are read with the
 * LongWriter counter, the one S_l is defined on. Benchmark files are read here, so a bad one fails
 * before any model call.
 */
export async function buildDatasetFilters(
  options: Pick<
    ResolvedAgentWriteDatasetOptions,
    'minWords' | 'maxWords' | 'minLengthScore' | 'dedup' | 'decontaminate'
  >,
): Promise<FilterConfigInput[]> {
  const filters: FilterConfigInput[] = [];
  if (options.decontaminate.length > 0) {
    const names = new Map<string, number>();
    const benchmarks: { name: string; prompts: string[] }[] = [];
    for (const file of options.decontaminate) {
      // Two files with the same base name stay apart in the verdicts.
      const base = basename(file, extname(file));
      const seen = names.get(base) ?? 0;
      names.set(base, seen + 1);
      const read = await readBenchmarkPrompts(file, {
        name: seen === 0 ? base : `${base}-${seen + 1}`,
      });
      benchmarks.push({ name: read.name, prompts: [...read.prompts] });
    }
    filters.push({ type: 'decontamination', benchmarks });
  }
  if (options.minWords !== undefined || options.maxWords !== undefined) {
    filters.push({
      type: 'length',
      counter: 'longwriter',
      ...(options.minWords !== undefined && { min: options.minWords }),
      ...(options.maxWords !== undefined && { max: options.maxWords }),
    });
  }
  if (options.minLengthScore > 0) {
    filters.push({ type: 'length-score', min: options.minLengthScore });
  }
  if (options.dedup !== 'none') filters.push({ type: 'exact-dedup' });
  if (options.dedup === 'near') filters.push({ type: 'near-dedup', field: 'output' });
  return filters;
}
