export interface RunInOrderOptions<T, R> {
  items: readonly T[];
  /** Most tasks running at once. */
  concurrency: number;
  /**
   * Most tasks started but not yet committed (running, or finished and waiting for an earlier
   * one). Bounds what is held in memory when one slow task holds up the ones after it.
   */
  window: number;
  run: (item: T, index: number) => Promise<R>;
  /** Called once per item, strictly in input order, never concurrently. */
  commit: (result: R, item: T, index: number) => Promise<void>;
  /** Stops starting tasks; finished tasks before the first unfinished one are still committed. */
  signal?: AbortSignal;
}

export interface RunInOrderStats {
  committed: number;
  /** Largest number of started-but-uncommitted tasks seen (≤ `window`). */
  peakPending: number;
}

/**
 * Runs tasks with bounded concurrency and commits their results in input order. In-order commits
 * make a dataset's row order, and the verdicts of order-dependent filters (dedup), independent of
 * which document happened to finish first, so an interrupted and resumed run yields the same files
 * as an uninterrupted one.
 *
 * A rejected task, a failed commit or an abort stops new starts; the tasks already running are
 * awaited, the contiguous finished prefix is committed, and the first error (or the abort reason)
 * is thrown.
 */
export async function runInOrder<T, R>({
  items,
  concurrency,
  window,
  run,
  commit,
  signal,
}: RunInOrderOptions<T, R>): Promise<RunInOrderStats> {
  if (!(concurrency >= 1) || !(window >= 1)) {
    throw new RangeError('concurrency and window must be at least 1');
  }
  const finished = new Map<number, R>();
  const running = new Map<number, Promise<void>>();
  let failure: { error: unknown } | undefined;
  let commitFailed = false;
  let next = 0;
  let committed = 0;
  let peakPending = 0;
  const stopped = () => failure !== undefined || signal?.aborted === true;

  for (;;) {
    while (
      !stopped() &&
      running.size < concurrency &&
      next < items.length &&
      next - committed < window
    ) {
      const index = next++;
      const task = Promise.resolve()
        .then(() => run(items[index]!, index))
        .then(
          value => {
            finished.set(index, value);
          },
          error => {
            failure ??= { error };
          },
        )
        .finally(() => {
          running.delete(index);
        });
      running.set(index, task);
      peakPending = Math.max(peakPending, next - committed);
    }
    while (!commitFailed && finished.has(committed)) {
      const value = finished.get(committed)!;
      finished.delete(committed);
      try {
        await commit(value, items[committed]!, committed);
      } catch (error) {
        failure ??= { error };
        commitFailed = true;
        break;
      }
      committed++;
    }
    if (running.size === 0 && (stopped() || committed === items.length)) break;
    if (running.size > 0) await Promise.race(running.values());
  }
  if (failure) throw failure.error;
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  return { committed, peakPending };
}
