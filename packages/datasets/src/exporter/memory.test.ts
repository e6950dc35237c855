import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSample } from '../testing/make-sample';
import { createDatasetExporter } from './create-dataset-exporter';

// Its own test file, so no other test's garbage shares the heap being measured.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-memory-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Heap plus array buffers after full collections; buffers are released a tick after the GC. */
async function settledMemory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise(resolve => setImmediate(resolve));
  }
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

function words(seed: number, count: number): string[] {
  const out: string[] = [];
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let w = 0; w < count; w++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.push(`t${(state >>> 0) % 50_000}`);
  }
  return out;
}

async function addAll(
  exporter: ReturnType<typeof createDatasetExporter>,
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

describe('exporter memory', () => {
  it('keeps hashes and signatures in memory, never the texts', async () => {
    const SAMPLES = 2_000;
    const TEXT_WORDS = 2_000;
    const dir = join(root, 'memory');
    const exporter = createDatasetExporter({
      dir,
      formats: ['metadata'],
      card: false,
      filters: [
        { type: 'exact-dedup', fields: ['output'] },
        { type: 'near-dedup', field: 'output' },
      ],
    });
    await exporter.open();
    const before = await settledMemory();
    await addAll(exporter, SAMPLES, i =>
      makeSample(`m${i}`, {
        output: words(i, TEXT_WORDS).join(' '),
        metadata: { lengths: { unicode: TEXT_WORDS } },
      }),
    );
    const growth = (await settledMemory()) - before;
    await exporter.finish();
    const journalBytes = (await stat(exporter.journalPath)).size;
    console.info(
      `memory: +${(growth / 1e6).toFixed(1)} MB after journalling ${(journalBytes / 1e6).toFixed(0)} MB (${(growth / SAMPLES).toFixed(0)} bytes/sample)`,
    );
    // ~12 KB of text per sample went to the journal; about 1 KB per sample may stay behind.
    expect(journalBytes / SAMPLES).toBeGreaterThan(11_000);
    // The retained state is real (signatures, LSH slots), so a working measurement sees growth.
    expect(growth).toBeGreaterThan(0);
    expect(growth / SAMPLES).toBeLessThan(2_048);
  });
});
