/** The four reporting buckets of LongBench-Write, by required length. */
export const LONG_BENCH_WRITE_BUCKETS = ['[0,500)', '[500,2k)', '[2k,4k)', '[4k,20k]'] as const;

export type LengthBucket = (typeof LONG_BENCH_WRITE_BUCKETS)[number];

/**
 * Bucket of a required length. The paper writes the top bucket as [4k, 20k); the 20,000-length rows
 * belong in it, so it is closed here. Lengths above 20,000 (LongWrite-Ruler's 30,000 prompts) lie
 * beyond every bucket and return `undefined`.
 */
export function lengthBucket(required: number): LengthBucket | undefined {
  if (!Number.isFinite(required) || required < 0) return undefined;
  if (required < 500) return '[0,500)';
  if (required < 2000) return '[500,2k)';
  if (required < 4000) return '[2k,4k)';
  if (required <= 20000) return '[4k,20k]';
  return undefined;
}
