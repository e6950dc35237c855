import { describe, expect, it } from 'vitest';
import { SimUnknownModelError } from './errors';
import { SimEngine } from './sim-engine';

describe('SimEngine faults', () => {
  it('draws faults deterministically from the seed and the request number, at the configured rates', () => {
    const draw = (seed: number) => {
      const engine = new SimEngine({
        seed,
        faults: {
          rate429: 0.1,
          rate500: 0.05,
          rateHang: 0.05,
          rateTruncate: 0.1,
          rateMalformed: 0.1,
        },
      });
      return Array.from({ length: 2000 }, () => engine.drawFault());
    };
    const a = draw(3);
    expect(draw(3)).toEqual(a);
    expect(draw(4)).not.toEqual(a);
    const share = (f: string) => a.filter(x => x === f).length / a.length;
    expect(share('429')).toBeCloseTo(0.1, 1);
    expect(share('500')).toBeCloseTo(0.05, 1);
    expect(share('hang')).toBeCloseTo(0.05, 1);
    expect(share('truncate')).toBeCloseTo(0.1, 1);
    expect(share('malformed')).toBeCloseTo(0.1, 1);
    expect(a.filter(x => x === undefined).length / a.length).toBeCloseTo(0.6, 1);
  });

  it('injects nothing by default and counts requests and faults', () => {
    const engine = new SimEngine();
    for (let i = 0; i < 50; i++) expect(engine.drawFault()).toBeUndefined();
    expect(engine.stats()).toMatchObject({ requests: 50, faults: { total: 0 } });
    const always = new SimEngine({ faults: { rate500: 1 } });
    always.drawFault();
    expect(always.stats().faults).toMatchObject({ '500': 1, total: 1 });
  });
});

describe('SimEngine capacity', () => {
  it('runs at most maxConcurrentStreams at once and serves the queue in FIFO order', async () => {
    const engine = new SimEngine({ capacity: { maxConcurrentStreams: 2 } });
    const first = await engine.acquire();
    const second = await engine.acquire();
    const order: number[] = [];
    const third = engine.acquire().then(release => {
      order.push(3);
      return release;
    });
    const fourth = engine.acquire().then(release => {
      order.push(4);
      return release;
    });
    await Promise.resolve();
    expect(engine.stats()).toMatchObject({ active: 2, queued: 2 });
    first();
    first(); // a second call must not free another slot
    const r3 = await third;
    expect(engine.stats()).toMatchObject({ active: 2, queued: 1 });
    second();
    const r4 = await fourth;
    expect(order).toEqual([3, 4]);
    r3();
    r4();
    expect(engine.stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it('drops an aborted request from the queue', async () => {
    const engine = new SimEngine({ capacity: { maxConcurrentStreams: 1 } });
    const held = await engine.acquire();
    const controller = new AbortController();
    const waiting = engine.acquire(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(engine.stats().queued).toBe(0);
    held();
    expect(engine.stats().active).toBe(0);
  });
});

describe('SimEngine models', () => {
  it('resolves sim, sim:<profile> and quality suffixes, and rejects others', () => {
    const engine = new SimEngine({ profile: 'under' });
    expect(engine.model('sim')).toEqual({ modelId: 'sim', profile: 'under' });
    expect(engine.model('sim:capped@q=0.8')).toEqual({
      modelId: 'sim:capped@q=0.8',
      profile: 'capped',
      quality: 0.8,
    });
    for (const bad of ['gpt-4o', 'sim:huge', 'sim@q=2', 'sim:']) {
      expect(() => engine.model(bad)).toThrow(SimUnknownModelError);
    }
  });

  it('paces chunks by time to first token and tokens per second', async () => {
    const engine = new SimEngine({ latency: { timeToFirstTokenMs: 40, tokensPerSecond: 1000 } });
    const text = Array.from({ length: 100 }, () => 'word').join(' ');
    const start = Date.now();
    let first = -1;
    for await (const _ of engine.paceChunks(text)) if (first < 0) first = Date.now() - start;
    const total = Date.now() - start;
    expect(first).toBeGreaterThanOrEqual(35);
    expect(total).toBeGreaterThanOrEqual(40 + 120); // 130 tokens at 1000/s, minus the last chunk
    expect(total).toBeLessThan(1000);
  });
});
