import { open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RunLockedError } from '../errors';

/** Releases a lock taken by `acquireLock`; calling it again does nothing. */
export type ReleaseLock = () => Promise<void>;

export interface AcquireLockOptions {
  /** The folder a `RunLockedError` names; the lock file's folder by default. */
  dir?: string;
}

const heldHere = new Set<string>();

/**
 * Takes an exclusive lock file (created with `wx`, holding `{pid, since}`). A lock left by a dead
 * process (a crash, SIGKILL) is stale and taken over; one held by a live process, or already held
 * in this process, is refused with a `RunLockedError`: two writers would interleave their journals.
 */
export async function acquireLock(
  lockFile: string,
  { dir = dirname(lockFile) }: AcquireLockOptions = {},
): Promise<ReleaseLock> {
  const refuse = (pid: number) => new RunLockedError({ dir, pid });
  if (heldHere.has(lockFile)) throw refuse(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, since: new Date().toISOString() }),
        );
      } finally {
        await handle.close();
      }
      heldHere.add(lockFile);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(lockFile);
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = await readLockPid(lockFile);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw refuse(pid);
    await rm(lockFile, { force: true });
  }
  throw refuse((await readLockPid(lockFile)) ?? -1);
}

async function readLockPid(path: string): Promise<number | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' ? parsed.pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
