import { APICallError, NoSuchModelError } from '@ai-sdk/provider';
import { generateText, Output, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countSimUnits } from './generate-prose';
import { createSim } from './sim-provider';

describe('createSim', () => {
  it('generates text with usage through generateText', async () => {
    const sim = createSim({ seed: 1 });
    const result = await generateText({
      model: sim('sim:compliant'),
      prompt: 'Write a 400-word essay on gardens.',
    });
    const n = countSimUnits(result.text);
    expect(n).toBeGreaterThanOrEqual(380);
    expect(n).toBeLessThanOrEqual(420);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBeGreaterThan(n);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    const again = await generateText({
      model: sim('sim:compliant'),
      prompt: 'Write a 400-word essay on gardens.',
    });
    expect(again.text).toBe(result.text);
    expect(sim.stats()).toMatchObject({ requests: 2, completed: 2, active: 0 });
  });

  it('streams the same text as generateText, with usage and finish reason', async () => {
    const sim = createSim();
    const generated = await generateText({
      model: sim.chat('sim:over'),
      prompt: 'Write 300 words.',
      maxOutputTokens: 100,
    });
    const result = streamText({
      model: sim.chat('sim:over'),
      prompt: 'Write 300 words.',
      maxOutputTokens: 100,
    });
    let deltas = 0;
    for await (const _ of result.textStream) deltas++;
    expect(deltas).toBeGreaterThan(5);
    expect(await result.text).toBe(generated.text);
    expect(await result.finishReason).toBe('length');
    expect((await result.usage).outputTokens).toBeLessThanOrEqual(100);
  });

  it('continues a raw prompt with the completion model', async () => {
    const sim = createSim();
    const result = await generateText({
      model: sim.completion(),
      prompt: 'user:\nDescribe a bridge.\n\nassistant:\n[MLT:80]',
    });
    const n = countSimUnits(result.text);
    expect(n).toBeGreaterThanOrEqual(76);
    expect(n).toBeLessThanOrEqual(84);
  });

  it('returns schema-valid objects through Output.object', async () => {
    const sim = createSim();
    const schema = z.object({
      sections: z.array(z.object({ mainPoint: z.string(), targetWords: z.number().int() })),
    });
    const { output } = await generateText({
      model: sim(),
      prompt: 'Plan a 2500-word article about harbors.',
      output: Output.object({ schema }),
    });
    expect(output.sections.reduce((s, x) => s + x.targetWords, 0)).toBe(2500);
  });

  it('exposes judge logprobs in providerMetadata like @ai-sdk/openai', async () => {
    const sim = createSim({ judge: { noise: 0 } });
    const prompt = `{"model_identifier": "m", "output": """<!-- sim_quality=0.90 -->\n\nGood answer."""}, {"model_identifier": "M", "output": """<!-- sim_quality=0.10 -->\n\nBad answer."""} Which is better? Answer m or M.`;
    const result = await generateText({
      model: sim(),
      prompt,
      providerOptions: { openai: { logprobs: 5 } },
    });
    expect(result.text).toBe('m');
    const logprobs = result.providerMetadata?.openai?.logprobs as Array<{
      top_logprobs: Array<{ token: string; logprob: number }>;
    }>;
    expect(logprobs[0]!.top_logprobs.map(t => t.token)).toEqual(['m', 'M']);
    expect(result.providerMetadata?.sim?.logprobs).toEqual(logprobs);
  });

  it('rejects unknown model ids with NoSuchModelError', () => {
    const sim = createSim();
    expect(() => sim('gpt-4o')).toThrow(NoSuchModelError);
    expect(() => sim.embeddingModel('x')).toThrow(NoSuchModelError);
  });
});

describe('faults in the provider face', () => {
  it('throws a retryable 429 with retry-after headers, which the SDK retry honours', async () => {
    const sim = createSim({ faults: { rate429: 1, retryAfterSeconds: 0.05 } });
    const error = (await generateText({
      model: sim(),
      prompt: 'Write 50 words.',
      maxRetries: 0,
    }).catch(e => e)) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders).toEqual({ 'retry-after': '0.05', 'retry-after-ms': '50' });

    // With half the requests rate-limited, the SDK's own retries get through, paced by retry-after-ms.
    const retrying = createSim({ seed: 0, faults: { rate429: 0.5, retryAfterSeconds: 0.05 } });
    const started = Date.now();
    const ok = await generateText({ model: retrying(), prompt: 'Write 50 words.', maxRetries: 10 });
    expect(countSimUnits(ok.text)).toBeGreaterThan(40);
    // The 2 s default backoff would take seconds; retry-after-ms makes each retry 50 ms.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(retrying.stats().faults['429']).toBeGreaterThan(0);
  });

  it('throws a retryable 500', async () => {
    const sim = createSim({ faults: { rate500: 1 } });
    const error = await generateText({ model: sim(), prompt: 'Hi', maxRetries: 0 }).catch(e => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('hangs until the caller aborts', async () => {
    const sim = createSim({ faults: { rateHang: 1 } });
    const controller = new AbortController();
    let settled = false;
    const call = generateText({
      model: sim(),
      prompt: 'Hi',
      abortSignal: controller.signal,
      maxRetries: 0,
    })
      .catch(e => e)
      .finally(() => {
        settled = true;
      });
    while (sim.stats().requests < 1) await new Promise(resolve => setTimeout(resolve, 5));
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort(new Error('timed out'));
    expect(String(await call)).toMatch(/timed out|abort/i);
    expect(sim.stats().faults.hang).toBe(1);
    expect(sim.stats().active).toBe(0);
  });

  it('truncated and malformed bodies are non-retryable invalid-JSON errors in doGenerate', async () => {
    for (const faults of [{ rateTruncate: 1 }, { rateMalformed: 1 }]) {
      const sim = createSim({ faults });
      const error = await generateText({
        model: sim(),
        prompt: 'Write 100 words.',
        maxRetries: 0,
      }).catch(e => e);
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).message).toBe('Invalid JSON response');
      expect((error as APICallError).isRetryable).toBe(false);
      expect(() => JSON.parse((error as APICallError).responseBody!)).toThrow();
    }
  });

  it('a truncated stream stops half-way and reports it like @ai-sdk/openai-compatible does', async () => {
    const sim = createSim({ faults: { rateTruncate: 1 } });
    const errors: unknown[] = [];
    const result = streamText({
      model: sim(),
      prompt: 'Write 200 words.',
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    const n = countSimUnits(await result.text);
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(150);
    expect(await result.finishReason).toBe('error');
    expect(String(errors[0])).toMatch(/without a finish reason/);
    expect(sim.stats().completed).toBe(0);
  });

  it('a malformed stream event surfaces as an error part', async () => {
    const sim = createSim({ faults: { rateMalformed: 1 } });
    const model = sim();
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Write 200 words.' }] }],
    });
    const types: string[] = [];
    for await (const part of stream) types.push(part.type);
    expect(types).toContain('error');
    expect(types.at(-1)).toBe('finish');
  });
});

describe('capacity and latency in the provider face', () => {
  it('queues generations beyond maxConcurrentStreams', async () => {
    const sim = createSim({
      capacity: { maxConcurrentStreams: 1 },
      latency: { timeToFirstTokenMs: 100 },
    });
    const started = Date.now();
    const pending = [1, 2, 3].map(i =>
      generateText({ model: sim(), prompt: `Write 20 words, number ${i}.` }),
    );
    while (sim.stats().requests < 3) await new Promise(resolve => setTimeout(resolve, 5));
    expect(sim.stats()).toMatchObject({ active: 1, queued: 2 });
    await Promise.all(pending);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.stats()).toMatchObject({ active: 0, queued: 0, completed: 3 });
  });

  it('delays the first streamed token by timeToFirstTokenMs', async () => {
    const sim = createSim({ latency: { timeToFirstTokenMs: 60, tokensPerSecond: 2000 } });
    const started = Date.now();
    const result = streamText({ model: sim(), prompt: 'Write 200 words.' });
    let first = -1;
    for await (const _ of result.textStream) if (first < 0) first = Date.now() - started;
    const total = Date.now() - started;
    expect(first).toBeGreaterThanOrEqual(55);
    expect(total).toBeGreaterThanOrEqual(60 + 100); // ≈ 260 tokens at 2000/s
  });
});
