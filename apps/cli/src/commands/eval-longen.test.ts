import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { captureIo } from '../testing/capture-io';
import { runCommand } from '../testing/run-command';
import { registerEvalLonGenCommand } from './eval-longen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-longen-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], io: CliIo) => runCommand(registerEvalLonGenCommand, argv, io);

// self-lengthen.md §11.1, the 8-item list vector.
const LIST = [
  { language: 'en', type: 'about', constraint: 'around 3000 words', response: 'w '.repeat(2700) },
  { language: 'zh', type: 'about', constraint: '大约6000字', response: '字'.repeat(3000) },
  { language: 'en', type: 'range', constraint: '2000-3000 words', response: 'w '.repeat(3300) },
  { language: 'zh', type: 'range', constraint: '4000字至6000字', response: '字'.repeat(3500) },
  {
    language: 'en',
    type: 'above',
    constraint: 'more than 5000 words',
    response: 'w '.repeat(4000),
  },
  { language: 'zh', type: 'above', constraint: '大于2000字', response: '字'.repeat(3100) },
  {
    language: 'en',
    type: 'below',
    constraint: 'less than 8000 words',
    response: 'w '.repeat(8800),
  },
  { language: 'zh', type: 'below', constraint: '小于3000字', response: '字，'.repeat(1000) },
];

describe('longform eval longen', () => {
  it('prints the per-type means and Overall of the list vector', async () => {
    await writeFile(
      join(dir, 'longen.jsonl'),
      LIST.map(r => JSON.stringify({ ...r, query: 'q' })).join('\n'),
    );
    const io = captureIo({ cwd: dir });
    await cli(['eval', 'longen', 'longen.jsonl'], io);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/about\s+range\s+above\s+below\s+Overall/);
    expect(lines[1]).toMatch(/^all\s+0\.625000\s+0\.775000\s+0\.766667\s+0\.900000\s+0\.766667$/);
    expect(lines[2]).toMatch(/^en\s/);
    expect(lines[3]).toMatch(/^zh\s/);
    expect(io.out()).toContain('countWordsSelfLengthen');
  });

  it('--json gives the report; a bad row names the file and line', async () => {
    await writeFile(join(dir, 'longen.jsonl'), LIST.map(r => JSON.stringify(r)).join('\n'));
    const io = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'longen', 'longen.jsonl'], io);
    const data = JSON.parse(io.out());
    expect(data.overall).toEqual({ n: 8, score: 0.7666666666666666 });
    expect(data.byLanguage.en.overall.n).toBe(4);

    await writeFile(
      join(dir, 'bad.jsonl'),
      `${JSON.stringify(LIST[0])}\n${JSON.stringify({ ...LIST[0], constraint: 'around many words' })}\n`,
    );
    await expect(cli(['eval', 'longen', 'bad.jsonl'], captureIo({ cwd: dir }))).rejects.toThrow(
      /bad\.jsonl, line 2, field "constraint": constraint "around many words" contains no number/,
    );
  });

  it('generates missing responses with the model, then scores them, resuming from the run folder', async () => {
    const rows = [
      {
        language: 'en',
        type: 'about',
        constraint: 'around 2000 words',
        query: 'Write about rivers, around 2000 words.',
      },
      {
        language: 'zh',
        type: 'above',
        constraint: '大于2000字',
        query: '写一篇关于长江的文章，大于2000字。',
      },
    ];
    await writeFile(join(dir, 'LonGen.jsonl'), rows.map(r => JSON.stringify(r)).join('\n'));
    const io = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'longen', 'LonGen.jsonl', '--run-dir', 'run'], io);
    const data = JSON.parse(io.out());
    expect(data.model).toBe('sim');
    expect(data.overall.n).toBe(2);
    expect(data.generationFailures).toEqual([]);
    expect(Object.keys(data.byLanguage)).toEqual(['en', 'zh']);
    expect(io.err()).toContain('SIMULATOR');

    const again = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'longen', 'LonGen.jsonl', '--run-dir', 'run'], again);
    expect(again.err()).toContain('resuming the run');
    expect(JSON.parse(again.out()).overall).toEqual(data.overall);
  });
});
