import { join } from 'node:path';
import { acquireLock, type ReleaseLock } from './acquire-lock';

const LOCK_FILE = 'run.lock';

/** Takes the run folder's `run.lock` (see `acquireLock`); the refusal names the run folder. */
export function acquireRunLock(dir: string): Promise<ReleaseLock> {
  return acquireLock(join(dir, LOCK_FILE), { dir });
}
