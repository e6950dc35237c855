/**
 * Overhead per model call added by longform's orchestration, measured side by side in one run:
 * a bare AI SDK call to an instant mock model, the same call through the scheduler, and the same
 * call through `generateStep` (scheduler + step key + journal append), then a resumed run that
 * reads every step back from the journal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, generateStep, openRun, type ResolvedModel } from '@longform/core';
import { generateText } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

const calls = Number(process.env.BENCH_CALLS ?? 2000);
const text = 'word '.repeat(500);

const usage = {
  inputTokens: { total: 50, noCache: 50, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 500, text: 500, reasoning: undefined },
};
const finishReason = { unified: 'stop', raw: 'stop' } as const;

const mockModel = () =>
  new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: 'text', text }],
      finishReason,
      usage,
      warnings: [],
    }),
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: text },
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason, usage },
      ]),
    }),
  });

async function time(label: string, body: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await body();
  const perCallUs = ((performance.now() - started) * 1000) / calls;
  console.log(`${label.padEnd(44)} ${perCallUs.toFixed(1).padStart(8)} µs/call`);
  return perCallUs;
}

/** Runs `calls` tasks with at most 4 in flight, like the scheduler does, so the comparison is fair. */
async function pool(task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < calls) await task(next++);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

console.log(`orchestration overhead: ${calls} calls to an instant mock model (concurrency 4)`);
const model = mockModel();
// Warm-up: JIT the SDK path before anything is timed.
await pool(i => generateText({ model, prompt: `warm${i}` }));
const bare = await time('generateText (bare AI SDK, pool of 4)', () =>
  pool(i => generateText({ model, prompt: `p${i}` })),
);

const scheduled = await time('scheduler.schedule + generateText', async () => {
  const scheduler = createScheduler({ concurrency: 4 });
  await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      scheduler.schedule(({ signal }) =>
        generateText({ model, prompt: `p${i}`, ...scheduler.callSettings({ signal }) }),
      ),
    ),
  );
});

const dir = await mkdtemp(join(tmpdir(), 'longform-bench-'));
const resolved: ResolvedModel = {
  spec: 'mock',
  provider: 'sim',
  modelId: 'mock',
  languageModel: mockModel(),
  capabilities: { structuredOutput: false, logprobs: false, prefill: false },
};
try {
  const runSteps = async () => {
    const run = await openRun({ dir: join(dir, 'run'), command: 'bench', config: { calls } });
    const scheduler = createScheduler({ concurrency: 4 });
    await Promise.all(
      Array.from({ length: calls }, (_, i) =>
        generateStep({ run, scheduler, model: resolved, stage: 'bench', step: i, prompt: `p${i}` }),
      ),
    );
    await run.close();
  };
  const journaled = await time('generateStep (scheduler + key + journal)', runSteps);
  const resumed = await time('generateStep resumed (read back from journal)', runSteps);
  console.log(
    `overhead over bare SDK: scheduler ${(scheduled - bare).toFixed(1)} µs/call, ` +
      `generateStep ${(journaled - bare).toFixed(1)} µs/call; resume reads a step in ${resumed.toFixed(1)} µs`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
