import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';
import { captureIo } from '../testing/capture-io';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const INSTRUCTION = 'Write a 2000-word essay on the history of tide mills.';

const write = (io: CliIo, runDir: string, out: string, ...flags: string[]) =>
  runCli(
    [...flags, '--model', 'sim:under', 'write', INSTRUCTION, '--run-dir', runDir, '--out', out],
    io,
  );

describe('longform write', () => {
  it('writes a document of the requested length with a report; re-running resumes from the journal', async () => {
    const io = captureIo({ cwd: dir });
    expect(await write(io, 'run-a', 'doc.md')).toBe(0);
    expect(io.err()).not.toMatch(/error/);
    const report = JSON.parse(await readFile(join(dir, 'run-a', 'report.json'), 'utf8'));
    expect(report.counter).toBe('countWordsLongWriter');
    expect(report.targetWords).toBe(2000);
    expect(report.sl).toBeGreaterThanOrEqual(95);
    expect(report.sections.length).toBeGreaterThan(1);
    expect(
      report.sections.some((s: { attempts: { kind: string }[] }) =>
        s.attempts.some(a => a.kind === 'continue'),
      ),
    ).toBe(true);
    const doc = await readFile(join(dir, 'doc.md'), 'utf8');
    expect(doc).toBe(await readFile(join(dir, 'run-a', 'document.md'), 'utf8'));
    expect((await readdir(join(dir, 'run-a'))).sort()).toEqual(
      expect.arrayContaining([
        'document.md',
        'journal.jsonl',
        'plan.md',
        'report.json',
        'report.md',
        'run.json',
      ]),
    );
    expect(io.err()).toMatch(/section 1\/\d+/);

    const again = captureIo({ cwd: dir });
    expect(await write(again, 'run-a', 'doc2.md', '--json')).toBe(0);
    const replay = JSON.parse(again.out());
    expect(replay.modelCalls).toBe(0);
    expect(replay.journalHits).toBeGreaterThan(0);
    expect(await readFile(join(dir, 'doc2.md'), 'utf8')).toBe(doc);
  });

  it('a run interrupted after its first section, when re-run, ends with the uninterrupted document', async () => {
    const whole = captureIo({ cwd: dir });
    expect(await write(whole, 'run-b0', 'doc-b0.md')).toBe(0);

    const controller = new AbortController();
    const io = captureIo({ cwd: dir, signal: controller.signal });
    const stderr = io.stderr;
    io.stderr = {
      write: (chunk: string) => {
        if (/section 1\/\d+/.test(chunk)) controller.abort();
        return stderr.write(chunk);
      },
    };
    expect(await write(io, 'run-b', 'doc-b.md')).toBe(130);
    const again = captureIo({ cwd: dir });
    expect(await write(again, 'run-b', 'doc-b.md')).toBe(0);
    expect(again.err()).toMatch(/resuming the run/);
    expect(await readFile(join(dir, 'doc-b.md'), 'utf8')).toBe(
      await readFile(join(dir, 'doc-b0.md'), 'utf8'),
    );
  });

  it('streams sections to stdout when there is no --out', async () => {
    const io = captureIo({ cwd: dir });
    expect(
      await runCli(['-q', 'write', 'Write a 600-word note on kelp.', '--run-dir', 'run-c'], io),
    ).toBe(0);
    expect(io.out()).toMatch(/^## /);
  });

  it('runs LongWriter as published with --mode faithful', async () => {
    const io = captureIo({ cwd: dir });
    const code = await runCli(
      [
        '--json',
        '--model',
        'sim:over',
        'write',
        INSTRUCTION,
        '--mode',
        'faithful',
        '--run-dir',
        'run-f',
        '--out',
        'f.md',
      ],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.mode).toBe('faithful');
    // No controller: every section is a single write, and the over-writing model overshoots.
    expect(report.sections.every((s: { attempts: unknown[] }) => s.attempts.length === 1)).toBe(
      true,
    );
    expect(report.totalWords).toBeGreaterThan(2400);
  });

  it('fails clearly when the instruction states no length', async () => {
    const io = captureIo({ cwd: dir });
    expect(await runCli(['write', 'Write an essay on kelp.'], io)).toBe(1);
    expect(io.err()).toMatch(/error: no target length found .*--words N/);
  });
});

describe('longform plan', () => {
  it('writes an editable plan that `write --plan` uses; a broken one is named by file and line', async () => {
    const io = captureIo({ cwd: dir });
    expect(
      await runCli(['plan', 'Write about estuaries.', '--words', '1500', '--out', 'plan.md'], io),
    ).toBe(0);
    const plan = await readFile(join(dir, 'plan.md'), 'utf8');
    expect(plan).toMatch(/^Paragraph 1 - Title: .+ - Main Point: .+ - Word Count: \d+ words$/m);
    const written = captureIo({ cwd: dir });
    expect(
      await runCli(
        ['--json', 'write', '--plan', 'plan.md', '--run-dir', 'run-d', '--out', 'est.md'],
        written,
      ),
    ).toBe(0);
    const report = JSON.parse(written.out());
    expect(report.targetWords).toBe(1500);
    expect(report.instruction).toBe('Write about estuaries.');

    await writeFile(join(dir, 'bad-plan.md'), plan.replace(/^Paragraph 2 - /m, 'Para 2 '));
    const bad = captureIo({ cwd: dir });
    expect(await runCli(['write', '--plan', 'bad-plan.md'], bad)).toBe(1);
    expect(bad.err()).toMatch(/bad-plan\.md, line \d+: not a section line/);
  });
});
