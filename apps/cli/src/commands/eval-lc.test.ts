import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GamedDataUnavailableError, parseConformanceRows, parseCsv } from '@longform/eval';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { registerEvalLcCommand } from './eval-lc';

const lcData = fileURLToPath(new URL('../../../../../shared/alpaca-eval-lc/', import.meta.url));
const gamedPath = join(lcData, 'df_gamed.csv');

function captureIo(
  cwd: string,
  env: Record<string, string> = {},
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env,
    cwd,
    signal: new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}

/** The global options of `createProgram`, plus `eval lc` registered with injected dependencies. */
async function run(argv: string[], io: CliIo, fetch?: typeof globalThis.fetch): Promise<void> {
  const program = new Command()
    .option('--json', '', false)
    .option('-q, --quiet', '', false)
    .exitOverride();
  program.configureOutput({ writeOut: c => io.stdout.write(c), writeErr: c => io.stderr.write(c) });
  const evalGroup = program.command('eval');
  registerEvalLcCommand(evalGroup, new CliContext(io), { fetch });
  await program.parseAsync(argv, { from: 'user' });
}

/**
 * An AlpacaEval results folder rebuilt from a conformance model: outputs with the recorded
 * code-point lengths, each ending in an astral character so UTF-16 length would be wrong.
 */
async function writeResults(root: string, model: string, generator = model): Promise<string> {
  const text = await readFile(join(lcData, 'conformance', 'models', `${model}.jsonl`), 'utf8');
  const rows = parseConformanceRows(text);
  const output = (length: number) => (length === 0 ? '' : `${'x'.repeat(length - 1)}😀`);
  const annotations = rows.map(row => ({
    instruction: 'instruction',
    output_1: output(row.baselineLength),
    output_2: output(row.modelLength),
    generator_1: 'gpt4_1106_preview',
    generator_2: generator,
    annotator: 'weighted_alpaca_eval_gpt4_turbo',
    preference: row.preference,
  }));
  const file = join(root, 'results', model, 'weighted_alpaca_eval_gpt4_turbo', 'annotations.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(annotations));
  return file;
}

describe('longform eval lc', () => {
  it('reproduces the published LC of gpt4_gamed (legacy order) and writes CSV + JSON atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-lc-'));
    await writeResults(dir, 'gpt4_gamed');
    const io = captureIo(dir);
    await run(
      [
        'eval',
        'lc',
        'results',
        '--gamed',
        gamedPath,
        '--fold-order',
        'legacy',
        '--out',
        'board.csv',
        '--out-json',
        'board.json',
      ],
      io,
    );
    const [header, row] = parseCsv(await readFile(join(dir, 'board.csv'), 'utf8'));
    expect(header!.fields.slice(0, 3)).toEqual(['', 'win_rate', 'standard_error']);
    expect(row!.fields[0]).toBe('gpt4_gamed');
    expect(Math.abs(Number(row!.fields[10]) - 12.188764057640531)).toBeLessThan(1e-9);
    expect(Number(row!.fields[9])).toBe(68);
    const json = JSON.parse(await readFile(join(dir, 'board.json'), 'utf8'));
    expect(json.models[0]).toMatchObject({
      model: 'gpt4_gamed',
      C: 166.81005372000556,
      foldOrder: 'legacy',
    });
    expect(io.out()).toMatch(/gpt4_gamed\s+12\.19/);
    expect(io.out()).toContain('fold order: legacy');
  });

  it('prints the JSON form on --json (also after the subcommand) and uses the folder name as the model name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-lc-'));
    const file = await writeResults(dir, 'gpt4_1106_preview', 'gpt4_1106_preview');
    const io = captureIo(dir);
    await run(['eval', 'lc', file, '--gamed', gamedPath, '--json'], io);
    const json = JSON.parse(io.out());
    expect(json.models[0]).toMatchObject({
      model: 'gpt4_1106_preview',
      lengthControlledWinRate: 50,
      C: null,
    });
    expect(json.counter).toBe('countCodePoints');
  });

  it('offline without --gamed: a clear error telling the user to pass --gamed PATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-lc-'));
    const file = await writeResults(dir, 'gpt4_1106_preview');
    const io = captureIo(dir, { LONGFORM_CACHE_DIR: join(dir, 'cache') });
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await run(['eval', 'lc', file], io, offline).catch(e => e);
    expect(GamedDataUnavailableError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/--gamed PATH/);
  });

  it('names the file and row of a broken annotation, and rejects a bad fold order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-lc-'));
    const file = join(dir, 'annotations.json');
    await writeFile(
      file,
      JSON.stringify([{ output_1: 'a', generator_1: 'b', generator_2: 'm', preference: 2 }]),
    );
    const io = captureIo(dir);
    await expect(run(['eval', 'lc', file, '--gamed', gamedPath], io)).rejects.toThrow(
      /annotations\.json, field "\[0\]\.output_2": row 0: missing the model output/,
    );
    await expect(
      run(['eval', 'lc', file, '--fold-order', 'sideways'], captureIo(dir)),
    ).rejects.toThrow();
    await expect(run(['eval', 'lc', join(dir, 'nope')], captureIo(dir))).rejects.toThrow(
      /no such file/,
    );
  });

  describe('--custom', () => {
    /** Annotations of one model on a custom instruction set, in AlpacaEval's results layout. */
    async function writeCustom(
      root: string,
      model: string,
      quality: number,
      instructions: string[],
    ): Promise<string> {
      const annotations = instructions.map((instruction, i) => {
        const modelLength = 40 + ((i * 29 + model.length * 7) % 90);
        const baselineLength = 80 + ((i * 13) % 30);
        // A judge that likes quality and, a little, length.
        const z =
          quality + 0.8 * Math.tanh((modelLength - baselineLength) / 50) + 0.4 * Math.sin(i);
        return {
          instruction,
          output_1: 'b'.repeat(baselineLength),
          output_2: `${'m'.repeat(modelLength - 1)}😀`,
          generator_1: 'base',
          generator_2: model,
          annotator: 'my_judge',
          preference: 1 + 1 / (1 + Math.exp(-z)),
        };
      });
      const file = join(root, 'results', model, 'my_judge', 'annotations.json');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(annotations));
      return file;
    }
    const instructions = Array.from({ length: 30 }, (_, i) => `Custom task ${i}`);

    it('fits the difficulty jointly from the files and writes the leaderboard, without df_gamed', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'eval-lc-custom-'));
      await writeCustom(dir, 'weak', -1, instructions);
      await writeCustom(dir, 'mid', 0, [...instructions].reverse());
      await writeCustom(dir, 'strong', 1, instructions);
      const io = captureIo(dir);
      const offline = (async () => {
        throw new Error('no network in this test');
      }) as typeof fetch;
      await run(
        ['eval', 'lc', '--custom', 'results', '--out', 'board.csv', '--out-json', 'board.json'],
        io,
        offline,
      );
      const [header, ...rows] = parseCsv(await readFile(join(dir, 'board.csv'), 'utf8'));
      expect(header!.fields[10]).toBe('length_controlled_winrate');
      expect(rows.map(r => r.fields[0])).toEqual(['strong', 'mid', 'weak']);
      const json = JSON.parse(await readFile(join(dir, 'board.json'), 'utf8'));
      expect(json).toMatchObject({ counter: 'countCodePoints', instructions: 30 });
      expect(json.difficultyFit.converged).toBe(true);
      expect(json.models.map((m: { model: string }) => m.model)).toEqual(['strong', 'mid', 'weak']);
      expect(io.out()).toMatch(
        /custom instruction set: 30 instructions; difficulty fitted jointly over 3 models/,
      );
    });

    it('names the file and the instruction a model lacks, and refuses --gamed', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'eval-lc-custom-'));
      await writeCustom(dir, 'a', 0, instructions);
      const short = await writeCustom(dir, 'b', 0, instructions.slice(1));
      const error = await run(['eval', 'lc', '--custom', 'results'], captureIo(dir)).catch(e => e);
      expect(error.message).toContain(
        `${short}, field "instruction": no annotation for instruction "Custom task 0"`,
      );
      await expect(
        run(['eval', 'lc', '--custom', 'results', '--gamed', gamedPath], captureIo(dir)),
      ).rejects.toThrow(/--gamed is not used with --custom/);
    });
  });
});
