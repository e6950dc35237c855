import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';

function captureIo(
  cwd: string,
  controller = new AbortController(),
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: {},
    cwd,
    signal: controller.signal,
    out: () => out,
    err: () => err,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-dataset-aw-'));
  await writeFile(
    join(dir, 'in.jsonl'),
    [
      '{"prompt": "Write a 500-word essay on tide mills."}',
      '{"prompt": "Write about lighthouse lenses.", "id": "lenses"}',
      '{"prompt": "Write a 300-word note on kelp.", "id": "kelp"}',
      '{"prompt": "Write a 300-word note on kelp.", "id": "kelp-2"}',
      '{"prompt": "Write an 800-word history of diving bells.", "length": 800}',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const build = (io: CliIo, out: string, ...flags: string[]) =>
  runCli(
    [
      '--model',
      'sim:compliant',
      ...flags,
      'dataset',
      'agentwrite',
      '--instructions',
      'in.jsonl',
      '--out',
      out,
      '--concurrency',
      '2',
      '--system',
      'You are a long-form writer.',
    ],
    io,
  );

const FILES = ['openai.jsonl', 'sharegpt.jsonl', 'alpaca.json', 'metadata.jsonl', 'README.md'];
const snapshot = async (out: string) =>
  Promise.all(FILES.map(f => readFile(join(dir, out, f), 'utf8')));

describe('longform dataset agentwrite', () => {
  it('builds the dataset, reports failures per row and resumes on a re-run', async () => {
    const io = captureIo(dir);
    expect(await build(io, 'a', '--json')).toBe(0);
    const summary = JSON.parse(io.out());
    expect(summary.counts).toMatchObject({
      input: 5,
      generated: 4,
      kept: 3,
      dropped: 1,
      failed: 1,
      failedByReason: { 'no-target-length': 1 },
    });
    expect(summary.session).toMatchObject({ skipped: 0, written: 4, failed: 1 });
    expect(summary.files['llama-factory']).toBe(join(dir, 'a', 'dataset_info.json'));
    expect(io.err()).toMatch(/line 2 \(lenses\) failed \(no-target-length\)/);
    const first = JSON.parse(
      (await readFile(join(dir, 'a', 'openai.jsonl'), 'utf8')).split('\n')[0]!,
    );
    expect(first.messages[0]).toEqual({ role: 'system', content: 'You are a long-form writer.' });

    const again = captureIo(dir);
    expect(await build(again, 'a')).toBe(0);
    expect(again.err()).toMatch(/4 already in the dataset, 1 to write/);
    expect(again.err()).toMatch(/done: 3 kept, 1 dropped, 1 failed of 5 instructions · 0 calls/);
    expect(again.out()).toMatch(/dataset in .*: 3 samples kept, 1 dropped, 1 failed/);
    expect(again.out()).toMatch(/openai: .*openai\.jsonl/);
  });

  it('an interrupted run, re-run, ends with the files of an uninterrupted one', async () => {
    expect(await build(captureIo(dir), 'whole')).toBe(0);
    const controller = new AbortController();
    const io = captureIo(dir, controller);
    const stderr = io.stderr;
    io.stderr = {
      write: (chunk: string) => {
        if (/^\[1\//m.test(chunk)) controller.abort(new Error('interrupted'));
        return stderr.write(chunk);
      },
    };
    expect(await build(io, 'cut')).toBe(130);
    const again = captureIo(dir);
    expect(await build(again, 'cut')).toBe(0);
    expect(again.err()).toMatch(/\(resumed\)/);
    expect(await snapshot('cut')).toEqual(await snapshot('whole'));
  });

  it('uses --default-words for rows without a length and says so', async () => {
    const io = captureIo(dir);
    const argv = ['--model', 'sim:compliant', 'dataset', 'agentwrite', '-i', 'in.jsonl'];
    const flags = [
      '--default-words',
      '400',
      '--formats',
      'openai,llama-factory',
      '--dedup',
      'none',
    ];
    expect(await runCli([...argv, '-o', 'd2', ...flags], io)).toBe(0);
    expect(io.err()).toMatch(/line 2 \(lenses\): no length .* using --default-words 400/);
    const info = JSON.parse(await readFile(join(dir, 'd2', 'dataset_info.json'), 'utf8'));
    expect(Object.keys(info)).toEqual(['agentwrite_sft_openai']);
    expect(
      (await readFile(join(dir, 'd2', 'openai.jsonl'), 'utf8')).trim().split('\n'),
    ).toHaveLength(5);
  });

  it('names the file and line of a bad instruction, and rejects unknown formats', async () => {
    await writeFile(join(dir, 'bad.jsonl'), '{"prompt": "Write 300 words."}\n{"prompt": 3}\n');
    const io = captureIo(dir);
    expect(await runCli(['dataset', 'agentwrite', '-i', 'bad.jsonl', '-o', 'bad-out'], io)).toBe(1);
    expect(io.err()).toMatch(/^error: .*bad\.jsonl, line 2, field "prompt"/m);
    const formats = captureIo(dir);
    expect(
      await runCli(
        ['dataset', 'agentwrite', '-i', 'in.jsonl', '-o', 'x', '--formats', 'openai,csv'],
        formats,
      ),
    ).toBe(2);
    expect(formats.err()).toMatch(/unknown format "csv"/);
  });
});
