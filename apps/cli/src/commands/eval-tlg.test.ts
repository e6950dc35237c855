import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { captureIo } from '../testing/capture-io';
import { runCommand } from '../testing/run-command';
import { registerEvalTlgCommand } from './eval-tlg';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-tlg-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], io: CliIo) => runCommand(registerEvalTlgCommand, argv, io);

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('longform eval tlg', () => {
  it('scores outputs per target, level and All Level (ruler.md V4 as text outputs)', async () => {
    const v4: Array<[string, number]> = [
      ['10', 15],
      ['10', 25],
      ['30', 0],
      ['80', 65],
      ['80', 85],
      ['150', 160],
      ['150', 99],
      ['300', 350],
      ['500', 610],
      ['700', 700],
      ['700', 780],
      ['>800', 801],
      ['>800', 650],
    ];
    const rows = v4.map(([t, n], id) =>
      JSON.stringify({ id, Instruction: 'x', TargetLength: t, output: words(n) }),
    );
    await writeFile(join(dir, 'tlg.jsonl'), rows.join('\n'));
    const io = captureIo({ cwd: dir });
    await cli(['eval', 'tlg', 'tlg.jsonl'], io);
    const out = io.out();
    expect(out).toMatch(/Level:0\s+5\s+40\.00\s+60\.00/);
    expect(out).toMatch(/All Level\s+13\s+38\.46\s+61\.54/);
    expect(out).toMatch(/mean of levels\s+38\.33/);
    expect(out).toMatch(/^80\s+2\s+50\.00\s+100\.00\s+1\/1\s+2\/0$/m);
    expect(out).toContain('countWordsRuler');
  });

  it('re-aggregates published counts (V7, Ruler+Llama-3-8B)', async () => {
    const counts = {
      '10': [179, 39, 179, 39],
      '30': [171, 44, 171, 44],
      '50': [188, 61, 188, 61],
      '80': [159, 61, 190, 30],
      '150': [142, 54, 183, 13],
      '300': [113, 124, 221, 16],
      '500': [78, 145, 146, 77],
      '700': [16, 214, 32, 198],
      '>800': [69, 143, 69, 143],
    };
    await writeFile(join(dir, 'counts.json'), JSON.stringify(counts));
    const io = captureIo({ cwd: dir });
    await cli(['eval', 'tlg', 'counts.json', '--mode', 'counts'], io);
    expect(io.out()).toMatch(/Level:2\s+442\s+19\.23\s+22\.85/);
    expect(io.out()).toMatch(/All Level\s+2000\s+55\.75\s+68\.95/);
  });

  it('scores self-generated MLTs with the fixed and the upstream scorer (V5)', async () => {
    const outputs = [
      `[MLT:150] ${words(150)}`,
      `[MLT:30] ${words(40)}`,
      `[MLT:>800] ${words(799)}`,
      'no MLT',
    ];
    await writeFile(
      join(dir, 'sgm.jsonl'),
      outputs.map(output => JSON.stringify({ output })).join('\n'),
    );
    const fixed = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'tlg', 'sgm.jsonl', '--mode', 'sgm'], fixed);
    expect(JSON.parse(fixed.out())).toMatchObject({ mode: 'fixed', fm: 50, missingMlt: 1 });
    await writeFile(
      join(dir, 'sgm3.jsonl'),
      outputs
        .slice(0, 3)
        .map(output => JSON.stringify({ output }))
        .join('\n'),
    );
    const upstream = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'tlg', 'sgm3.jsonl', '--mode', 'sgm-upstream'], upstream);
    expect(JSON.parse(upstream.out())).toMatchObject({ mode: 'upstream', fm: 100 });
  });

  it('names the file, line and field of a bad row', async () => {
    await writeFile(
      join(dir, 'bad.jsonl'),
      `${JSON.stringify({ TargetLength: '10', output: 'a' })}\n${JSON.stringify({ TargetLength: '800', output: 'a' })}\n`,
    );
    await expect(cli(['eval', 'tlg', 'bad.jsonl'], captureIo({ cwd: dir }))).rejects.toThrow(
      /bad\.jsonl, line 2, field "TargetLength": unknown TLG target "800"/,
    );
    await writeFile(join(dir, 'c.json'), JSON.stringify({ '10': [1, 2, 3] }));
    await expect(
      cli(['eval', 'tlg', 'c.json', '--mode', 'counts'], captureIo({ cwd: dir })),
    ).rejects.toThrow(/c\.json, field "10"/);
  });

  it('generates outputs for {Instruction, TargetLength} rows with the model and the TLG prompt', async () => {
    const rows = ['10', '150', '>800'].map((TargetLength, id) => ({
      id,
      Instruction: `Describe harbour ${id}.`,
      TargetLength,
    }));
    await writeFile(join(dir, 'tlg.jsonl'), rows.map(r => JSON.stringify(r)).join('\n'));
    const io = captureIo({ cwd: dir });
    await cli(['--json', 'eval', 'tlg', 'tlg.jsonl', '--run-dir', 'run'], io);
    const data = JSON.parse(io.out());
    expect(data.model).toBe('sim');
    expect(data.all.n).toBe(3);
    expect(data.counter).toBe('countWordsRuler');
    expect(data.files.map((f: string) => f.split('/').pop())).toEqual([
      'predictions.jsonl',
      'report.json',
    ]);
  });
});
