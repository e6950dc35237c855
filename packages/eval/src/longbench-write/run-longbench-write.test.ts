import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countWordsLongWriter,
  createScheduler,
  openRun,
  type ResolvedModel,
  type Run,
  resolveModel,
} from '@longform/core';
import { createSim } from '@longform/sim';
import { MockLanguageModelV4 } from 'ai/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LongBenchWriteRunItem, runLongBenchWrite } from './run-longbench-write';

let dir: string;
let run: Run;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lbw-run-'));
  run = await openRun({
    dir: join(dir, 'run'),
    command: 'eval longbench-write',
    config: { test: true },
  });
});
afterEach(async () => {
  await run.close();
  await rm(dir, { recursive: true, force: true });
});

const ITEMS: LongBenchWriteRunItem[] = [
  {
    prompt: 'Write a 150-word note about tides.',
    type: 'Popular Science',
    length: 150,
    language: 'en',
  },
  {
    prompt: 'Write a 600-word story about a lighthouse keeper.',
    type: 'Literature',
    length: 600,
    language: 'en',
  },
  { prompt: '写一篇300字的短文，介绍长城。', type: 'Popular Science', length: 300, language: 'zh' },
];

function judgeReturning(texts: string[]): ResolvedModel & { calls: () => number } {
  let n = 0;
  const languageModel = new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: 'text', text: texts[Math.min(n++, texts.length - 1)]! }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 20, text: 20, reasoning: undefined },
      },
      warnings: [],
    }),
    doStream: async () => {
      const text = texts[Math.min(n++, texts.length - 1)]!;
      return {
        stream: new ReadableStream({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            controller.enqueue({ type: 'text-start', id: '1' });
            controller.enqueue({ type: 'text-delta', id: '1', delta: text });
            controller.enqueue({ type: 'text-end', id: '1' });
            controller.enqueue({
              type: 'finish',
              finishReason: { unified: 'stop', raw: 'stop' },
              usage: {
                inputTokens: {
                  total: 100,
                  noCache: 100,
                  cacheRead: undefined,
                  cacheWrite: undefined,
                },
                outputTokens: { total: 20, text: 20, reasoning: undefined },
              },
            });
            controller.close();
          },
        }),
      };
    },
  });
  return {
    spec: 'mock:judge',
    provider: 'openai-compatible',
    modelId: 'judge',
    languageModel,
    capabilities: { structuredOutput: false, logprobs: false, prefill: false },
    calls: () => n,
  } as ResolvedModel & { calls: () => number };
}

describe('runLongBenchWrite', () => {
  it('generates, judges and scores with the simulator, then resumes from the journal', async () => {
    const sim = createSim({ seed: 11, quality: 0.8 });
    const model = resolveModel('sim', { simProvider: sim });
    const judge = resolveModel('sim', { simProvider: sim });
    const scheduler = createScheduler({ concurrency: 3 });
    const result = await runLongBenchWrite({
      run,
      scheduler,
      items: ITEMS,
      model,
      judgeModel: judge,
    });

    expect(result.generationFailures).toEqual([]);
    expect(result.predictions).toHaveLength(3);
    for (const p of result.predictions)
      expect(p.response_length).toBe(countWordsLongWriter(p.response));
    // The compliant profile writes what was asked, so S_l is high.
    expect(result.report.overall.lengthScore).toBeGreaterThan(85);
    expect(result.report.counter).toBe('countWordsLongWriter');
    // Hidden quality 0.8 → scores around 1 + 4·0.8 ≈ 4 per dimension → S_q around 75.
    expect(result.report.overall.quality).toMatchObject({ n: 3, failures: 0 });
    expect(result.report.overall.quality!.score).toBeGreaterThan(55);
    expect(result.report.overall.quality!.score).toBeLessThan(95);
    expect(result.report.overall.score).toBeCloseTo(
      (result.report.overall.lengthScore + result.report.overall.quality!.score!) / 2,
      12,
    );
    expect(result.report.byLanguage.zh!.n).toBe(1);
    expect(result.judge).toMatchObject({ model: 'sim', parseMode: 'hardened', samples: 1 });

    const files = result.files.map(f => f.split('/').pop());
    expect(files).toEqual(['predictions.jsonl', 'judgements.jsonl', 'report.json']);
    const lines = (await readFile(result.files[0]!, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[2]!)).toMatchObject({ index: 2, length: 300, language: 'zh' });
    const saved = JSON.parse(await readFile(result.files[2]!, 'utf8'));
    expect(saved.report.overall.lengthScore).toBe(result.report.overall.lengthScore);

    const steps = run.journal.count;
    expect(steps).toBe(6);
    const again = await runLongBenchWrite({
      run,
      scheduler,
      items: ITEMS,
      model,
      judgeModel: judge,
    });
    expect(run.journal.count).toBe(steps);
    expect(again.report).toEqual(result.report);
  });

  it('scores given predictions without a model, and counts judge failures after retries', async () => {
    const items = ITEMS.map(item => ({ ...item, response: 'word '.repeat(item.length) }));
    const judge = judgeReturning(['I refuse to grade this.']);
    const result = await runLongBenchWrite({
      run,
      scheduler: createScheduler(),
      items,
      judgeModel: judge,
    });
    expect(result.report.overall.lengthScore).toBe(100);
    expect(result.report.overall.quality).toEqual({ n: 0, failures: 3 });
    expect(result.report.overall.score).toBeUndefined();
    expect(
      result.judgements.every(j => j.status === 'failed' && j.samples[0]!.attempts === 3),
    ).toBe(true);
    expect(result.judgements[0]!.samples[0]!.error).toMatch(/no JSON object found/);
    expect(judge.calls()).toBe(9);
  });

  it('averages k judge samples per dimension and supports the upstream parse mode', async () => {
    const reply = (v: number) =>
      `\`\`\`json\n${JSON.stringify({ Analysis: 'x', Relevance: v, Accuracy: v, Coherence: v, Clarity: v, 'Breadth and Depth': v, 'Reading Experience': v })}\n\`\`\``;
    const judge = judgeReturning([reply(5), reply(4)]);
    const items = [{ ...ITEMS[0]!, response: 'word '.repeat(150) }];
    const result = await runLongBenchWrite({
      run,
      scheduler: createScheduler({ concurrency: 1 }),
      items,
      judgeModel: judge,
      judge: { samples: 2, parseMode: 'upstream' },
    });
    expect(result.judgements[0]!.samples.map(s => s.scores?.Relevance)).toEqual([5, 4]);
    expect(result.judgements[0]!.scores!.Clarity).toBe(4.5);
    expect(result.report.overall.quality!.score).toBe(87.5);
    expect(result.judge).toMatchObject({ parseMode: 'upstream', samples: 2 });
  });

  it('lists generation failures, leaves them out of the scores, and keeps input indices', async () => {
    const writer = judgeReturning(['word '.repeat(150)]);
    const failing = {
      ...writer,
      languageModel: new MockLanguageModelV4({
        doGenerate: async options => {
          if (JSON.stringify(options.prompt).includes('lighthouse'))
            throw new Error('model overloaded');
          return writer.languageModel.doGenerate(options);
        },
      }),
    } as ResolvedModel;
    const result = await runLongBenchWrite({
      run,
      scheduler: createScheduler({ maxRetries: 0 }),
      items: ITEMS,
      model: failing,
    });
    expect(result.generationFailures).toEqual([{ index: 1, error: 'model overloaded' }]);
    expect(result.report.overall.n).toBe(2);
    expect(result.report.items.map(i => i.index)).toEqual([0, 2]);
    expect(result.predictions.map(p => p.index)).toEqual([0, 2]);
    const saved = JSON.parse(await readFile(result.files.at(-1)!, 'utf8'));
    expect(saved.generationFailures).toEqual([{ index: 1, error: 'model overloaded' }]);
  });

  it('needs a model when an item has no response', async () => {
    await expect(
      runLongBenchWrite({ run, scheduler: createScheduler(), items: ITEMS }),
    ).rejects.toThrow(/item 1 has no response and no model/);
  });
});
