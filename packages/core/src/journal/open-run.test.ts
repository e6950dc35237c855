import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, RunConfigMismatchError, RunLockedError } from '../errors';
import { openRun } from './open-run';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-run-'));
  dir = join(root, 'run');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const config = {
  model: 'openai:gpt-4o',
  apiKey: 'sk-proj-abcdefghijklmnop',
  baseURL: 'https://user:pw@example.com/v1',
  params: { temperature: 1, maxOutputTokens: 4096 },
  headers: { Authorization: 'Bearer abc', 'x-trace': 'on' },
  note: 'sk-live1234567890abcdef',
};

describe('openRun', () => {
  it('creates a run folder with a manifest that holds no secrets', async () => {
    const run = await openRun({ dir, command: 'agentwrite', config });
    expect(run.resumed).toBe(false);
    const text = await readFile(join(dir, 'run.json'), 'utf8');
    expect(text).not.toMatch(/sk-|Bearer|pw@/);
    const manifest = JSON.parse(text);
    expect(manifest).toMatchObject({
      schemaVersion: 1,
      command: 'agentwrite',
      status: 'running',
      resumeCount: 0,
      config: {
        model: 'openai:gpt-4o',
        baseURL: 'https://example.com/v1',
        params: { temperature: 1, maxOutputTokens: 4096 },
        headers: { 'x-trace': 'on' },
      },
    });
    expect(manifest.config).not.toHaveProperty('apiKey');
    expect(manifest.longformVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.configHash).toMatch(/^[0-9a-f]{64}$/);
    await run.close();
  });

  it('resumes with completed steps and status history', async () => {
    const first = await openRun({ dir, command: 'agentwrite', config });
    await first.journal.append({ key: 'step-1', stage: 'write', data: 'done' });
    await first.setStatus('failed', { error: new Error('boom') });
    await first.close();
    expect(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')).error).toBe('boom');

    // A new key only changes nothing that matters: resuming is allowed.
    const second = await openRun({
      dir,
      command: 'agentwrite',
      config: { ...config, apiKey: 'sk-other-key-123456789' },
    });
    expect(second.resumed).toBe(true);
    expect(second.manifest).toMatchObject({ status: 'running', resumeCount: 1 });
    expect(second.manifest.error).toBeUndefined();
    expect((await second.journal.get('step-1'))?.data).toBe('done');
    await second.setStatus('completed');
    await second.close();
    expect(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')).status).toBe('completed');
  });

  it('refuses to resume with a different config, naming the fields', async () => {
    const first = await openRun({ dir, command: 'agentwrite', config });
    await first.close();
    const error = await openRun({
      dir,
      command: 'agentwrite',
      config: { ...config, params: { temperature: 0.7, maxOutputTokens: 4096 }, extra: 1 },
    }).catch(e => e);
    expect(RunConfigMismatchError.isInstance(error)).toBe(true);
    expect(error.fields).toEqual(['config.extra', 'config.params.temperature']);
    expect(error.message).toContain('config.params.temperature');
    await expect(openRun({ dir, command: 'lengthen', config })).rejects.toThrow('command');
    // The refused attempt released the folder.
    const again = await openRun({ dir, command: 'agentwrite', config });
    await again.close();
  });

  it('starts over with force-new, keeping the old run aside', async () => {
    const first = await openRun({ dir, command: 'agentwrite', config });
    await first.journal.append({ key: 'old', stage: 'write', data: 1 });
    await first.close();
    const fresh = await openRun({
      dir,
      command: 'agentwrite',
      config: { other: true },
      resume: 'force-new',
    });
    expect(fresh.resumed).toBe(false);
    expect(fresh.journal.count).toBe(0);
    expect(fresh.replacedDir).toBeDefined();
    expect(await readFile(join(fresh.replacedDir!, 'journal.jsonl'), 'utf8')).toContain('"old"');
    await fresh.close();
  });

  it('requires an existing run with resume: require', async () => {
    await expect(openRun({ dir, command: 'x', config: {}, resume: 'require' })).rejects.toThrow(
      'no run to resume',
    );
  });

  it('locks the folder while a run is open', async () => {
    const run = await openRun({ dir, command: 'x', config: {} });
    const error = await openRun({ dir, command: 'x', config: {} }).catch(e => e);
    expect(RunLockedError.isInstance(error)).toBe(true);
    await run.close();
    const again = await openRun({ dir, command: 'x', config: {} });
    await again.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const run = await openRun({ dir, command: 'x', config: {} });
    await run.close();
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it.
    await writeFile(join(dir, 'run.lock'), JSON.stringify({ pid: 4_194_305 }));
    const again = await openRun({ dir, command: 'x', config: {} });
    await again.close();
  });

  it('writes outputs atomically inside the run folder only', async () => {
    const run = await openRun({ dir, command: 'x', config: {} });
    const path = await run.writeOutput('sections/01.md', '# One\n');
    expect(path).toBe(join(dir, 'sections', '01.md'));
    await run.writeOutput('sections/01.md', '# One, revised\n');
    expect(await run.readOutput('sections/01.md')).toBe('# One, revised\n');
    expect(await run.readOutput('missing.md')).toBeUndefined();
    expect(await readdir(join(dir, 'sections'))).toEqual(['01.md']);
    for (const name of ['../escape.md', '/etc/passwd', 'run.json', 'journal.jsonl', '']) {
      await expect(run.writeOutput(name, 'x')).rejects.toThrow(InvalidInputError);
    }
    await run.close();
  });

  it('refuses a folder with a journal but no manifest', async () => {
    const run = await openRun({ dir, command: 'x', config: {} });
    await run.journal.append({ key: 'k', stage: 's', data: 1 });
    await run.close();
    await rm(join(dir, 'run.json'));
    await expect(openRun({ dir, command: 'x', config: {} })).rejects.toThrow('run.json is missing');
  });
});
