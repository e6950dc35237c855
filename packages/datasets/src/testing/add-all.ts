import type { DatasetExporter } from '../exporter/create-dataset-exporter';

/** Test helper: adds `count` samples, 64 concurrent `add` calls at a time, as a generating run would. */
export async function addAll(
  exporter: DatasetExporter,
  count: number,
  make: (i: number) => unknown,
) {
  const concurrency = 64;
  for (let i = 0; i < count; i += concurrency) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + concurrency); j++) batch.push(exporter.add(make(j)));
    await Promise.all(batch);
  }
}
