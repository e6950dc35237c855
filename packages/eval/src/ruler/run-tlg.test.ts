import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWordsRuler, createScheduler, openRun, type Run, resolveModel } from '@longform/core';
import { createSim } from '@longform/sim';
import { MockLanguageModelV4 } from 'ai/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTlg } from './run-tlg';
import { tlgPrompt } from './tlg-prompt';

let dir: string;
let run: Run;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlg-run-'));
  run = await openRun({ dir: join(dir, 'run'), command: 'eval tlg', config: {} });
});
afterEach(async () => {
  await run.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runTlg', () => {
  it('sends the TLG baseline prompt and scores the outputs with countWordsRuler', async () => {
    const prompts: string[] = [];
    const languageModel = new MockLanguageModelV4({
      doGenerate: async options => {
        const text = JSON.stringify(options.prompt);
        prompts.push(text);
        const n = text.includes('more than 800')
          ? 900
          : Number(/word count of (\d+) words/.exec(text)![1]);
        return {
          content: [{ type: 'text', text: Array.from({ length: n }, () => 'word').join(' ') }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: {
            inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
            outputTokens: { total: n, text: n, reasoning: undefined },
          },
          warnings: [],
        };
      },
    });
    const model = resolveModel('sim');
    const result = await runTlg({
      run,
      scheduler: createScheduler(),
      model: { ...model, spec: 'mock:exact', languageModel },
      items: [
        { instruction: 'Describe a cat.', target: '30' },
        { instruction: 'Explain tides.', target: '300' },
        { instruction: 'Tell a story.', target: '>800' },
        { target: '10', output: 'word '.repeat(25) },
      ],
    });
    expect(prompts[0]).toContain(JSON.stringify(tlgPrompt('Describe a cat.', '30')).slice(1, -1));
    expect(result.predictions.map(p => p.words)).toEqual([30, 300, 900, 25]);
    expect(result.report.all).toMatchObject({ n: 4, pmHits: 3, fmHits: 3 });
    expect(result.report.errors!.overall).toMatchObject({ n: 3, exactMatchRate: (2 / 3) * 100 });
  });

  it('runs against the simulator end to end', async () => {
    const model = resolveModel('sim', { simProvider: createSim({ seed: 2 }) });
    const items = ['10', '30', '50', '80', '150', '300', '500', '700', '>800'].map(target => ({
      instruction: `Write about the sea. Target ${target}.`,
      target,
    }));
    const result = await runTlg({
      run,
      scheduler: createScheduler({ concurrency: 4 }),
      model,
      items,
    });
    expect(result.report.all.n).toBe(9);
    for (const p of result.predictions) expect(p.words).toBe(countWordsRuler(p.output));
    expect(result.files.map(f => f.split('/').pop())).toEqual(['predictions.jsonl', 'report.json']);
  });

  it('names bad rows before any call', async () => {
    await expect(
      runTlg({
        run,
        scheduler: createScheduler(),
        items: [{ instruction: 'x', target: '800', line: 4 }],
        file: 't.jsonl',
      }),
    ).rejects.toThrow('t.jsonl, line 4, field "TargetLength": unknown TLG target "800"');
    await expect(
      runTlg({ run, scheduler: createScheduler(), items: [{ target: '10' }] }),
    ).rejects.toThrow('row 1: needs an Instruction or an output');
  });
});
