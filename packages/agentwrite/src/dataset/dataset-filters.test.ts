import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { parseFilterConfigs } from '@longform/datasets';
import { describe, expect, it } from 'vitest';
import { parseAgentWriteDatasetOptions } from './agent-write-dataset-settings';
import { buildDatasetFilters } from './dataset-filters';

const options = (extra: Record<string, unknown> = {}) =>
  parseAgentWriteDatasetOptions({ instructions: 'in.jsonl', out: 'out', ...extra });

describe('buildDatasetFilters', () => {
  it('defaults to S_l ≥ 80 and exact + near dedup', async () => {
    const filters = parseFilterConfigs(await buildDatasetFilters(options()));
    expect(filters.map(f => f.type)).toEqual(['length-score', 'exact-dedup', 'near-dedup']);
    expect(filters[0]).toEqual({ type: 'length-score', min: 80 });
  });

  it('maps every flag, benchmark files first; 0 and none switch filters off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aw-filters-'));
    try {
      const bench = join(dir, 'longbench_write.jsonl');
      await writeFile(bench, '{"prompt": "Write a 5000-word story about a lighthouse keeper."}\n');
      const filters = parseFilterConfigs(
        await buildDatasetFilters(
          options({
            minWords: 100,
            maxWords: 5000,
            minLengthScore: 0,
            dedup: 'exact',
            decontaminate: [bench, bench],
          }),
        ),
      );
      expect(filters.map(f => f.type)).toEqual(['decontamination', 'length', 'exact-dedup']);
      const decontamination = filters[0] as Extract<
        (typeof filters)[0],
        { type: 'decontamination' }
      >;
      expect(decontamination.benchmarks.map(b => b.name)).toEqual([
        'longbench_write',
        'longbench_write-2',
      ]);
      expect(filters[1]).toEqual({ type: 'length', counter: 'longwriter', min: 100, max: 5000 });
      expect(
        (await buildDatasetFilters(options({ minLengthScore: 0, dedup: 'none' }))).length,
      ).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the bad field or file', async () => {
    expect(() => options({ minWords: 10, maxWords: 5 })).toThrow(/field "minWords"/);
    expect(() => options({ dedup: 'fuzzy' })).toThrow(/field "dedup"/);
    expect(() => options({ writer: { mode: 'wild' } })).toThrow(/field "writer\.mode"/);
    const error = await buildDatasetFilters(
      options({ decontaminate: ['/nonexistent/bench.jsonl'] }),
    ).catch(e => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/bench\.jsonl/);
  });
});
