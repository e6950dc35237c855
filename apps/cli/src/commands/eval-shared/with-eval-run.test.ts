import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_MANIFEST_FILE, RunLockedError } from '@longform/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliContext, type GlobalOptions } from '../../cli-context';
import { captureIo } from '../../testing/capture-io';
import { withEvalRun } from './with-eval-run';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'with-eval-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const globals: GlobalOptions = { json: false, quiet: false };
const options = { concurrency: 2, timeout: 1000, fresh: false };
const inRunDir = (runDir: string) => ({
  command: 'eval x',
  prefix: 'x',
  config: {},
  options: { ...options, runDir },
});
const status = async (runDir: string) =>
  JSON.parse(await readFile(join(runDir, RUN_MANIFEST_FILE), 'utf8')).status;

describe('withEvalRun', () => {
  it('opens a run folder named by the config hash, marks it completed and resumes it', async () => {
    const io = captureIo({ cwd: dir });
    const context = new CliContext(io);
    const settings = { command: 'eval x', prefix: 'x', config: { a: 1 }, options };
    const first = await withEvalRun(
      context,
      globals,
      settings,
      async ({ run, runDir, scheduler }) => {
        expect(run.dir).toBe(runDir);
        expect(typeof scheduler.schedule).toBe('function');
        return runDir;
      },
    );
    expect(first).toMatch(new RegExp(`^${dir}/\\.longform/runs/x-[0-9a-f]{12}$`));
    expect(await status(first)).toBe('completed');
    expect(io.err()).toContain(`run folder: ${first}`);

    const again = captureIo({ cwd: dir });
    const second = await withEvalRun(
      new CliContext(again),
      globals,
      { ...settings, stepsNoun: 'judgements' },
      async ({ runDir }) => runDir,
    );
    expect(second).toBe(first);
    expect(again.err()).toContain(`resuming the run in ${first} (0 judgements done)`);

    const other = await withEvalRun(
      context,
      { ...globals, quiet: true },
      { ...settings, config: { a: 2 } },
      async ({ runDir }) => runDir,
    );
    expect(other).not.toBe(first);
  });

  it('uses --run-dir relative to the cwd, marks a failure and releases the folder', async () => {
    const context = new CliContext(captureIo({ cwd: dir }));
    const settings = inRunDir('mine');
    await expect(
      withEvalRun(context, globals, settings, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await status(join(dir, 'mine'))).toBe('failed');
    // The lock is released: the same folder opens again.
    await withEvalRun(context, globals, settings, async () => undefined);
    expect(await status(join(dir, 'mine'))).toBe('completed');
  });

  it('marks an aborted run cancelled', async () => {
    const controller = new AbortController();
    const context = new CliContext(captureIo({ cwd: dir, signal: controller.signal }));
    const settings = inRunDir('r');
    await expect(
      withEvalRun(context, globals, settings, async () => {
        controller.abort();
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await status(join(dir, 'r'))).toBe('cancelled');
  });

  it('refuses a run folder that is in use', async () => {
    const context = new CliContext(captureIo({ cwd: dir }));
    const settings = inRunDir('r');
    const error = await withEvalRun(context, globals, settings, () =>
      withEvalRun(context, globals, settings, async () => undefined),
    ).catch((e: unknown) => e);
    expect(RunLockedError.isInstance(error)).toBe(true);
  });
});
