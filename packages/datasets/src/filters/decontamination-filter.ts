import type { FilterVerdict } from '../sample/filter-verdict';
import type { SftSample } from '../sample/sft-sample';
import { tokenizeForDedup } from '../text/tokenize-for-dedup';
import type { SampleFilter } from './sample-filter';

export interface BenchmarkPrompts {
  /** e.g. `longbench-write`, `longen`. */
  name: string;
  prompts: readonly string[];
}

export interface DecontaminationSettings {
  benchmarks: readonly BenchmarkPrompts[];
  field: 'instruction' | 'output';
  /** n-gram size in dedup tokens (words; single CJK characters). */
  n: number;
  /** Overlap coefficient at or above which the sample counts as contaminated. */
  threshold: number;
}

interface PromptRef {
  benchmark: string;
  index: number;
  grams: number;
}

function nGrams(tokens: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) grams.add(tokens.slice(i, i + n).join(' '));
  return grams;
}

/**
 * Decontamination by n-gram overlap against benchmark prompts (LongBench-Write, LonGen, …). The
 * overlap with one prompt is shared n-grams / min(n-grams of prompt, n-grams of sample), so both a
 * sample that contains a benchmark prompt and one that is contained in it are caught. A prompt
 * shorter than n tokens matches when its whole token sequence occurs in the sample.
 */
export function createDecontaminationFilter(settings: DecontaminationSettings): SampleFilter {
  const { n, threshold, field } = settings;
  const name = `decontamination(${field})`;
  const index = new Map<string, PromptRef[]>();
  const shortPrompts: Array<{ ref: PromptRef; joined: string }> = [];
  for (const benchmark of settings.benchmarks) {
    benchmark.prompts.forEach((prompt, promptIndex) => {
      const tokens = tokenizeForDedup(prompt);
      if (tokens.length === 0) return;
      if (tokens.length < n) {
        shortPrompts.push({
          ref: { benchmark: benchmark.name, index: promptIndex, grams: 1 },
          joined: ` ${tokens.join(' ')} `,
        });
        return;
      }
      const grams = nGrams(tokens, n);
      const ref = { benchmark: benchmark.name, index: promptIndex, grams: grams.size };
      for (const gram of grams) {
        const refs = index.get(gram);
        if (refs) refs.push(ref);
        else index.set(gram, [ref]);
      }
    });
  }

  const check = (sample: SftSample): FilterVerdict => {
    const tokens = tokenizeForDedup(sample[field]);
    const grams = nGrams(tokens, n);
    const hits = new Map<PromptRef, number>();
    for (const gram of grams) {
      for (const ref of index.get(gram) ?? []) hits.set(ref, (hits.get(ref) ?? 0) + 1);
    }
    let worst: { ref: PromptRef; overlap: number } | undefined;
    for (const [ref, count] of hits) {
      const overlap = count / Math.min(ref.grams, grams.size);
      if (!worst || overlap > worst.overlap) worst = { ref, overlap };
    }
    if (shortPrompts.length > 0 && (!worst || worst.overlap < threshold)) {
      const joined = ` ${tokens.join(' ')} `;
      const hit = shortPrompts.find(prompt => joined.includes(prompt.joined));
      if (hit) worst = { ref: hit.ref, overlap: 1 };
    }
    if (worst && worst.overlap >= threshold) {
      return {
        filter: name,
        kept: false,
        reason: 'contaminated',
        detail: {
          benchmark: worst.ref.benchmark,
          promptIndex: worst.ref.index,
          overlap: worst.overlap,
        },
      };
    }
    return { filter: name, kept: true };
  };

  return { name, check: sample => ({ verdict: check(sample) }) };
}
