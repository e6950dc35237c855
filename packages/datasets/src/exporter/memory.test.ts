import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAll } from '../testing/add-all';
import { makeSample } from '../testing/make-sample';
import { pseudoWords } from '../testing/pseudo-words';
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
        output: pseudoWords(i, TEXT_WORDS).join(' '),
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
