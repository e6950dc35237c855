import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RunLockedError } from '../errors';

const LOCK_FILE = 'run.lock';
const heldHere = new Set<string>();

/**
 * Takes the run folder's lock file. A lock left by a dead process (a crash, SIGKILL) is stale and
 * taken over; one held by a live process, or by an open run in this process, is refused.
 */
export async function acquireRunLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  if (heldHere.has(path)) throw new RunLockedError({ dir, pid: process.pid });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, since: new Date().toISOString() }),
        );
      } finally {
        await handle.close();
      }
      heldHere.add(path);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = await readLockPid(path);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
      throw new RunLockedError({ dir, pid });
    }
    await rm(path, { force: true });
  }
  throw new RunLockedError({ dir, pid: (await readLockPid(path)) ?? -1 });
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
