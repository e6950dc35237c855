import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { captureIo } from '../testing/capture-io';
import { runCommand } from '../testing/run-command';
import { registerEvalLongBenchWriteCommand } from './eval-longbench-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-lbw-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], io: CliIo) => runCommand(registerEvalLongBenchWriteCommand, argv, io);

const DATA = '/work/shared/datasets/longbench-write/longbench_write.jsonl';

describe('longform eval longbench-write', () => {
  it('generates and judges the first items of the real dataset with the simulator', async () => {
    const io = captureIo({ cwd: dir });
    await cli(
      [
        '--json',
        '-m',
        'sim',
        'eval',
        'longbench-write',
        '--data',
        DATA,
        '--limit',
        '4',
        '--run-dir',
        'run',
      ],
      io,
    );
    const data = JSON.parse(io.out());
    expect(data.model).toBe('sim');
    expect(data.judge).toMatchObject({ model: 'sim', parseMode: 'hardened', samples: 1 });
    expect(data.report.counter).toBe('countWordsLongWriter');
    expect(data.report.overall.n).toBe(4);
    expect(data.report.overall.quality).toMatchObject({ n: 4, failures: 0 });
    expect(data.report.overall.lengthScore).toBeGreaterThan(80);
    expect(data.items).toHaveLength(4);
    // The first four prompts ask for 100–200 words: all in the [0,500) bucket, all English.
    expect(Object.keys(data.report.byBucket)).toEqual(['[0,500)']);
    const files = data.files.map((f: string) => f.split('/').pop());
    expect(files).toEqual(['predictions.jsonl', 'judgements.jsonl', 'report.json']);
  });

  it('scores a predictions file, prints the table, and flags judge failures', async () => {
    const predictions = [
      { prompt: 'Write a 100-word note.', type: 'x', length: 100, response: 'word '.repeat(100) },
      { prompt: '写一篇200字的短文。', type: 'x', length: 200, response: '字'.repeat(100) },
      { prompt: 'Write a 3000-word essay.', type: 'x', length: 3000, response: '' },
    ];
    await writeFile(join(dir, 'pred.jsonl'), predictions.map(p => JSON.stringify(p)).join('\n'));
    const io = captureIo({ cwd: dir });
    await cli(['eval', 'longbench-write', '--predictions', 'pred.jsonl', '--run-dir', 'run'], io);
    const out = io.out();
    expect(out).toMatch(/^group\s+n\s+S_l\s+S_q\s+S\s+judge failed/);
    expect(out).toMatch(/overall\s+3\s+50\.00/);
    expect(out).toMatch(/\[2k,4k\)\s+1\s+0\.00/);
    expect(out).toMatch(/zh\s+1\s+50\.00/);
    expect(out).toContain('lengths counted with countWordsLongWriter; 1 empty outputs scored 0');
    expect(io.err()).toContain('judge: sim');
    const report = JSON.parse(await readFile(join(dir, 'run', 'report.json'), 'utf8'));
    expect(report.report.overall.n).toBe(3);
  });

  it('--no-judge reports S_l only; bad input names the file and line', async () => {
    await writeFile(
      join(dir, 'pred.jsonl'),
      `${JSON.stringify({ prompt: 'p', type: 't', length: 10, response: 'a b c' })}\n`,
    );
    const io = captureIo({ cwd: dir });
    await cli(
      [
        '--json',
        'eval',
        'longbench-write',
        '--predictions',
        'pred.jsonl',
        '--no-judge',
        '--run-dir',
        'run',
      ],
      io,
    );
    const data = JSON.parse(io.out());
    expect(data.judge).toBeNull();
    expect(data.report.overall.quality).toBeUndefined();

    await writeFile(
      join(dir, 'bad.jsonl'),
      `${JSON.stringify({ prompt: 'p', type: 't', length: 10 })}\n`,
    );
    await expect(
      cli(
        ['eval', 'longbench-write', '--predictions', 'bad.jsonl', '--no-judge'],
        captureIo({ cwd: dir }),
      ),
    ).rejects.toThrow(/bad\.jsonl, line 1, field "response": must be a string/);
    await expect(cli(['eval', 'longbench-write'], captureIo({ cwd: dir }))).rejects.toThrow(
      /give --data .* or --predictions/,
    );
  });
});
