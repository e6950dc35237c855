import { LongformError } from './longform-error';

const name = 'LongformRunLockedError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Another live process (or another open `Run` in this process) is using the run folder. Two
 * writers would interleave their journals, so the second one is refused.
 */
export class RunLockedError extends LongformError {
  private readonly [symbol] = true;

  readonly dir: string;
  readonly pid: number;

  constructor({ dir, pid }: { dir: string; pid: number }) {
    super({
      name,
      message: `${dir}: the run is in use by process ${pid}. Wait for it to finish, or stop it first.`,
    });
    this.dir = dir;
    this.pid = pid;
  }

  static override isInstance(error: unknown): error is RunLockedError {
    return LongformError.hasMarker(error, marker);
  }
}
