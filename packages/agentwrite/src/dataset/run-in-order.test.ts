import { describe, expect, it } from 'vitest';
import { runInOrder } from './run-in-order';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
// Later items finish first, so any commit in completion order would show.
const delays = [30, 5, 20, 1, 15, 2, 10, 1, 8, 3];

describe('runInOrder', () => {
  it('commits every result in input order, with bounded concurrency and window', async () => {
    let running = 0;
    let peakRunning = 0;
    const committed: number[] = [];
    const stats = await runInOrder({
      items: delays,
      concurrency: 3,
      window: 4,
      run: async (ms, index) => {
        running++;
        peakRunning = Math.max(peakRunning, running);
        await sleep(ms);
        running--;
        return index * 10;
      },
      commit: async (value, _ms, index) => {
        expect(value).toBe(index * 10);
        await sleep(1);
        committed.push(index);
      },
    });
    expect(committed).toEqual(delays.map((_, i) => i));
    expect(stats).toEqual({ committed: 10, peakPending: 4 });
    expect(peakRunning).toBe(3);
  });

  it('on abort commits only the finished prefix and throws the reason', async () => {
    const controller = new AbortController();
    const committed: number[] = [];
    const error = await runInOrder({
      items: delays,
      concurrency: 2,
      window: 8,
      signal: controller.signal,
      run: async (ms, index) => {
        if (index === 2) controller.abort(new Error('stop'));
        await sleep(ms);
        if (index === 2) throw new Error('cancelled by the abort');
        return index;
      },
      commit: async value => {
        committed.push(value);
      },
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe('cancelled by the abort');
    expect(committed).toEqual([0, 1]);
  });

  it('stops starting tasks after a failure and rethrows it after the running ones settle', async () => {
    const started: number[] = [];
    let settled = 0;
    const error = await runInOrder({
      items: delays,
      concurrency: 2,
      window: 2,
      run: async (ms, index) => {
        started.push(index);
        await sleep(ms);
        settled++;
        if (index === 1) throw new Error('fatal');
        return index;
      },
      commit: async () => {},
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe('fatal');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
  });
});
