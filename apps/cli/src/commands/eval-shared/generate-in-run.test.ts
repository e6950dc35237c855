import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveModel } from '@longform/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliContext } from '../../cli-context';
import { captureIo } from '../../testing/capture-io';
import { generateInRun } from './generate-in-run';
import { hashItems } from './hash-items';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'generate-in-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { concurrency: 1, timeout: 1000, fresh: false, temperature: 0.5, maxTokens: 64 };

describe('generateInRun', () => {
  it('passes the sampling settings to the runner, keys the run by them and warns per failure', async () => {
    const io = captureIo({ cwd: dir });
    const model = resolveModel('sim:compliant');
    const seen: unknown[] = [];
    const settings = {
      command: 'eval x',
      prefix: 'x',
      model,
      options,
      items: ['a', 'b'],
      pending: 2,
    };
    const result = await generateInRun(
      new CliContext(io),
      { json: false, quiet: false },
      settings,
      async args => {
        seen.push(args.generation, args.model.spec, args.run.manifest.config);
        args.onProgress(2);
        return { generationFailures: [{ index: 1, error: 'overloaded' }] };
      },
    );
    expect(seen).toEqual([
      { temperature: 0.5, maxOutputTokens: 64 },
      model.spec,
      { model: model.spec, temperature: 0.5, maxTokens: 64, items: hashItems(['a', 'b']) },
    ]);
    expect(result.runDir).toContain(join(dir, '.longform', 'runs', 'x-'));
    expect(io.err()).toContain('row 2: generation failed, left out of the scores (overloaded)');
  });
});
