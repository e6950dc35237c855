import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countWordsLongWriter,
  InvalidInputError,
  type ResolvedModel,
  resolveModel,
} from '@longform/core';
import {
  alpacaRecordSchema,
  llamaFactoryDatasetInfoSchema,
  metadataRecordSchema,
  openAiRecordSchema,
  shareGptRecordSchema,
} from '@longform/datasets';
import { createSim } from '@longform/sim';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentWriteDatasetBuilderSettings } from './create-agent-write-dataset-builder';
import { createAgentWriteDatasetBuilder } from './create-agent-write-dataset-builder';
import type { AgentWriteDatasetEvent } from './dataset-events';

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aw-dataset-'));
  input = join(dir, 'in.jsonl');
  await writeFile(
    input,
    [
      { prompt: 'Write a 600-word essay on tide mills.', type: 'history' },
      { prompt: 'Write about lighthouse lenses.', id: 'lenses', length: 900 },
      { prompt: 'Write about the first canal locks.', id: 'no-length' },
      { prompt: 'Write a 300-word note on kelp forests.', id: 'kelp' },
      { prompt: 'Write a 300-word note on kelp forests.', id: 'kelp-again' },
      { prompt: 'Write a 1500-word history of the diving bell.' },
    ]
      .map(row => JSON.stringify(row))
      .join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readJsonl = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as unknown);

function builder(out: string, extra: Partial<AgentWriteDatasetBuilderSettings> = {}) {
  return createAgentWriteDatasetBuilder({
    model: resolveModel('sim:compliant', { simProvider: createSim({ seed: 3 }) }),
    instructions: input,
    out,
    concurrency: 3,
    system: 'You write long, well-structured documents.',
    ...extra,
  });
}

/** A model whose every call fails with this HTTP status (not retried). */
function failingModel(statusCode: number): ResolvedModel {
  const fail = async (): Promise<never> => {
    throw new APICallError({
      message: `HTTP ${statusCode}`,
      url: 'http://127.0.0.1/v1/chat/completions',
      requestBodyValues: {},
      statusCode,
      isRetryable: false,
    });
  };
  return {
    spec: 'openai:gpt-4o-mini',
    provider: 'openai',
    modelId: 'gpt-4o-mini',
    languageModel: new MockLanguageModelV4({ doGenerate: fail, doStream: fail }),
    capabilities: { structuredOutput: false, logprobs: false, prefill: false },
  };
}

const FILES = [
  'README.md',
  'alpaca.json',
  'alpaca.jsonl',
  'dataset_info.json',
  'metadata.jsonl',
  'openai.jsonl',
  'rejected.jsonl',
  'sharegpt.jsonl',
];
const snapshot = async (out: string) =>
  Object.fromEntries(
    await Promise.all(FILES.map(async f => [f, await readFile(join(out, f), 'utf8')] as const)),
  );

describe('createAgentWriteDatasetBuilder', () => {
  it('writes, filters and exports a dataset; a row without a length is a recorded failure', async () => {
    const out = join(dir, 'a');
    const events: AgentWriteDatasetEvent[] = [];
    const result = await builder(out).build({ onEvent: e => events.push(e) });

    expect(result.summary.counts).toMatchObject({
      input: 6,
      generated: 5,
      kept: 4,
      dropped: 1,
      failed: 1,
      failedByReason: { 'no-target-length': 1 },
      droppedByReason: [
        { reason: 'exact-duplicate', filter: 'exact-dedup(instruction+output)', count: 1 },
      ],
    });
    expect(result).toMatchObject({ instructions: 6, skipped: 0, written: 5, failed: 1 });
    expect(result.modelCalls).toBeGreaterThan(0);
    expect(result.peakPendingDocuments).toBeLessThanOrEqual(12);
    expect((await readdir(out)).sort()).toEqual(expect.arrayContaining(FILES));
    await access(join(out, '.longform', 'run', 'journal.jsonl'));

    const openai = (await readJsonl(join(out, 'openai.jsonl'))).map(r =>
      openAiRecordSchema.parse(r),
    );
    expect(openai).toHaveLength(4);
    expect(openai[0]!.messages.map(m => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(openai[0]!.messages[1]!.content).toBe('Write a 600-word essay on tide mills.');
    // Input order, whichever document finished first.
    expect(openai.map(r => r.messages[1]!.content)).toEqual([
      'Write a 600-word essay on tide mills.',
      'Write about lighthouse lenses.',
      'Write a 300-word note on kelp forests.',
      'Write a 1500-word history of the diving bell.',
    ]);
    for (const r of await readJsonl(join(out, 'sharegpt.jsonl'))) shareGptRecordSchema.parse(r);
    for (const r of await readJsonl(join(out, 'alpaca.jsonl'))) alpacaRecordSchema.parse(r);
    const info = llamaFactoryDatasetInfoSchema.parse(
      JSON.parse(await readFile(join(out, 'dataset_info.json'), 'utf8')),
    );
    expect(Object.keys(info).sort()).toEqual([
      'agentwrite_sft_alpaca',
      'agentwrite_sft_openai',
      'agentwrite_sft_sharegpt',
    ]);

    const metadata = (await readJsonl(join(out, 'metadata.jsonl'))).map(r =>
      metadataRecordSchema.parse(r),
    );
    const lenses = metadata.find(m => m.id === 'lenses')!.metadata;
    expect(lenses).toMatchObject({
      requiredLength: 900,
      method: 'agentwrite',
      model: 'sim:compliant',
      mode: 'controlled',
      unit: 'words',
      targetSource: 'row',
      source: 'in.jsonl',
    });
    expect(lenses.lengthScore).toBeGreaterThanOrEqual(90);
    expect(lenses.planSections).toBeGreaterThanOrEqual(1);
    expect(lenses.lengths.unicode).toBeGreaterThan(0);
    expect((lenses.usage as { outputTokens: number }).outputTokens).toBeGreaterThan(0);
    expect(countWordsLongWriter(openai[1]!.messages[2]!.content)).toBe(lenses.lengths.longwriter);
    expect(metadata[0]!.metadata).toMatchObject({ input: { type: 'history' } });

    const card = await readFile(join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/agentwrite/);
    expect(card).toMatch(/no-target-length/);
    expect(card).toMatch(/exact-duplicate/);
    expect(card).toMatch(/500/); // histogram edges

    const failed = events.find(e => e.type === 'document-failed');
    expect(failed).toMatchObject({ id: 'no-length', line: 3, reason: 'no-target-length' });
    const done = events.filter(e => e.type === 'document-done');
    expect(done.map(e => e.id)).toEqual([
      expect.stringMatching(/^p-/),
      'lenses',
      'kelp',
      'kelp-again',
      expect.stringMatching(/^p-/),
    ]);

    // Re-running resumes: nothing is written again and the files are the same bytes.
    const before = await snapshot(out);
    const again = await builder(out).build();
    expect(again).toMatchObject({ skipped: 5, written: 0, failed: 1, modelCalls: 0 });
    expect(await snapshot(out)).toEqual(before);

    // The failed row succeeds once a default length is given, in the same run.
    const fixed = await builder(out, { defaultWords: 400 }).build();
    expect(fixed).toMatchObject({ skipped: 5, written: 1, failed: 0 });
    expect(fixed.summary.counts).toMatchObject({ generated: 6, kept: 5, failed: 0 });
    const row = (await readJsonl(join(out, 'metadata.jsonl')))
      .map(r => metadataRecordSchema.parse(r))
      .find(m => m.id === 'no-length')!;
    expect(row.metadata).toMatchObject({ requiredLength: 400, targetSource: 'default' });
  });

  it('an interrupted build, when re-run, ends with the files of an uninterrupted one', async () => {
    const whole = join(dir, 'whole');
    await builder(whole, { defaultWords: 400 }).build();

    const out = join(dir, 'interrupted');
    const controller = new AbortController();
    const error = await builder(out, { defaultWords: 400 })
      .build({
        signal: controller.signal,
        onEvent: e => {
          if (e.type === 'document-done') controller.abort(new Error('interrupted'));
        },
      })
      .catch((e: Error) => e);
    expect(controller.signal.aborted).toBe(true);
    expect(error).toBeInstanceOf(Error);
    const run = JSON.parse(await readFile(join(out, '.longform', 'run', 'run.json'), 'utf8'));
    expect(run.status).toBe('cancelled');

    const resumed = await builder(out, { defaultWords: 400 }).build();
    expect(resumed.skipped).toBeGreaterThanOrEqual(1);
    expect(resumed.journalHits).toBeGreaterThan(0);
    expect(await snapshot(out)).toEqual(await snapshot(whole));
  });

  it('drops samples under the S_l threshold and outside the word bounds', async () => {
    const out = join(dir, 'filtered');
    const result = await builder(out, {
      model: resolveModel('sim:under', { simProvider: createSim({ seed: 3 }) }),
      // Faithful mode has no length controller, so an under-writing model misses the target.
      writer: { mode: 'faithful' },
      maxWords: 1400,
      dedup: 'none',
      formats: ['openai'],
    }).build();
    const reasons = Object.fromEntries(
      result.summary.counts.droppedByReason.map(r => [r.reason, r.count]),
    );
    expect(reasons['low-length-score']).toBeGreaterThanOrEqual(1);
    expect(result.summary.counts.kept + result.summary.counts.dropped).toBe(5);
    const rejected = await readJsonl(join(out, 'rejected.jsonl'));
    expect(rejected.length).toBe(result.summary.counts.dropped);
    await expect(access(join(out, 'sharegpt.jsonl'))).rejects.toThrow();
  });

  it('rejects a bad instruction file, naming the line, before any model call', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"prompt": "Write 300 words."}\n{"prompt": \n');
    const out = join(dir, 'bad-out');
    const error = await builder(out, { instructions: bad })
      .build()
      .catch(e => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/bad\.jsonl, line 2: not valid JSON/);
    await expect(access(join(out, '.longform', 'run'))).rejects.toThrow();
  });

  it('records a row whose writing fails and goes on, but stops on a credentials error', async () => {
    const out = join(dir, 'failing');
    const events: AgentWriteDatasetEvent[] = [];
    const result = await builder(out, { model: failingModel(400), maxTries: 1 }).build({
      onEvent: e => events.push(e),
    });
    expect(result.summary.counts).toMatchObject({
      generated: 0,
      failed: 6,
      failedByReason: { 'plan-error': 5, 'no-target-length': 1 },
    });
    const failure = events.find(e => e.type === 'document-failed' && e.reason === 'plan-error');
    expect(failure).toMatchObject({ message: expect.stringMatching(/HTTP 400/) });

    const denied = await builder(join(dir, 'denied'), { model: failingModel(401) })
      .build()
      .catch(e => e);
    expect(denied).toBeInstanceOf(Error);
    expect(denied.message).toMatch(/HTTP 401/);
    await expect(access(join(dir, 'denied', 'openai.jsonl'))).rejects.toThrow();
    const run = JSON.parse(
      await readFile(join(dir, 'denied', '.longform', 'run', 'run.json'), 'utf8'),
    );
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 401/) });
  });
});
