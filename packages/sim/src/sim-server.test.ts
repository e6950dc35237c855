import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError } from '@ai-sdk/provider';
import { generateText, Output, streamText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SimInvalidSettingsError } from './errors';
import { countSimUnits } from './generate-prose';
import { createSim } from './sim-provider';
import { type SimServer, type SimServerSettings, startSimServer } from './sim-server';

// The completion model warns about unsupported settings; keep test output readable.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const servers: SimServer[] = [];
async function start(settings: SimServerSettings = {}) {
  const server = await startSimServer(settings);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

const post = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

/** Parses an SSE body into its `data:` payloads. */
function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter(block => block.startsWith('data: '))
    .map(block => block.slice('data: '.length));
}

describe('startSimServer over HTTP', () => {
  it('binds 127.0.0.1 only', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    await expect(startSimServer({ host: '0.0.0.0' })).rejects.toThrow(SimInvalidSettingsError);
    await expect(startSimServer({ host: 'localhost' })).rejects.toThrow(/only binds 127\.0\.0\.1/);
    await expect(startSimServer({ port: -1 })).rejects.toThrow(/field "port"/);
  });

  it('lists the profiles on /v1/models', async () => {
    const server = await start();
    const body = (await (await fetch(`${server.url}/models`)).json()) as {
      object: string;
      data: Array<{ id: string; object: string }>;
    };
    expect(body.object).toBe('list');
    expect(body.data.map(m => m.id)).toEqual([
      'sim',
      'sim:compliant',
      'sim:under',
      'sim:over',
      'sim:capped',
      'sim:noisy',
    ]);
    expect((await fetch(`${server.url}/models/sim:capped`)).status).toBe(200);
  });

  it('answers chat completions (non-streaming) with usage', async () => {
    const server = await start({ seed: 5 });
    const res = await post(`${server.url}/chat/completions`, {
      model: 'sim:compliant',
      messages: [{ role: 'user', content: 'Write a 250-word note.' }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      object: string;
      choices: Array<{ message: { role: string; content: string }; finish_reason: string }>;
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message.role).toBe('assistant');
    expect(body.choices[0]!.finish_reason).toBe('stop');
    const n = countSimUnits(body.choices[0]!.message.content);
    expect(Math.abs(n - 250)).toBeLessThanOrEqual(13);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('streams chat completions as SSE with a usage chunk and [DONE]', async () => {
    const server = await start();
    const request = {
      model: 'sim',
      messages: [{ role: 'user', content: 'Write 120 words.' }],
      max_tokens: 60,
    };
    const plain = (await (await post(`${server.url}/chat/completions`, request)).json()) as {
      choices: Array<{ message: { content: string } }>;
      usage: { completion_tokens: number };
    };
    const res = await post(`${server.url}/chat/completions`, {
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const data = sseData(await res.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map(
      d =>
        JSON.parse(d) as {
          object: string;
          choices: Array<{
            delta: { role?: string; content?: string };
            finish_reason: string | null;
          }>;
          usage?: { completion_tokens: number };
        },
    );
    expect(chunks.every(c => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.flatMap(c => c.choices.map(ch => ch.delta.content ?? '')).join('');
    expect(text).toBe(plain.choices[0]!.message.content);
    const finish = chunks.flatMap(c => c.choices).find(ch => ch.finish_reason !== null);
    expect(finish?.finish_reason).toBe('length');
    const usage = chunks.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage!.completion_tokens).toBe(plain.usage.completion_tokens);
  });

  it('continues raw prompts on /v1/completions, streaming and not', async () => {
    const server = await start();
    const request = {
      model: 'sim:compliant',
      prompt: 'user:\nWrite about a harbor.\n\nassistant:\n[MLT:50]',
    };
    const body = (await (await post(`${server.url}/completions`, request)).json()) as {
      object: string;
      choices: Array<{ text: string; finish_reason: string }>;
    };
    expect(body.object).toBe('text_completion');
    expect(Math.abs(countSimUnits(body.choices[0]!.text) - 50)).toBeLessThanOrEqual(3);
    const data = sseData(
      await (await post(`${server.url}/completions`, { ...request, stream: true })).text(),
    );
    expect(data.at(-1)).toBe('[DONE]');
    const text = data
      .slice(0, -1)
      .map(d => (JSON.parse(d) as { choices: Array<{ text: string }> }).choices[0]?.text ?? '')
      .join('');
    expect(text).toBe(body.choices[0]!.text);
  });

  it('returns judge logprobs in choices[0].logprobs.content[0].top_logprobs', async () => {
    const server = await start({ judge: { noise: 0 } });
    const prompt = `{"model_identifier": "m", "output": """<!-- sim_quality=0.20 -->\n\nMeh."""}, {"model_identifier": "M", "output": """<!-- sim_quality=0.80 -->\n\nFine."""}`;
    const body = (await (
      await post(`${server.url}/chat/completions`, {
        model: 'sim',
        messages: [{ role: 'user', content: prompt }],
        logprobs: true,
        top_logprobs: 5,
      })
    ).json()) as {
      choices: Array<{
        message: { content: string };
        logprobs: {
          content: Array<{
            token: string;
            top_logprobs: Array<{ token: string; logprob: number }>;
          }>;
        };
      }>;
    };
    const choice = body.choices[0]!;
    expect(choice.message.content).toBe('M');
    const top = choice.logprobs.content[0]!.top_logprobs;
    expect(top.map(t => t.token)).toEqual(['M', 'm']);
    expect(Math.exp(top[0]!.logprob) + Math.exp(top[1]!.logprob)).toBeCloseTo(1, 10);
  });

  it('answers unknown models with 404 and bad bodies with 400, in OpenAI error format', async () => {
    const server = await start();
    const unknown = await post(`${server.url}/chat/completions`, {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { type: 'invalid_request_error', param: 'model', code: 'model_not_found' },
    });
    const bad = await post(`${server.url}/chat/completions`, { model: 'sim', messages: 'hi' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { param: 'messages', message: expect.stringContaining('field "messages"') },
    });
    const broken = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{nope' });
    expect(broken.status).toBe(400);
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
  });
});

describe('startSimServer with @ai-sdk/openai (chat and completion models)', () => {
  it('serves text, streams and judge logprobs in the shape @ai-sdk/openai parses', async () => {
    const server = await start({ judge: { noise: 0 } });
    const openai = createOpenAI({ baseURL: server.url, apiKey: 'not-a-real-key' });
    const generated = await generateText({ model: openai.chat('sim'), prompt: 'Write 100 words.' });
    expect(countSimUnits(generated.text)).toBeGreaterThanOrEqual(95);
    const streamed = streamText({ model: openai.chat('sim'), prompt: 'Write 100 words.' });
    expect(await streamed.text).toBe(generated.text);
    expect((await streamed.usage).outputTokens).toBe(generated.usage.outputTokens);

    const judgePrompt = `{"model_identifier": "m", "output": """<!-- sim_quality=0.90 -->\n\nGood."""}, {"model_identifier": "M", "output": """Bad."""}`;
    const judged = await generateText({
      model: openai.chat('sim'),
      prompt: judgePrompt,
      maxOutputTokens: 1,
      providerOptions: { openai: { logprobs: 5 } },
    });
    expect(judged.text).toBe('m');
    const viaHttp = judged.providerMetadata?.openai?.logprobs;
    const direct = await generateText({
      model: createSim({ judge: { noise: 0 } })('sim'),
      prompt: judgePrompt,
      maxOutputTokens: 1,
      providerOptions: { openai: { logprobs: 5 } },
    });
    // The provider face exposes exactly what @ai-sdk/openai parses from the server.
    expect(direct.providerMetadata?.openai?.logprobs).toEqual(viaHttp);

    const completion = await generateText({
      model: openai.completion('sim'),
      prompt: judgePrompt,
      maxOutputTokens: 1,
      providerOptions: { openai: { logprobs: 5 } },
    });
    expect(completion.providerMetadata?.openai?.logprobs).toMatchObject({
      tokens: ['m'],
      top_logprobs: [{ m: expect.any(Number), M: expect.any(Number) }],
    });
  });
});

describe('startSimServer with the AI SDK (@ai-sdk/openai-compatible)', () => {
  const provider = (url: string) =>
    createOpenAICompatible({ baseURL: url, name: 'sim', includeUsage: true });

  it('generateText and streamText with usage', async () => {
    const server = await start({ seed: 2 });
    const model = provider(server.url).chatModel('sim:under');
    const generated = await generateText({ model, prompt: 'Write a 1000-word story.' });
    const n = countSimUnits(generated.text);
    expect(n).toBeGreaterThanOrEqual(650);
    expect(n).toBeLessThanOrEqual(750);
    expect(generated.usage.outputTokens).toBeGreaterThan(n);
    const streamed = streamText({ model, prompt: 'Write a 1000-word story.' });
    expect(await streamed.text).toBe(generated.text);
    expect((await streamed.usage).outputTokens).toBe(generated.usage.outputTokens);
    expect(await streamed.finishReason).toBe('stop');
    const completion = await generateText({
      model: provider(server.url).completionModel('sim'),
      prompt: 'Write 40 words.',
    });
    expect(completion.text.length).toBeGreaterThan(0);
    expect(server.stats()).toMatchObject({ requests: 3, completed: 3, active: 0 });
  });

  it('answers exactly like the provider face for the same request', async () => {
    const server = await start({ seed: 9, quality: 0.4 });
    const request = {
      instructions: 'You write essays.',
      prompt: 'Write a 350-word essay on bridges.',
      maxOutputTokens: 300,
      stopSequences: ['zzz'],
    };
    const overHttp = await generateText({
      model: provider(server.url).chatModel('sim:noisy'),
      ...request,
    });
    const direct = await generateText({
      model: createSim({ seed: 9, quality: 0.4 })('sim:noisy'),
      ...request,
    });
    expect(overHttp.text).toBe(direct.text);
    expect(overHttp.usage.outputTokens).toBe(direct.usage.outputTokens);
    expect(overHttp.finishReason).toBe(direct.finishReason);
  });

  it('returns schema-valid JSON for Output.object when structured outputs are on', async () => {
    const server = await start();
    const model = createOpenAICompatible({
      baseURL: server.url,
      name: 'sim',
      supportsStructuredOutputs: true,
    }).chatModel('sim');
    const schema = z.object({
      sections: z.array(z.object({ mainPoint: z.string(), targetWords: z.number().int() })).min(1),
    });
    const { output } = await generateText({
      model,
      prompt: 'Plan a 3000-word guide to harbors.',
      output: Output.object({ schema }),
    });
    expect(output.sections.reduce((sum, s) => sum + s.targetWords, 0)).toBe(3000);
  });

  it('applies stop sequences and max_tokens over HTTP', async () => {
    const server = await start();
    const model = provider(server.url).chatModel('sim');
    const full = (await generateText({ model, prompt: 'Write 200 words.' })).text;
    const stop = full.split(' ')[6]!;
    const stopped = await generateText({
      model,
      prompt: 'Write 200 words.',
      stopSequences: [stop],
    });
    expect(stopped.text).toBe(full.slice(0, full.indexOf(stop)));
    expect(stopped.finishReason).toBe('stop');
    const cut = await generateText({ model, prompt: 'Write 200 words.', maxOutputTokens: 20 });
    expect(cut.finishReason).toBe('length');
    expect(cut.usage.outputTokens).toBeLessThanOrEqual(20);
    expect(full.startsWith(cut.text)).toBe(true);
  });

  it('honours retry-after on 429 through the SDK retry', async () => {
    const server = await start({ faults: { rate429: 0.5, retryAfterSeconds: 0.05 } });
    const started = Date.now();
    const result = await generateText({
      model: provider(server.url).chatModel('sim'),
      prompt: 'Write 30 words.',
      maxRetries: 10,
    });
    expect(countSimUnits(result.text)).toBeGreaterThan(20);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.stats().faults['429']).toBeGreaterThan(0);

    const always = await start({ faults: { rate429: 1, retryAfterSeconds: 7 } });
    const res = await post(`${always.url}/chat/completions`, {
      model: 'sim',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('retry-after-ms')).toBe('7000');
  });

  it('surfaces 500s, malformed bodies and truncated streams as errors', async () => {
    const failing = await start({ faults: { rate500: 1 } });
    const e500 = await generateText({
      model: provider(failing.url).chatModel('sim'),
      prompt: 'hi',
      maxRetries: 0,
    }).catch(e => e);
    expect(APICallError.isInstance(e500)).toBe(true);
    expect((e500 as APICallError).statusCode).toBe(500);

    const malformed = await start({ faults: { rateMalformed: 1 } });
    const eBad = await generateText({
      model: provider(malformed.url).chatModel('sim'),
      prompt: 'hi',
      maxRetries: 0,
    }).catch(e => e);
    expect(APICallError.isInstance(eBad)).toBe(true);
    expect((eBad as APICallError).message).toBe('Invalid JSON response');

    const truncated = await start({ faults: { rateTruncate: 1 } });
    const res = await post(`${truncated.url}/chat/completions`, {
      model: 'sim',
      messages: [{ role: 'user', content: 'Write 200 words.' }],
      stream: true,
    });
    const data = sseData(await res.text());
    expect(data).not.toContain('[DONE]');
    expect(
      data
        .map(d => JSON.parse(d) as { choices: Array<{ finish_reason: string | null }> })
        .every(c => c.choices[0]!.finish_reason === null),
    ).toBe(true);
    const errors: unknown[] = [];
    const streamed = streamText({
      model: provider(truncated.url).chatModel('sim'),
      prompt: 'Write 200 words.',
      onError: ({ error }) => void errors.push(error),
    });
    await streamed.consumeStream();
    expect(errors.length).toBe(1);
    expect(String(errors[0])).toMatch(/without a finish reason/);
  });

  it('a hang holds the request until the client aborts, and close() still returns', async () => {
    const server = await start({ faults: { rateHang: 1 } });
    const controller = new AbortController();
    let settled = false;
    const call = generateText({
      model: provider(server.url).chatModel('sim'),
      prompt: 'hi',
      maxRetries: 0,
      abortSignal: controller.signal,
    })
      .catch(e => e)
      .finally(() => {
        settled = true;
      });
    // Abort only once the server holds the request, so a slow start cannot fake a hang.
    await waitFor(() => server.stats().requests === 1);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort(new Error('client timeout'));
    expect(String(await call)).toMatch(/client timeout|abort/i);
    expect(server.stats()).toMatchObject({ active: 0, faults: { hang: 1 } });

    // A second hung request is still pending when the server closes.
    const pending = post(`${server.url}/chat/completions`, {
      model: 'sim',
      messages: [{ role: 'user', content: 'hi' }],
    }).catch(e => e);
    await waitFor(() => server.stats().requests === 2);
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('close() ends open streams', async () => {
    const server = await start({ latency: { timeToFirstTokenMs: 0, tokensPerSecond: 200 } });
    const res = await post(`${server.url}/chat/completions`, {
      model: 'sim',
      messages: [{ role: 'user', content: 'Write 2000 words.' }],
      stream: true,
    });
    const reader = res.body!.getReader();
    await reader.read();
    const closing = server.close();
    const rest = (async () => {
      try {
        for (;;) if ((await reader.read()).done) return 'ended';
      } catch {
        return 'ended';
      }
    })();
    await closing;
    expect(await rest).toBe('ended');
  });

  it('queues requests beyond capacity in FIFO order', async () => {
    const server = await start({
      capacity: { maxConcurrentStreams: 1 },
      latency: { timeToFirstTokenMs: 150 },
    });
    const finished: number[] = [];
    const requests: Array<Promise<unknown>> = [];
    // Send one at a time so the arrival order is known.
    for (const i of [0, 1, 2]) {
      requests.push(
        post(`${server.url}/chat/completions`, {
          model: 'sim',
          messages: [{ role: 'user', content: `Write 20 words ${i}.` }],
        })
          .then(r => r.json())
          .then(() => finished.push(i)),
      );
      await waitFor(() => server.stats().requests === i + 1);
    }
    await waitFor(() => server.stats().requests === 3);
    expect(server.stats()).toMatchObject({ active: 1, queued: 2 });
    await Promise.all(requests);
    expect(finished).toEqual([0, 1, 2]);
  });
});
