import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, openRun, type Run, resolveModel } from '@longform/core';
import { createSim } from '@longform/sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LonGenRunItem, runLonGen } from './run-longen';

let dir: string;
let run: Run;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longen-run-'));
  run = await openRun({ dir: join(dir, 'run'), command: 'eval longen', config: {} });
});
afterEach(async () => {
  await run.close();
  await rm(dir, { recursive: true, force: true });
});

const ITEMS: LonGenRunItem[] = [
  {
    type: 'about',
    constraint: 'around 2000 words',
    query: 'Write an essay on rivers, around 2000 words.',
    language: 'en',
  },
  {
    type: 'below',
    constraint: 'less than 3000 words',
    query: 'Write a report on bridges in less than 3000 words.',
    language: 'en',
  },
  {
    type: 'range',
    constraint: '2000字至3000字',
    query: '写一篇关于长江的文章，2000字至3000字。',
    language: 'zh',
  },
];

describe('runLonGen', () => {
  it('generates with the simulator, scores per type, writes files, and resumes', async () => {
    const model = resolveModel('sim', { simProvider: createSim({ seed: 5 }) });
    const scheduler = createScheduler({ concurrency: 3 });
    const result = await runLonGen({ run, scheduler, model, items: ITEMS });
    expect(result.generationFailures).toEqual([]);
    expect(result.report.counter).toBe('countWordsSelfLengthen');
    expect(Object.keys(result.report.byType)).toEqual(['about', 'range', 'below']);
    // The compliant profile writes what the query asks for, inside every window.
    expect(result.report.overall.score).toBeGreaterThan(0.9);
    expect(result.predictions.map(p => p.index)).toEqual([0, 1, 2]);
    expect(result.files.map(f => f.split('/').pop())).toEqual(['predictions.jsonl', 'report.json']);
    const saved = JSON.parse(await readFile(result.files[1]!, 'utf8'));
    expect(saved.report.overall).toEqual(result.report.overall);

    const steps = run.journal.count;
    expect(steps).toBe(3);
    const again = await runLonGen({ run, scheduler, model, items: ITEMS });
    expect(run.journal.count).toBe(steps);
    expect(again.report).toEqual(result.report);
  });

  it('scores given responses without a model', async () => {
    const items = ITEMS.map(item => ({ ...item, response: 'w '.repeat(2000) }));
    const result = await runLonGen({ run, scheduler: createScheduler(), items });
    expect(result.report.items.map(i => i.score)).toEqual([1, 1, 1]);
  });

  it('rejects a bad constraint before any model call, naming the row', async () => {
    const model = resolveModel('sim');
    const items = [
      ...ITEMS,
      { type: 'about', constraint: 'roughly many words', query: 'q', line: 9 },
    ];
    await expect(
      runLonGen({ run, scheduler: createScheduler(), model, items, file: 'lg.jsonl' }),
    ).rejects.toThrow(
      'lg.jsonl, line 9, field "constraint": constraint "roughly many words" contains no number',
    );
    expect(run.journal.count).toBe(0);
    await expect(
      runLonGen({
        run,
        scheduler: createScheduler(),
        items: [{ type: 'about', constraint: 'around 5 words' }],
      }),
    ).rejects.toThrow('row 1: needs a query or a response');
  });
});
