import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAlpacaEvalAnnotations } from '@longform/eval';
import { formatQualityTag } from '@longform/sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { captureIo } from '../testing/capture-io';
import { runCommand } from '../testing/run-command';
import { registerEvalJudgeCommand } from './eval-judge';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-judge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], io: CliIo) => runCommand(registerEvalJudgeCommand, argv, io);

async function writeOutputs(
  name: string,
  generator: string,
  quality: number,
  n = 12,
): Promise<string> {
  const rows = Array.from({ length: n }, (_, i) => ({
    instruction: `Describe place number ${i}.`,
    output: `${formatQualityTag(quality)}\n${generator} describes place ${i}.`,
    generator,
  }));
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(rows));
  return file;
}

describe('longform eval judge', () => {
  it('judges against the baseline with the simulator, writes annotations.json, and resumes', async () => {
    await writeOutputs('model.json', 'good-model', 0.9);
    await writeOutputs('base.json', 'baseline', 0.2);
    const io = captureIo({ cwd: dir });
    await cli(
      [
        '--json',
        'eval',
        'judge',
        'model.json',
        '--baseline',
        'base.json',
        '--run-dir',
        'run',
        '-o',
        'out/annotations.json',
      ],
      io,
    );
    const data = JSON.parse(io.out());
    expect(data).toMatchObject({ judge: 'sim', model: 'good-model', baseline: 'baseline' });
    expect(data.summary).toMatchObject({ n: 12, logprobs: 12, failed: 0, fromJournal: 0 });
    expect(data.winRate).toBeGreaterThan(90);
    expect(io.err()).toContain('SIMULATOR');

    const set = await readAlpacaEvalAnnotations(join(dir, 'out', 'annotations.json'));
    expect(set.rows).toHaveLength(12);
    expect(set.generator).toBe('good-model');
    expect(set.baseline).toBe('baseline');
    const inRun = JSON.parse(await readFile(join(dir, 'run', 'annotations.json'), 'utf8'));
    expect(inRun).toHaveLength(12);

    const again = captureIo({ cwd: dir });
    await cli(
      ['--json', 'eval', 'judge', 'model.json', '--baseline', 'base.json', '--run-dir', 'run'],
      again,
    );
    expect(JSON.parse(again.out()).summary.fromJournal).toBe(12);
    expect(again.err()).toContain('resuming the run');
  });

  it('prints a table without --json', async () => {
    await writeOutputs('model.json', 'm1', 0.5, 3);
    await writeOutputs('base.json', 'b1', 0.5, 3);
    const io = captureIo({ cwd: dir });
    await cli(
      [
        '-q',
        'eval',
        'judge',
        'model.json',
        '--baseline',
        'base.json',
        '--run-dir',
        'run',
        '--logprobs',
        'off',
      ],
      io,
    );
    expect(io.out()).toContain('m1 vs b1 (judge sim');
    expect(io.out()).toMatch(/judged: 0 by logprobs, 3 discrete, 0 identical, 0 failed/);
  });

  it('names the file and entry when an instruction has no baseline output', async () => {
    await writeOutputs('model.json', 'm', 0.5, 3);
    await writeOutputs('base.json', 'b', 0.5, 2);
    await expect(
      cli(['eval', 'judge', 'model.json', '--baseline', 'base.json'], captureIo({ cwd: dir })),
    ).rejects.toThrow(
      /model\.json, field "instruction": entry 2: no baseline output for instruction "Describe place number 2\."/,
    );
    await writeFile(join(dir, 'bad.json'), JSON.stringify([{ instruction: 'x', generator: 'g' }]));
    await expect(
      cli(['eval', 'judge', 'bad.json', '--baseline', 'base.json'], captureIo({ cwd: dir })),
    ).rejects.toThrow(/bad\.json, field "output": entry 0/);
  });
});
