import { open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RunLockedError } from '@longform/core';

const heldHere = new Set<string>();

/**
 * Takes `<journal>.lock`. Two writers would interleave journal lines and diverge in filter state, so
 * a lock held by a live process, or by another open exporter in this process, is refused
 * (`RunLockedError`); one left by a dead process (crash, SIGKILL) is taken over.
 */
export async function acquireJournalLock(journal: string): Promise<() => Promise<void>> {
  const path = `${journal}.lock`;
  const refuse = (pid: number) => new RunLockedError({ dir: dirname(journal), pid });
  if (heldHere.has(path)) throw refuse(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid }));
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
    const pid = await readPid(path);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw refuse(pid);
    await rm(path, { force: true });
  }
  throw refuse((await readPid(path)) ?? -1);
}

async function readPid(path: string): Promise<number | undefined> {
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
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
