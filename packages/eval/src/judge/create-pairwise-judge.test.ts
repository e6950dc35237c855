import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createScheduler,
  openRun,
  type ResolvedModel,
  type Run,
  resolveModel,
} from '@longform/core';
import { createSim, formatQualityTag, startSimServer } from '@longform/sim';
import { MockLanguageModelV4 } from 'ai/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alpacaAnnotationSchema } from './alpaca-annotation';
import { createPairwiseJudge, type PairwiseJudgeInput } from './create-pairwise-judge';
import { isSwapped } from './position-swap';
import { writeAnnotations } from './write-annotations';

let dir: string;
let run: Run;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pairwise-judge-'));
  run = await openRun({ dir: join(dir, 'run'), command: 'eval judge', config: { test: true } });
});
afterEach(async () => {
  await run.close();
  await rm(dir, { recursive: true, force: true });
});

const pairs = (n: number, qBaseline: number, qModel: number): PairwiseJudgeInput[] =>
  Array.from({ length: n }, (_, i) => ({
    instruction: `Explain topic number ${i}.`,
    output_1: `${formatQualityTag(qBaseline)}\nBaseline answer ${i} with some words.`,
    generator_1: 'baseline',
    output_2: `${formatQualityTag(qModel)}\nModel answer ${i} with some other words.`,
    generator_2: 'model',
  }));

type CallOptions = Parameters<MockLanguageModelV4['doGenerate']>[0];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;

function mockModel(doGenerate: (options: CallOptions) => Promise<GenerateResult>): ResolvedModel {
  return {
    spec: 'mock:judge',
    provider: 'openai-compatible',
    modelId: 'judge',
    languageModel: new MockLanguageModelV4({ doGenerate }),
    capabilities: { structuredOutput: false, logprobs: true, prefill: false },
  } as ResolvedModel;
}

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

describe('createPairwiseJudge with the simulator', () => {
  it('prefers the better output in both positions, from logprobs, and resumes from the journal', async () => {
    const sim = createSim({ seed: 3 });
    const model = resolveModel('sim', { simProvider: sim });
    const scheduler = createScheduler({ concurrency: 4 });
    const inputs = pairs(24, 0.1, 0.95);
    const judge = createPairwiseJudge({ model, scheduler, run, seed: 7 });
    const { annotations, summary } = await judge.annotateAll(inputs);

    expect(summary).toMatchObject({ n: 24, logprobs: 24, failed: 0, fromJournal: 0 });
    const swaps = annotations.map(a => a.is_swapped);
    expect(swaps).toEqual(inputs.map(i => isSwapped(7, i.instruction)));
    expect(swaps.some(Boolean) && swaps.some(s => !s)).toBe(true);
    // Quality 0.95 vs 0.1 dominates the simulated judge, whichever side it was shown on.
    for (const a of annotations) {
      expect(a.preference).toBeGreaterThan(1.9);
      expect(a.preference).toBeLessThanOrEqual(2);
      expect(a.raw_completion).toMatch(/^[mM]$/);
      expect(alpacaAnnotationSchema.parse(a)).toEqual(a);
    }
    // The raw answer is in presented order: the model's output is "M" unless swapped.
    for (const a of annotations) expect(a.raw_completion).toBe(a.is_swapped ? 'm' : 'M');

    expect(sim.stats().requests).toBe(24);
    const again = createPairwiseJudge({ model, scheduler, run, seed: 7 });
    const resumed = await again.annotateAll(inputs);
    expect(resumed.summary).toMatchObject({ fromJournal: 24, logprobs: 24 });
    expect(resumed.annotations).toEqual(annotations);
    expect(sim.stats().requests).toBe(24);
  });

  it('gets the same logprob-weighted preferences over HTTP from startSimServer', async () => {
    const server = await startSimServer({ seed: 3 });
    try {
      // `openai:` goes through @ai-sdk/openai's chat model, which asks for `top_logprobs` and
      // returns `choices[0].logprobs.content` as `providerMetadata.openai.logprobs`.
      const http = resolveModel('openai:sim', {
        baseURL: server.url,
        env: { OPENAI_API_KEY: 'unused' },
      });
      expect(http.capabilities.logprobs).toBe(true);
      const inputs = pairs(6, 0.3, 0.7);
      const { annotations, summary } = await createPairwiseJudge({
        model: http,
        scheduler: createScheduler({ concurrency: 2 }),
        run,
        seed: 7,
      }).annotateAll(inputs);
      expect(summary).toMatchObject({ n: 6, logprobs: 6, failed: 0 });
      expect(server.stats().requests).toBe(6);
      // Weighted, not discrete: a close pair's preference lies strictly between 1 and 2.
      expect(annotations.some(a => a.preference! > 1 && a.preference! < 2)).toBe(true);

      const inProcess = resolveModel('sim', { simProvider: createSim({ seed: 3 }) });
      const other = await openRun({ dir: join(dir, 'in-process'), command: 'test', config: {} });
      try {
        const local = await createPairwiseJudge({
          model: inProcess,
          scheduler: createScheduler(),
          run: other,
          seed: 7,
        }).annotateAll(inputs);
        annotations.forEach((a, i) => {
          expect(a.preference).toBeCloseTo(local.annotations[i]!.preference!, 12);
        });
      } finally {
        await other.close();
      }

      const resumed = await createPairwiseJudge({
        model: http,
        scheduler: createScheduler(),
        run,
        seed: 7,
      }).annotateAll(inputs);
      expect(resumed.summary).toMatchObject({ fromJournal: 6, logprobs: 6 });
      expect(resumed.annotations).toEqual(annotations);
      expect(server.stats().requests).toBe(6);
    } finally {
      await server.close();
    }
  });

  it('gives 1.5 to identical outputs without calling the judge', async () => {
    const model = resolveModel('sim', { simProvider: createSim({ seed: 1 }) });
    const judge = createPairwiseJudge({ model, scheduler: createScheduler(), run });
    const same = {
      instruction: 'Say hi.',
      output_1: 'Hi!',
      generator_1: 'a',
      output_2: 'Hi!',
      generator_2: 'b',
    };
    const { annotations, summary } = await judge.annotateAll([same]);
    expect(annotations[0]).toMatchObject({
      preference: 1.5,
      preference_source: 'identical',
      raw_completion: null,
    });
    expect(summary.identical).toBe(1);
    expect(run.journal.count).toBe(0);
  });

  it('writes annotations.json atomically in AlpacaEval format', async () => {
    const model = resolveModel('sim', { simProvider: createSim({ seed: 2 }) });
    const judge = createPairwiseJudge({
      model,
      scheduler: createScheduler(),
      run,
      annotator: 'my_judge',
    });
    const { annotations } = await judge.annotateAll(pairs(3, 0.5, 0.5));
    const file = await writeAnnotations(join(dir, 'out', 'annotations.json'), annotations);
    const json = JSON.parse(await readFile(file, 'utf8')) as unknown[];
    expect(json).toHaveLength(3);
    for (const row of json) {
      const a = alpacaAnnotationSchema.parse(row);
      expect(Object.keys(row as object).slice(0, 7)).toEqual([
        'instruction',
        'output_1',
        'generator_1',
        'output_2',
        'generator_2',
        'annotator',
        'preference',
      ]);
      expect(a.annotator).toBe('my_judge');
      expect(a.preference).toBeGreaterThanOrEqual(1);
      expect(a.preference).toBeLessThanOrEqual(2);
    }
  });
});

describe('createPairwiseJudge with a mock model', () => {
  const one: PairwiseJudgeInput = {
    instruction: 'Q',
    output_1: 'A',
    generator_1: 'base',
    output_2: 'B',
    generator_2: 'model',
  };

  it('computes 2 − P(m)/(P(m)+P(M)) from OpenAI-shaped logprobs and undoes the swap', async () => {
    const model = mockModel(async () => ({
      content: [{ type: 'text', text: 'm' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
      providerMetadata: {
        openai: {
          logprobs: [
            {
              token: 'm',
              logprob: Math.log(0.75),
              top_logprobs: [
                { token: 'm', logprob: Math.log(0.75) },
                { token: 'M', logprob: Math.log(0.25) },
              ],
            },
          ],
        },
      },
    }));
    const seed = [0, 1, 2, 3, 4, 5].find(s => isSwapped(s, 'Q') === false)!;
    const straight = await createPairwiseJudge({
      model,
      scheduler: createScheduler(),
      run,
      seed,
    }).annotate(one);
    expect(straight.preference).toBeCloseTo(1.25, 14);
    expect(straight.preference_source).toBe('logprobs');
    const swappedSeed = [0, 1, 2, 3, 4, 5].find(s => isSwapped(s, 'Q') === true)!;
    const swapped = await createPairwiseJudge({
      model,
      scheduler: createScheduler(),
      run,
      seed: swappedSeed,
    }).annotate(one);
    expect(swapped.preference).toBeCloseTo(1.75, 14);
    expect(swapped.is_swapped).toBe(true);
  });

  it('reads the logprob preference back from the journaled provider metadata, with no call', async () => {
    let calls = 0;
    const logprobs = [
      {
        token: 'M',
        logprob: Math.log(0.6),
        top_logprobs: [
          { token: 'M', logprob: Math.log(0.6) },
          { token: 'm', logprob: Math.log(0.4) },
        ],
      },
    ];
    const model = mockModel(async () => {
      calls++;
      return {
        content: [{ type: 'text', text: 'M' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
        providerMetadata: { openai: { logprobs } },
      };
    });
    const first = await createPairwiseJudge({ model, scheduler: createScheduler(), run }).annotate(
      one,
    );
    expect(calls).toBe(1);
    expect(first.preference_source).toBe('logprobs');
    expect(first.preference).toBeCloseTo(isSwapped(0, 'Q') ? 1.4 : 1.6, 14);
    const entries = [];
    for await (const entry of run.journal.entries()) entries.push(entry);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      stage: 'pairwise-judge',
      data: { text: 'M', providerMetadata: { openai: { logprobs } } },
    });

    const broken = mockModel(async () => {
      throw new Error('the journal should have answered');
    });
    const resumed = await createPairwiseJudge({
      model: broken,
      scheduler: createScheduler(),
      run,
    }).annotateAll([one]);
    expect(resumed.summary).toMatchObject({ fromJournal: 1, logprobs: 1, failed: 0 });
    expect(resumed.annotations[0]).toEqual(first);
  });

  it('asks for logprobs only when the model supports them, and falls back to the discrete answer', async () => {
    const calls: unknown[] = [];
    const model = mockModel(async options => {
      calls.push(options.providerOptions);
      return {
        content: [{ type: 'text', text: 'M' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      };
    });
    const noLogprobs = { ...model, capabilities: { ...model.capabilities, logprobs: false } };
    const judge = createPairwiseJudge({
      model: noLogprobs,
      scheduler: createScheduler(),
      run,
      seed: 0,
    });
    const a = await judge.annotate(one);
    expect(calls[0]).toBeUndefined();
    expect(a.preference_source).toBe('discrete');
    expect(a.preference).toBe(isSwapped(0, 'Q') ? 1 : 2);
  });

  it('counts an unparseable answer as a failure with the raw text, never dropping the row', async () => {
    let n = 0;
    const model = mockModel(async () => ({
      content: [{ type: 'text', text: n++ === 0 ? 'Model M is better' : 'm' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }));
    const judge = createPairwiseJudge({
      model: { ...model, capabilities: { ...model.capabilities, logprobs: false } },
      scheduler: createScheduler({ concurrency: 1 }),
      run,
    });
    const { annotations, summary } = await judge.annotateAll([one, { ...one, instruction: 'Q2' }]);
    expect(summary.failed).toBe(1);
    expect(annotations[0]).toMatchObject({
      preference: null,
      preference_source: 'failed',
      raw_completion: 'Model M is better',
    });
    expect(annotations[0]!.error).toMatch(/expected exactly "m" or "M"/);
    expect(annotations[1]!.preference).not.toBeNull();
  });

  it('throws when every judge call fails (a configuration problem, not a flaky item)', async () => {
    const model = mockModel(async () => {
      throw new Error('connection refused');
    });
    const judge = createPairwiseJudge({
      model,
      scheduler: createScheduler({ maxRetries: 0 }),
      run,
    });
    await expect(judge.annotateAll([one])).rejects.toThrow('connection refused');
  });

  it('rejects invalid options naming the field', () => {
    const model = mockModel(async () => {
      throw new Error('unused');
    });
    expect(() =>
      createPairwiseJudge({ model, scheduler: createScheduler(), run, topLogprobs: 50 }),
    ).toThrow(/field "topLogprobs"/);
  });
});
