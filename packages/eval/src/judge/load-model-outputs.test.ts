import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTopLogprobs } from './extract-top-logprobs';
import { loadModelOutputs } from './load-model-outputs';
import { pairModelOutputs } from './pair-model-outputs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-outputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rows = [
  { instruction: 'a', output: 'A1', generator: 'g', dataset: 'helpful_base' },
  { instruction: 'b', output: 'B1', generator: 'g' },
];

describe('loadModelOutputs', () => {
  it('reads a model_outputs.json array and the same rows as JSONL', async () => {
    await writeFile(join(dir, 'out.json'), JSON.stringify(rows, null, 2));
    await writeFile(join(dir, 'out.jsonl'), rows.map(r => JSON.stringify(r)).join('\n'));
    expect(await loadModelOutputs(join(dir, 'out.json'))).toEqual(rows);
    expect(await loadModelOutputs(join(dir, 'out.jsonl'))).toEqual(rows);
  });

  it('names the entry or line of a bad row', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify([rows[0], { instruction: 'x', output: 3, generator: 'g' }]),
    );
    await expect(loadModelOutputs(join(dir, 'bad.json'))).rejects.toThrow(
      /bad\.json, field "output": entry 1/,
    );
    await writeFile(join(dir, 'bad.jsonl'), `${JSON.stringify(rows[0])}\n{"instruction": "x"}\n`);
    await expect(loadModelOutputs(join(dir, 'bad.jsonl'))).rejects.toThrow(
      /bad\.jsonl, line 2, field "output"/,
    );
  });
});

describe('pairModelOutputs', () => {
  it('pairs by instruction in model order, with the baseline as output_1', () => {
    const baseline = [
      { instruction: 'b', output: 'B0', generator: 'base' },
      { instruction: 'a', output: 'A0', generator: 'base' },
    ];
    expect(pairModelOutputs({ baseline, model: rows })).toEqual([
      {
        instruction: 'a',
        output_1: 'A0',
        generator_1: 'base',
        output_2: 'A1',
        generator_2: 'g',
        dataset: 'helpful_base',
      },
      { instruction: 'b', output_1: 'B0', generator_1: 'base', output_2: 'B1', generator_2: 'g' },
    ]);
  });

  it('rejects duplicate instructions', () => {
    expect(() =>
      pairModelOutputs({ baseline: [...rows, rows[0]!], model: rows, baselineFile: 'b.json' }),
    ).toThrow(/b\.json, field "instruction": entry 2: duplicate instruction "a"/);
  });
});

describe('extractTopLogprobs', () => {
  it('reads the first token alternatives from any provider namespace', () => {
    const logprobs = [
      {
        token: 'm',
        logprob: -0.1,
        top_logprobs: [
          { token: 'm', logprob: -0.1, bytes: [109] },
          { token: 'M', logprob: -2.4 },
        ],
      },
      { token: 'x', logprob: -1, top_logprobs: [] },
    ];
    expect(extractTopLogprobs({ openai: { logprobs } })).toEqual([
      { token: 'm', logprob: -0.1 },
      { token: 'M', logprob: -2.4 },
    ]);
    expect(extractTopLogprobs({ other: {}, sim: { logprobs } })).toHaveLength(2);
  });

  it('returns undefined without logprobs', () => {
    expect(extractTopLogprobs(undefined)).toBeUndefined();
    expect(extractTopLogprobs({ openai: { acceptedPredictionTokens: 1 } })).toBeUndefined();
    expect(
      extractTopLogprobs({ openai: { logprobs: [{ token: 'm', logprob: -1 }] } }),
    ).toBeUndefined();
  });
});
