import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, openRun, resolveModel } from '@longform/core';
import { createSim } from '@longform/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgentWriter } from './create-agent-writer';
import { createRunStepRunner } from './create-run-step-runner';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })));
});

async function writeInRun(dir: string, faults?: { rateTruncate: number }) {
  const sim = createSim({ seed: 5, ...(faults ? { faults } : {}) });
  const model = resolveModel('sim:over', { simProvider: sim });
  const run = await openRun({ dir, command: 'test-write', config: { v: 1 } });
  try {
    const writer = createAgentWriter({
      runner: createRunStepRunner({
        run,
        scheduler: createScheduler({ concurrency: 1 }),
        model,
        maxTries: 8,
      }),
      supportsStructuredOutput: model.capabilities.structuredOutput,
    });
    const result = await writer.write({ instruction: 'Write a 1500-word essay on lock keepers.' });
    return { ...result, cut: sim.stats().faults.truncate };
  } finally {
    await run.close();
  }
}

describe('createRunStepRunner', () => {
  it('journals every call, so a second run replays the same document without calling the model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aw-run-'));
    dirs.push(dir);
    const first = await writeInRun(dir);
    expect(first.modelCalls).toBeGreaterThan(0);
    const second = await writeInRun(dir);
    expect(second.modelCalls).toBe(0);
    expect(second.journalHits).toBe(first.modelCalls);
    expect(second.document).toBe(first.document);
  });

  it('never uses a cut stream: with cut responses the document equals the clean run', async () => {
    const clean = await mkdtemp(join(tmpdir(), 'aw-run-'));
    const cut = await mkdtemp(join(tmpdir(), 'aw-run-'));
    dirs.push(clean, cut);
    const a = await writeInRun(clean);
    const b = await writeInRun(cut, { rateTruncate: 0.5 });
    expect(b.cut).toBeGreaterThan(0);
    expect(b.document).toBe(a.document);
  });
});
