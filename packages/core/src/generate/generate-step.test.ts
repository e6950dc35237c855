import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { APICallError } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { openRun, type Run } from '../journal/open-run';
import { type ResolvedModel, resolveModel } from '../model/resolve-model';
import { createScheduler } from '../scheduler/create-scheduler';
import { generateStep, generateStepKey } from './generate-step';

const usage = {
  inputTokens: { total: 1000, noCache: 1000, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 2000, text: 2000, reasoning: 0 },
};

function streamOf(words: string[], finish: 'stop' | 'length' = 'stop') {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'text-start', id: 't' },
    ...words.map(delta => ({ type: 'text-delta' as const, id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish', usage, finishReason: { unified: finish, raw: finish } },
  ];
  return { stream: convertArrayToReadableStream(parts) };
}

function resolved(languageModel: LanguageModelV4, spec = 'openai:gpt-4o-mini'): ResolvedModel {
  return {
    spec,
    provider: 'openai',
    modelId: spec.slice(spec.indexOf(':') + 1),
    languageModel,
    capabilities: { structuredOutput: true, logprobs: true, prefill: false },
  };
}

const tooManyRequests = () =>
  new APICallError({
    message: 'rate limited',
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode: 429,
    responseHeaders: { 'retry-after-ms': '10' },
    isRetryable: true,
  });

// These tests exercise the streaming path (what AgentWrite uses to show progress).
const streamed = () => {};

let root: string;
let run: Run;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-step-'));
  run = await openRun({ dir: join(root, 'run'), command: 'test', config: {} });
});
afterEach(async () => {
  await run.close();
  await rm(root, { recursive: true, force: true });
});

describe('generateStep', () => {
  it('streams, journals, and replays from the journal without calling the model', async () => {
    const mock = new MockLanguageModelV4({
      doStream: () => Promise.resolve(streamOf(['Rain ', 'falls.'])),
    });
    const scheduler = createScheduler();
    const deltas: string[] = [];
    const options = {
      run,
      scheduler,
      model: resolved(mock),
      stage: 'write',
      step: 3,
      prompt: 'Write about rain.',
      instructions: 'Be brief.',
      params: { temperature: 0.7, maxOutputTokens: 500, seed: 1, stop: ['END'] },
    };
    const first = await generateStep({ ...options, onTextDelta: delta => deltas.push(delta) });
    expect(first).toMatchObject({
      text: 'Rain falls.',
      finishReason: 'stop',
      fromJournal: false,
      usage: { inputTokens: 1000, outputTokens: 2000, totalTokens: 3000 },
    });
    expect(deltas).toEqual(['Rain ', 'falls.']);
    expect(mock.doStreamCalls).toHaveLength(1);
    const call = mock.doStreamCalls[0]!;
    expect(call).toMatchObject({
      temperature: 0.7,
      maxOutputTokens: 500,
      seed: 1,
      stopSequences: ['END'],
    });
    expect(call.prompt[0]).toMatchObject({ role: 'system', content: 'Be brief.' });

    const again = await generateStep(options);
    expect(again).toMatchObject({ text: 'Rain falls.', fromJournal: true, key: first.key });
    expect(mock.doStreamCalls).toHaveLength(1);

    // Usage and cost: 1000 × $0.15 + 2000 × $0.60 per 1M tokens.
    expect(run.usage.stage('write')).toMatchObject({ calls: 1, outputTokens: 2000 });
    expect(run.usage.run.costUsd).toBeCloseTo(0.00135, 10);

    const entry = JSON.parse((await readFile(join(run.journal.file), 'utf8')).trim());
    expect(entry).toMatchObject({
      key: first.key,
      stage: 'write',
      step: 3,
      model: 'openai:gpt-4o-mini',
    });
    expect(entry.data).toEqual({ text: 'Rain falls.', finishReason: 'stop' });
  });

  it('survives reopening the run: a resumed run never redoes a step', async () => {
    const mock = new MockLanguageModelV4({ doStream: () => Promise.resolve(streamOf(['One.'])) });
    const options = {
      scheduler: createScheduler(),
      model: resolved(mock),
      stage: 'plan',
      prompt: 'p',
      onTextDelta: streamed,
    };
    await generateStep({ ...options, run });
    await run.close();
    run = await openRun({ dir: join(root, 'run'), command: 'test', config: {} });
    const replay = await generateStep({ ...options, run });
    expect(replay).toMatchObject({ text: 'One.', fromJournal: true });
    expect(mock.doStreamCalls).toHaveLength(1);
  });

  it('keys on every input that changes the result', async () => {
    const mock = new MockLanguageModelV4({ doStream: () => Promise.resolve(streamOf(['x'])) });
    const base = { model: resolved(mock), stage: 'write', prompt: 'p', params: { temperature: 1 } };
    const key = generateStepKey(base);
    const variants = [
      { ...base, attempt: 1 },
      { ...base, step: 2 },
      { ...base, stage: 'plan' },
      { ...base, prompt: 'q' },
      { ...base, instructions: 'i' },
      { ...base, params: { temperature: 0.9 } },
      { ...base, params: { temperature: 1, seed: 3 } },
      { ...base, model: resolved(mock, 'openai:gpt-4o') },
      { ...base, keyParts: { template: 'write@2' } },
      { ...base, output: z.object({ a: z.string() }) },
    ];
    const keys = new Set(variants.map(variant => generateStepKey(variant)));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(key)).toBe(false);
    // Same inputs, differently ordered params: same key.
    expect(generateStepKey({ ...base, params: { temperature: 1 } })).toBe(key);
  });

  it('generates structured output and replays it validated', async () => {
    const mock = new MockLanguageModelV4({
      doGenerate: {
        content: [{ type: 'text', text: '{"sections":[{"mainPoint":"rain","targetWords":300}]}' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      },
    });
    const schema = z.object({
      sections: z.array(z.object({ mainPoint: z.string(), targetWords: z.number() })),
    });
    const options = {
      run,
      scheduler: createScheduler(),
      model: resolved(mock),
      stage: 'plan',
      prompt: 'Plan.',
      output: schema,
    };
    const first = await generateStep(options);
    expect(first.object).toEqual({ sections: [{ mainPoint: 'rain', targetWords: 300 }] });
    expect(mock.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json' });
    const again = await generateStep(options);
    expect(again).toMatchObject({ fromJournal: true, object: first.object });
    expect(mock.doGenerateCalls).toHaveLength(1);
  });

  it('surfaces the provider error and journals nothing when a call fails', async () => {
    const mock = new MockLanguageModelV4({
      doStream: () =>
        Promise.reject(
          new APICallError({
            message: 'context too long',
            url: 'x',
            requestBodyValues: {},
            statusCode: 400,
          }),
        ),
    });
    const error = await generateStep({
      run,
      scheduler: createScheduler({ maxRetries: 0 }),
      model: resolved(mock),
      stage: 'write',
      prompt: 'p',
      onTextDelta: streamed,
    }).catch(e => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe('context too long');
    expect(run.journal.count).toBe(0);
  });

  it('reports 429s seen on retried attempts to the scheduler', async () => {
    let calls = 0;
    const mock = new MockLanguageModelV4({
      doStream: async () => {
        calls += 1;
        if (calls === 1) throw tooManyRequests();
        return streamOf(['ok']);
      },
    });
    const scheduler = createScheduler({ concurrency: 4, maxRetries: 2 });
    const result = await generateStep({
      run,
      scheduler,
      model: resolved(mock),
      stage: 's',
      prompt: 'p',
      onTextDelta: streamed,
    });
    expect(result.text).toBe('ok');
    expect(calls).toBe(2);
    expect(scheduler.stats()).toMatchObject({ rateLimited: 1, concurrency: 2, succeeded: 1 });
  });

  it('makes one call for identical concurrent steps', async () => {
    const mock = new MockLanguageModelV4({
      doStream: async () => {
        await new Promise(resolve => setTimeout(resolve, 20));
        return streamOf(['shared']);
      },
    });
    const options = {
      run,
      scheduler: createScheduler(),
      model: resolved(mock),
      stage: 's',
      prompt: 'p',
      onTextDelta: streamed,
    };
    const results = await Promise.all([
      generateStep(options),
      generateStep(options),
      generateStep(options),
    ]);
    expect(results.map(result => result.text)).toEqual(['shared', 'shared', 'shared']);
    expect(mock.doStreamCalls).toHaveLength(1);
    expect(run.journal.count).toBe(1);
  });

  it('cancels through its signal and journals nothing', async () => {
    const mock = new MockLanguageModelV4({
      doStream: async ({ abortSignal }) =>
        new Promise((_, reject) => {
          abortSignal?.addEventListener('abort', () => reject(abortSignal.reason), { once: true });
        }),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      generateStep({
        run,
        scheduler: createScheduler({ maxRetries: 0 }),
        model: resolved(mock),
        stage: 's',
        prompt: 'p',
        onTextDelta: streamed,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.journal.count).toBe(0);
  });

  it('rejects a step with both or neither of prompt and messages', async () => {
    const model = resolved(new MockLanguageModelV4());
    const scheduler = createScheduler();
    await expect(generateStep({ run, scheduler, model, stage: 's' })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(
      generateStep({
        run,
        scheduler,
        model,
        stage: 's',
        prompt: 'p',
        messages: [{ role: 'user', content: 'p' }],
      }),
    ).rejects.toThrow('exactly one of prompt and messages');
    await expect(
      generateStep({ run, scheduler, model, stage: 's', prompt: 'p', params: { topP: 2 } }),
    ).rejects.toThrow('field "topP"');
  });

  it('refuses a journaled result that does not match the step format, naming the journal', async () => {
    const mock = new MockLanguageModelV4({ doStream: () => Promise.resolve(streamOf(['x'])) });
    const options = {
      run,
      scheduler: createScheduler(),
      model: resolved(mock),
      stage: 's',
      prompt: 'p',
    };
    await run.journal.append({ key: generateStepKey(options), stage: 's', data: { text: 42 } });
    await expect(generateStep(options)).rejects.toThrow(`${run.journal.file}, field "text"`);
    expect(mock.doStreamCalls).toHaveLength(0);
  });

  it('runs against the simulator with messages', async () => {
    const model = resolveModel('sim:compliant', { env: {}, sim: { seed: 3 } });
    const result = await generateStep({
      run,
      scheduler: createScheduler(),
      model,
      stage: 'write',
      messages: [{ role: 'user', content: 'Write about 150 words on the history of tea.' }],
      params: { maxOutputTokens: 2000 },
    });
    expect(result.fromJournal).toBe(false);
    expect(result.text.split(/\s+/).length).toBeGreaterThan(80);
    expect(run.usage.run.costUsd).toBe(0);
  });
});

describe('generateStep without a text callback', () => {
  it('does not stream, and journals provider metadata such as logprobs', async () => {
    const logprobs = [{ token: 'm', logprob: -0.1, top_logprobs: [{ token: 'M', logprob: -2.3 }] }];
    const mock = new MockLanguageModelV4({
      doGenerate: {
        content: [{ type: 'text', text: 'm' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
        providerMetadata: { openai: { logprobs } },
      },
    });
    const options = {
      run,
      scheduler: createScheduler(),
      model: resolved(mock),
      stage: 'judge',
      prompt: 'Which output is better?',
      providerOptions: { openai: { logprobs: 5 } },
    };
    const first = await generateStep(options);
    expect(first).toMatchObject({
      text: 'm',
      fromJournal: false,
      providerMetadata: { openai: { logprobs } },
    });
    expect(mock.doGenerateCalls).toHaveLength(1);
    const again = await generateStep(options);
    expect(again).toMatchObject({
      text: 'm',
      fromJournal: true,
      providerMetadata: { openai: { logprobs } },
    });
    expect(mock.doGenerateCalls).toHaveLength(1);
  });
});
