import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAll } from '../testing/add-all';
import { makeSample } from '../testing/make-sample';
import { pseudoWords } from '../testing/pseudo-words';
import { createDatasetExporter } from './create-dataset-exporter';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-streaming-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('streaming export', () => {
  it('exports 20k samples through every filter and format', async () => {
    const SAMPLES = 20_000;
    const dir = join(root, 'fast');
    const exporter = createDatasetExporter({
      dir,
      filters: [
        { type: 'length-score', min: 81 },
        { type: 'exact-dedup', fields: ['output'] },
        { type: 'near-dedup', field: 'output' },
      ],
    });
    // Sample 50k+49 repeats sample 50k+42 exactly; sample 50k+24 repeats 50k+19 with one word changed.
    const make = (i: number) => {
      const source = i % 50 === 49 ? i - 7 : i % 50 === 24 ? i - 5 : i;
      const text = pseudoWords(source, 120);
      if (i % 50 === 24) text[60] = 'edited';
      return makeSample(`s${i}`, {
        instruction: `Instruction ${i}`,
        output: text.join(' '),
        metadata: {
          lengths: { longwriter: 120, unicode: 120 + (i % 7) },
          lengthScore: 80 + (i % 20),
        },
      });
    };
    // A copy is a duplicate only if both it and its source pass the length-score filter (score 80 fails).
    let exactCopies = 0;
    let nearCopies = 0;
    for (let i = 0; i < SAMPLES; i++) {
      if (i % 50 === 49 && i % 20 !== 0 && (i - 7) % 20 !== 0) exactCopies++;
      if (i % 50 === 24 && i % 20 !== 0 && (i - 5) % 20 !== 0) nearCopies++;
    }
    const samples = Array.from({ length: SAMPLES }, (_, i) => make(i));
    const started = performance.now();
    const cpu = process.cpuUsage();
    await addAll(exporter, SAMPLES, i => samples[i]);
    const summary = await exporter.finish({ inputCount: SAMPLES });
    const used = process.cpuUsage(cpu);
    console.info(
      `streaming: ${SAMPLES} samples in ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
    );

    expect(summary.counts.generated).toBe(SAMPLES);
    expect(summary.counts.kept + summary.counts.dropped).toBe(SAMPLES);
    const byReason = Object.fromEntries(
      summary.counts.droppedByReason.map(r => [r.reason, r.count]),
    );
    expect(byReason['low-length-score']).toBe(SAMPLES / 20);
    expect(byReason['exact-duplicate']).toBe(exactCopies);
    // One changed word leaves Jaccard ≈ 0.92, where LSH banding finds ~97 % of pairs.
    expect(byReason['near-duplicate']).toBeGreaterThanOrEqual(Math.floor(0.9 * nearCopies));
    expect(byReason['near-duplicate']).toBeLessThanOrEqual(nearCopies);
    const openai = await readFile(join(dir, 'openai.jsonl'), 'utf8');
    expect(openai.split('\n').length - 1).toBe(summary.counts.kept);
  });
});
