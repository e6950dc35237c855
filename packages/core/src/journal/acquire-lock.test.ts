import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunLockedError } from '../errors';
import { acquireLock } from './acquire-lock';

describe('acquireLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'longform-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes this process id, refuses a second holder here, and frees the file on release', async () => {
    const lockFile = join(dir, 'x.jsonl.lock');
    const release = await acquireLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    const error = await acquireLock(lockFile).catch((e: unknown) => e);
    expect(RunLockedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ dir, pid: process.pid });
    await release();
    await release();
    await expect(readFile(lockFile)).rejects.toThrow(/ENOENT/);
    const again = await acquireLock(lockFile);
    await again();
  });

  it('takes over a lock left by a dead process, and one that is not JSON', async () => {
    const lockFile = join(dir, 'run.lock');
    await writeFile(lockFile, JSON.stringify({ pid: 4_194_305 }));
    const release = await acquireLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await release();
    await writeFile(lockFile, '{"pid": 12');
    await (await acquireLock(lockFile))();
  });

  it('refuses a lock held by another live process and names the given folder', async () => {
    const lockFile = join(dir, 'run.lock');
    // The parent process is alive for as long as this test runs.
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid }));
    const error = await acquireLock(lockFile, { dir: 'the-run' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunLockedError);
    expect(error).toMatchObject({ dir: 'the-run', pid: process.ppid });
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.ppid);
  });
});
