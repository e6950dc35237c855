import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InvalidInputError, RunLockedError } from '@longform/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetExporterStateError } from '../errors/dataset-exporter-state-error';
import { DatasetJournalError } from '../errors/dataset-journal-error';
import type { FilterConfigInput } from '../filters/filter-config';
import { alpacaRecordSchema } from '../formats/alpaca-format';
import { llamaFactoryDatasetInfoSchema } from '../formats/llama-factory-dataset-info';
import { metadataRecordSchema } from '../formats/metadata-format';
import { openAiRecordSchema } from '../formats/openai-format';
import { rejectedRecordSchema } from '../formats/rejected-format';
import { shareGptRecordSchema } from '../formats/sharegpt-format';
import type { SftSample } from '../sample/sft-sample';
import { makeSample, prose } from '../testing/make-sample';
import { createDatasetExporter } from './create-dataset-exporter';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-exporter-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const filters: FilterConfigInput[] = [
  { type: 'length', counter: 'longwriter', min: 100 },
  { type: 'exact-dedup', fields: ['instruction'] },
  { type: 'near-dedup', field: 'output' },
];

/** 12 samples: 8 keep, 1 too short, 1 exact-duplicate instruction, 2 near-duplicate outputs. */
function corpus(): SftSample[] {
  const samples: SftSample[] = [];
  for (let i = 0; i < 8; i++) {
    samples.push(
      makeSample(`s${i}`, {
        instruction: `Write ${1000 + i * 100} words about subject ${i}.`,
        output: prose(i + 1, 150 + i * 10),
        ...(i % 3 === 0 && { system: 'You are a careful writer.' }),
        metadata: {
          lengths: { longwriter: 150 + i * 10, unicode: 160 + i * 10 },
          requiredLength: 1000 + i * 100,
          lengthScore: 50 + i,
          source: 'in.jsonl',
          model: i < 6 ? 'sim:writer' : 'sim:other',
          filterVerdicts: [{ filter: 'agentwrite-plan', kept: true }],
        },
      }),
    );
  }
  samples.push(
    makeSample('short', {
      output: 'Too short.',
      metadata: { lengths: { longwriter: 2, unicode: 2 } },
    }),
  );
  samples.push(
    makeSample('dup-instruction', {
      instruction: 'write 1000 WORDS about subject 0.',
      output: prose(99, 150),
      metadata: { lengths: { longwriter: 150, unicode: 150 } },
    }),
  );
  const near = prose(2, 160).split(' ');
  near[80] = 'changed';
  samples.push(
    makeSample('near1', {
      output: near.join(' '),
      metadata: { lengths: { longwriter: 160, unicode: 160 } },
    }),
  );
  samples.push(
    makeSample('near2', {
      output: `${prose(3, 170)} `,
      metadata: { lengths: { longwriter: 170, unicode: 170 } },
    }),
  );
  return samples;
}

async function readJsonl(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text
    .split('\n')
    .filter(line => line !== '')
    .map(line => JSON.parse(line));
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.')) continue;
    out[name] = await readFile(join(dir, name), 'utf8');
  }
  return out;
}

describe('createDatasetExporter', () => {
  it('filters, exports every format and round-trips each file through its schema', async () => {
    const dir = join(root, 'out');
    const exporter = createDatasetExporter({
      dir,
      name: 'lw',
      filters,
      card: { title: 'Test set', license: 'apache-2.0' },
      runConfig: { seed: 7 },
    });
    const samples = corpus();
    const results = [];
    for (const sample of samples) results.push(await exporter.add(sample));
    expect(results.map(r => r.status)).toEqual([
      ...Array(8).fill('kept'),
      'dropped',
      'dropped',
      'dropped',
      'dropped',
    ]);
    expect(results.slice(8).map(r => r.reason)).toEqual([
      'too-short',
      'exact-duplicate',
      'near-duplicate',
      'near-duplicate',
    ]);
    expect(exporter.progress()).toEqual({ generated: 12, kept: 8, dropped: 4, failed: 0 });

    const summary = await exporter.finish({ inputCount: 14 });
    expect(summary.counts).toMatchObject({
      input: 14,
      generated: 12,
      kept: 8,
      dropped: 4,
      failed: 0,
    });
    expect(summary.counts.droppedByReason).toEqual([
      { reason: 'near-duplicate', filter: 'near-dedup(output)', count: 2 },
      { reason: 'exact-duplicate', filter: 'exact-dedup(instruction)', count: 1 },
      { reason: 'too-short', filter: 'length(longwriter)', count: 1 },
    ]);
    expect(summary.recomputed).toBe(false);
    expect(summary.lengths.longwriter).toMatchObject({ count: 8, min: 150, max: 220 });
    expect(summary.languages).toEqual({ en: 8 });
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining([
        'openai.jsonl',
        'sharegpt.jsonl',
        'alpaca.jsonl',
        'alpaca.json',
        'metadata.jsonl',
        'rejected.jsonl',
        'dataset_info.json',
        'README.md',
        '.longform',
      ]),
    );
    expect((await readdir(dir)).some(name => name.includes('.tmp-'))).toBe(false);

    const keptSamples = samples.slice(0, 8);
    const openai = (await readJsonl(join(dir, 'openai.jsonl'))).map(row =>
      openAiRecordSchema.parse(row),
    );
    expect(openai.map(r => r.messages)).toEqual(
      keptSamples.map(s => [
        ...(s.system ? [{ role: 'system', content: s.system }] : []),
        { role: 'user', content: s.instruction },
        { role: 'assistant', content: s.output },
      ]),
    );
    const sharegpt = (await readJsonl(join(dir, 'sharegpt.jsonl'))).map(row =>
      shareGptRecordSchema.parse(row),
    );
    expect(sharegpt[0]!.conversations.map(c => c.from)).toEqual(['system', 'human', 'gpt']);
    expect(sharegpt[1]!.conversations.map(c => c.from)).toEqual(['human', 'gpt']);
    expect(sharegpt.map(r => r.conversations.at(-1)!.value)).toEqual(
      keptSamples.map(s => s.output),
    );
    const alpaca = (await readJsonl(join(dir, 'alpaca.jsonl'))).map(row =>
      alpacaRecordSchema.strict().parse(row),
    );
    expect(alpaca).toEqual(
      keptSamples.map(s => ({
        instruction: s.instruction,
        input: '',
        output: s.output,
        ...(s.system && { system: s.system }),
      })),
    );
    const alpacaArray = alpacaRecordSchema
      .array()
      .parse(JSON.parse(await readFile(join(dir, 'alpaca.json'), 'utf8')));
    expect(alpacaArray).toEqual(alpaca);
    const metadata = (await readJsonl(join(dir, 'metadata.jsonl'))).map(row =>
      metadataRecordSchema.parse(row),
    );
    expect(metadata.map(m => m.id)).toEqual(keptSamples.map(s => s.id));
    expect(metadata[0]!.metadata.filterVerdicts!.map(v => v.filter)).toEqual([
      'agentwrite-plan',
      'length(longwriter)',
      'exact-dedup(instruction)',
      'near-dedup(output)',
    ]);
    const rejected = (await readJsonl(join(dir, 'rejected.jsonl'))).map(row =>
      rejectedRecordSchema.parse(row),
    );
    expect(rejected.map(r => [r.id, r.reason])).toEqual([
      ['short', 'too-short'],
      ['dup-instruction', 'exact-duplicate'],
      ['near1', 'near-duplicate'],
      ['near2', 'near-duplicate'],
    ]);
    expect(rejected[1]!.verdicts.at(-1)!.detail).toEqual({ duplicateOf: 's0' });
    expect(rejected[2]!.verdicts.at(-1)!.detail).toMatchObject({ duplicateOf: 's1' });

    const info = llamaFactoryDatasetInfoSchema.parse(
      JSON.parse(await readFile(join(dir, 'dataset_info.json'), 'utf8')),
    );
    expect(Object.keys(info)).toEqual(['lw_alpaca', 'lw_sharegpt', 'lw_openai']);
    expect(info.lw_alpaca).toMatchObject({ file_name: 'alpaca.json', formatting: 'alpaca' });
    expect(info.lw_sharegpt!.tags).toMatchObject({
      role_tag: 'from',
      user_tag: 'human',
      assistant_tag: 'gpt',
      system_tag: 'system',
    });
    expect(info.lw_openai).toMatchObject({
      file_name: 'openai.jsonl',
      formatting: 'sharegpt',
      columns: { messages: 'messages' },
    });

    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toMatch(/^---\nlicense: apache-2.0\nlanguage:\n- en\n/);
    expect(card).toContain('    path: openai.jsonl\n');
    expect(card).toContain('| input instructions | 14 |');
    expect(card).toContain('| **kept** | **8** |');
    expect(card).toContain('| near-duplicate | near-dedup(output) | 2 |');
    expect(card).toContain('### Length histogram (longwriter)');
    expect(card).toContain('| model | sim:writer (6), sim:other (2) |');
    expect(card).toContain('| seed | 7 |');
    expect(card).toContain('| `openai.jsonl` | OpenAI fine-tuning JSONL (`messages`) | 8 |');
  });

  it('is resumable: a crash, a torn journal line and a re-run give byte-identical outputs', async () => {
    const samples = corpus();
    const reference = join(root, 'reference');
    const all = createDatasetExporter({ dir: reference, filters });
    for (const sample of samples) await all.add(sample);
    await all.reportFailure({ id: 'f1', reason: 'plan-error' });
    await all.finish({ inputCount: 13 });
    const expected = await snapshot(reference);

    const dir = join(root, 'resumed');
    const first = createDatasetExporter({ dir, filters });
    for (const sample of samples.slice(0, 5)) await first.add(sample);
    // While the first exporter holds the journal, a second writer is refused.
    const locked = await createDatasetExporter({ dir, filters })
      .open()
      .catch(e => e);
    expect(RunLockedError.isInstance(locked)).toBe(true);
    await first.close();
    // The process died mid-write: half a record without its newline.
    await appendFile(first.journalPath, '{"v":1,"type":"sample","config":"x","sam');

    const second = createDatasetExporter({ dir, filters });
    expect(await second.open()).toEqual({ resumed: 5, failures: 0 });
    expect(await second.has('s3')).toBe(true);
    expect(await second.has('s7')).toBe(false);
    expect(await second.add(samples[2]!)).toMatchObject({
      status: 'already-journalled',
      kept: true,
      verdicts: [],
    });
    for (const sample of samples.slice(5)) await second.add(sample);
    await second.reportFailure({ id: 'f1', reason: 'plan-error' });
    await second.finish({ inputCount: 13 });
    expect(await snapshot(dir)).toEqual(expected);

    // Finishing again over the same journal rebuilds the same bytes without recomputing.
    const third = createDatasetExporter({ dir, filters });
    const summary = await third.finish({ inputCount: 13 });
    expect(summary.recomputed).toBe(false);
    expect(summary.counts.failedByReason).toEqual({ 'plan-error': 1 });
    expect(await snapshot(dir)).toEqual(expected);
  });

  it('recomputes every verdict when the filters change between runs', async () => {
    const dir = join(root, 'out');
    const first = createDatasetExporter({ dir, filters, formats: ['openai', 'rejected'] });
    for (const sample of corpus()) await first.add(sample);
    await first.finish();
    const second = createDatasetExporter({
      dir,
      filters: [{ type: 'length', counter: 'longwriter', min: 170 }],
      formats: ['openai', 'rejected'],
    });
    const summary = await second.finish();
    expect(summary.recomputed).toBe(true);
    // s2..s7 and near2 (170–220) pass, now that dedup is off; five samples are too short.
    expect(summary.counts.kept).toBe(7);
    expect(summary.counts.droppedByReason).toEqual([
      { reason: 'too-short', filter: 'length(longwriter)', count: 5 },
    ]);
  });

  it('keeps the order of concurrent adds in the journal and the outputs', async () => {
    const dir = join(root, 'out');
    const exporter = createDatasetExporter({
      dir,
      filters: [{ type: 'exact-dedup', fields: ['output'] }],
      formats: ['openai'],
    });
    const samples = Array.from({ length: 200 }, (_, i) =>
      makeSample(`c${i}`, { output: `text ${i % 150}`, metadata: { lengths: { longwriter: i } } }),
    );
    const results = await Promise.all(samples.map(sample => exporter.add(sample)));
    expect(results.filter(r => r.kept).map(r => r.id)).toEqual(
      samples.slice(0, 150).map(s => s.id),
    );
    expect(results.slice(150).every(r => r.reason === 'exact-duplicate')).toBe(true);
    await exporter.finish();
    const rows = (await readJsonl(join(dir, 'openai.jsonl'))).map(row =>
      openAiRecordSchema.parse(row),
    );
    expect(rows.map(r => r.messages.at(-1)!.content)).toEqual(
      samples.slice(0, 150).map(s => s.output),
    );
  });

  it('rejects bad samples before journalling them, and conflicting re-adds', async () => {
    const dir = join(root, 'out');
    const exporter = createDatasetExporter({ dir, filters: [{ type: 'length-score', min: 80 }] });
    await expect(exporter.add({ id: 'x', instruction: 'i', output: '' })).rejects.toThrow(
      /field "output"/,
    );
    await expect(exporter.add(makeSample('no-score'))).rejects.toThrow(
      /field "metadata\.lengthScore"/,
    );
    expect(await exporter.has('no-score')).toBe(false);
    await exporter.add(makeSample('a', { metadata: { lengthScore: 90 } }));
    const conflict = await exporter
      .add(makeSample('a', { output: 'changed', metadata: { lengthScore: 90 } }))
      .catch(e => e);
    expect(InvalidInputError.isInstance(conflict)).toBe(true);
    expect(conflict.message).toMatch(/already journalled with different content/);
    const journal = await readFile(exporter.journalPath, 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(1);
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = join(root, 'out');
    const exporter = createDatasetExporter({ dir });
    await mkdir(dirname(exporter.journalPath), { recursive: true });
    // Far above any pid_max, so no live process can have it.
    await writeFile(`${exporter.journalPath}.lock`, JSON.stringify({ pid: 2 ** 30 }));
    expect(await exporter.open()).toEqual({ resumed: 0, failures: 0 });
    await exporter.finish();
    await expect(readFile(`${exporter.journalPath}.lock`)).rejects.toThrow(/ENOENT/);
  });

  it('refuses use after close or finish', async () => {
    const closed = createDatasetExporter({ dir: join(root, 'closed') });
    await closed.add(makeSample('a'));
    await closed.close();
    await expect(closed.add(makeSample('b'))).rejects.toThrow(/has been closed/);

    const exporter = createDatasetExporter({ dir: join(root, 'out') });
    await exporter.add(makeSample('a'));
    await exporter.finish();
    const error = await exporter.add(makeSample('b')).catch(e => e);
    expect(DatasetExporterStateError.isInstance(error)).toBe(true);
    await expect(exporter.finish()).rejects.toThrow(/has finished/);
  });

  it('journals generation failures with masked secrets; a later success supersedes them', async () => {
    const dir = join(root, 'out');
    const exporter = createDatasetExporter({ dir, formats: ['openai'] });
    await exporter.reportFailure({
      id: 'a',
      reason: 'auth',
      message: 'Incorrect API key provided: sk-live-1234567890abcdef',
    });
    await exporter.reportFailure({ id: 'b', reason: 'rate-limited' });
    await exporter.add(makeSample('b'));
    expect(exporter.progress()).toMatchObject({ failed: 1, generated: 1 });
    const journal = await readFile(exporter.journalPath, 'utf8');
    expect(journal).not.toContain('sk-live');
    expect(journal).toContain('[redacted]');
    const summary = await exporter.finish({ inputCount: 2 });
    expect(summary.counts).toMatchObject({
      failed: 1,
      failedByReason: { auth: 1 },
      generated: 1,
      kept: 1,
    });
    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toContain('| auth | 1 |');
    expect(card).not.toContain('sk-live');
  });

  it('names the journal line when the journal is corrupt in the middle', async () => {
    const dir = join(root, 'out');
    const first = createDatasetExporter({ dir });
    await first.add(makeSample('a'));
    await first.add(makeSample('b'));
    await first.close();
    const lines = (await readFile(first.journalPath, 'utf8')).split('\n');
    lines[0] = '{"v":1,"type":"sample"';
    await writeFile(first.journalPath, lines.join('\n'));
    const error = await createDatasetExporter({ dir })
      .open()
      .catch(e => e);
    expect(DatasetJournalError.isInstance(error)).toBe(true);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/dataset-journal\.jsonl, line 1: not valid JSON/);
  });

  it('writes a valid empty dataset', async () => {
    const dir = join(root, 'empty');
    const summary = await createDatasetExporter({ dir, card: false }).finish();
    expect(summary.counts).toMatchObject({ generated: 0, kept: 0 });
    expect(JSON.parse(await readFile(join(dir, 'alpaca.json'), 'utf8'))).toEqual([]);
    expect(await readFile(join(dir, 'openai.jsonl'), 'utf8')).toBe('');
    expect(summary.files.card).toBeUndefined();
  });

  it('validates settings, naming the field', () => {
    expect(() => createDatasetExporter({ dir: root, formats: ['llama-factory'] })).toThrow(
      /field "formats": llama-factory needs/,
    );
    expect(() => createDatasetExporter({ dir: root, runConfig: { apiKey: 'x' } })).toThrow(
      /field "runConfig\.apiKey"/,
    );
    expect(() => createDatasetExporter({ dir: root, name: 'bad name' })).toThrow(/field "name"/);
    expect(() =>
      createDatasetExporter({
        dir: root,
        filters: [{ type: 'length', counter: 'longwriter' }],
      }),
    ).toThrow(/field "filters\.0"/);
    expect(() => createDatasetExporter({ dir: root, card: { license: 'Apache 2' } })).toThrow(
      /field "card\.license"/,
    );
  });
});
