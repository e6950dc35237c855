import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimServer } from '@longform/sim';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateStep } from '../generate/generate-step';
import { openRun } from '../journal/open-run';
import { createScheduler } from '../scheduler/create-scheduler';
import { resolveModel } from './resolve-model';

/**
 * A minimal OpenAI chat-completions server: JSON and SSE (with a usage chunk), and switches for a
 * 429 with `retry-after`, a stalled response, and echoing what it received.
 */
interface Behaviour {
  rateLimitFirst: number;
  stallMs: number;
}
const requests: Array<{ body: Record<string, unknown>; authorization?: string; path?: string }> =
  [];
const behaviour: Behaviour = { rateLimitFirst: 0, stallMs: 0 };
let server: Server;
let baseURL: string;

function chunk(delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  let raw = '';
  for await (const part of req) raw += part;
  const body = JSON.parse(raw) as Record<string, unknown>;
  requests.push({ body, authorization: req.headers.authorization, path: req.url });
  if (requests.length <= behaviour.rateLimitFirst) {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0.05' });
    res.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'rate_limit' } }));
    return;
  }
  if (behaviour.stallMs > 0) {
    await new Promise(resolve => setTimeout(resolve, behaviour.stallMs));
    if (res.destroyed) return;
  }
  const words = ['Rain ', 'falls ', 'softly.'];
  const usage = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 };
  if (body.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
    send(chunk({ role: 'assistant', content: '' }));
    for (const word of words) send(chunk({ content: word }));
    send(chunk({}, 'stop'));
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
      send({ ...chunk({}), choices: [], usage });
    }
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: words.join('') },
          finish_reason: 'stop',
        },
      ],
      usage,
    }),
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch(error => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
  behaviour.rateLimitFirst = 0;
  behaviour.stallMs = 0;
});

const env = { OPENAI_API_KEY: 'test-key-openai' };

describe.each([
  ['openai:test-model', 'Bearer test-key-openai'],
  ['compat:test-model', 'Bearer test-key-openai'],
  ['test-model', undefined],
])('%s over HTTP', (spec, authorization) => {
  const resolve = () =>
    resolveModel(spec, { baseURL, env: authorization === undefined ? {} : env });

  it('generates (JSON) with usage, sending the request fields', async () => {
    const result = await generateText({
      model: resolve().languageModel,
      prompt: 'Say something.',
      temperature: 0.5,
      seed: 7,
      stopSequences: ['END'],
      maxOutputTokens: 100,
    });
    expect(result.text).toBe('Rain falls softly.');
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 3, totalTokens: 15 });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe('/v1/chat/completions');
    expect(requests[0]?.authorization).toBe(authorization);
    expect(requests[0]?.body).toMatchObject({
      model: 'test-model',
      temperature: 0.5,
      seed: 7,
      stop: ['END'],
    });
  });

  it('streams deltas and usage', async () => {
    const result = streamText({ model: resolve().languageModel, prompt: 'Say something.' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Rain falls softly.');
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(await result.usage).toMatchObject({ inputTokens: 12, outputTokens: 3 });
    expect(await result.finishReason).toBe('stop');
  });

  it('retries a 429 after retry-after, through the SDK', async () => {
    behaviour.rateLimitFirst = 2;
    const started = Date.now();
    const result = await generateText({
      model: resolve().languageModel,
      prompt: 'x',
      maxRetries: 2,
    });
    expect(result.text).toBe('Rain falls softly.');
    expect(requests).toHaveLength(3);
    // retry-after: 0.05 s each time, not the SDK's default backoff (2 s + 4 s).
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up after maxRetries on persistent 429s', async () => {
    behaviour.rateLimitFirst = 10;
    await expect(
      generateText({ model: resolve().languageModel, prompt: 'x', maxRetries: 1 }),
    ).rejects.toThrow();
    expect(requests).toHaveLength(2);
  });

  it('times out a stalled call', async () => {
    behaviour.stallMs = 5000;
    const started = Date.now();
    await expect(
      generateText({ model: resolve().languageModel, prompt: 'x', maxRetries: 0, timeout: 150 }),
    ).rejects.toThrow(/timeout|abort/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborts a call in flight', async () => {
    behaviour.stallMs = 5000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(
      streamText({
        model: resolve().languageModel,
        prompt: 'x',
        maxRetries: 0,
        abortSignal: controller.signal,
      }).text,
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('against the simulator server', () => {
  let sim: Awaited<ReturnType<typeof startSimServer>>;
  beforeAll(async () => {
    sim = await startSimServer({ seed: 1 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each(['openai:sim:compliant', 'compat:sim:compliant'])(
    '%s streams and completes',
    async spec => {
      const model = resolveModel(spec, { baseURL: sim.url, env: { OPENAI_API_KEY: 'unused' } });
      const result = streamText({
        model: model.languageModel,
        prompt: 'Write about 120 words on tides.',
      });
      let deltas = 0;
      for await (const _ of result.textStream) deltas += 1;
      expect(deltas).toBeGreaterThan(1);
      expect((await result.text).split(/\s+/).length).toBeGreaterThan(50);
      expect((await result.usage).outputTokens).toBeGreaterThan(0);

      const completion = await generateText({
        model: model.completionModel!,
        prompt: 'Once upon a time',
        maxOutputTokens: 30,
      });
      expect(completion.text.length).toBeGreaterThan(0);
    },
  );
});

describe('scheduled steps against a simulator server that answers 429s', () => {
  it('retries through the SDK, backs off, and journals every step once', async () => {
    const sim = await startSimServer({
      seed: 5,
      faults: { rate429: 0.4, retryAfterSeconds: 0.01 },
    });
    const root = await mkdtemp(join(tmpdir(), 'longform-http-'));
    const run = await openRun({ dir: join(root, 'run'), command: 'test', config: {} });
    try {
      const model = resolveModel('compat:sim:compliant', { baseURL: sim.url, env: {} });
      const scheduler = createScheduler({ concurrency: 8, maxRetries: 8 });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, step) =>
          generateStep({
            run,
            scheduler,
            model,
            stage: 'write',
            step,
            prompt: `Write about 60 words on topic ${step}.`,
          }),
        ),
      );
      expect(results.every(result => result.text.length > 0 && !result.fromJournal)).toBe(true);
      const faults = sim.stats().faults['429'];
      expect(faults).toBeGreaterThan(0);
      expect(scheduler.stats()).toMatchObject({ rateLimited: faults, succeeded: 12, failed: 0 });
      expect(scheduler.stats().concurrency).toBeLessThan(8);
      expect(run.journal.count).toBe(12);
      expect(run.usage.run).toMatchObject({ calls: 12, costUsd: undefined, unpricedCalls: 12 });
    } finally {
      await run.close();
      await sim.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
