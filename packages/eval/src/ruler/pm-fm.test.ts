import { describe, expect, it } from 'vitest';
import { MLT_TARGETS, type MltTarget } from './mlt-scheme';
import { fmBucket, fmWindow, pmWindow, scoreFM, scorePM } from './pm-fm';

// ruler.md V1: [words, PM hit, FM hit].
const V1: Array<{ target: MltTarget; cases: Array<[number, 0 | 1, 0 | 1]> }> = [
  {
    target: '10',
    cases: [
      [0, 0, 0],
      [1, 1, 1],
      [10, 1, 1],
      [20, 1, 1],
      [21, 0, 0],
    ],
  },
  {
    target: '30',
    cases: [
      [20, 0, 0],
      [21, 1, 1],
      [30, 1, 1],
      [40, 1, 1],
      [41, 0, 0],
    ],
  },
  {
    target: '50',
    cases: [
      [40, 0, 0],
      [41, 1, 1],
      [50, 1, 1],
      [60, 1, 1],
      [61, 0, 0],
    ],
  },
  {
    target: '80',
    cases: [
      [60, 0, 0],
      [61, 0, 1],
      [70, 0, 1],
      [71, 1, 1],
      [80, 1, 1],
      [90, 1, 1],
      [91, 0, 1],
      [100, 0, 1],
      [101, 0, 0],
    ],
  },
  {
    target: '150',
    cases: [
      [100, 0, 0],
      [101, 0, 1],
      [130, 0, 1],
      [131, 1, 1],
      [150, 1, 1],
      [170, 1, 1],
      [171, 0, 1],
      [200, 0, 1],
      [201, 0, 0],
    ],
  },
  {
    target: '300',
    cases: [
      [200, 0, 0],
      [201, 0, 1],
      [280, 0, 1],
      [281, 1, 1],
      [300, 1, 1],
      [320, 1, 1],
      [321, 0, 1],
      [400, 0, 1],
      [401, 0, 0],
    ],
  },
  {
    target: '500',
    cases: [
      [400, 0, 0],
      [401, 0, 1],
      [450, 0, 1],
      [451, 1, 1],
      [500, 1, 1],
      [550, 1, 1],
      [551, 0, 1],
      [600, 0, 1],
      [601, 0, 0],
    ],
  },
  {
    target: '700',
    cases: [
      [600, 0, 0],
      [601, 0, 1],
      [630, 0, 1],
      [631, 1, 1],
      [700, 1, 1],
      [770, 1, 1],
      [771, 0, 1],
      [800, 0, 1],
      [801, 0, 0],
    ],
  },
  {
    target: '>800',
    cases: [
      [800, 0, 0],
      [801, 1, 1],
      [5000, 1, 1],
    ],
  },
];

describe('scorePM / scoreFM (V1)', () => {
  const rows = V1.flatMap(({ target, cases }) =>
    cases.map(([w, pm, fm]) => [target, w, pm, fm] as const),
  );
  it.each(rows)('target %s, %d words → PM %d, FM %d', (target, words, pm, fm) => {
    expect(scorePM(target, words)).toBe(pm === 1);
    expect(scoreFM(target, words)).toBe(fm === 1);
  });

  it('exposes the windows', () => {
    expect(pmWindow('300')).toEqual({ lo: 280, hi: 320, loInclusive: false, hiInclusive: true });
    expect(fmWindow('>800')).toEqual({
      lo: 800,
      hi: Infinity,
      loInclusive: false,
      hiInclusive: false,
    });
  });
});

describe('fmBucket', () => {
  it('tiles (0, ∞): every positive count has exactly one bucket, and FM hit ⇔ bucket = target', () => {
    expect(fmBucket(0)).toBeUndefined();
    for (let words = 1; words <= 1200; words++) {
      const bucket = fmBucket(words);
      expect(bucket).toBeDefined();
      const hits = MLT_TARGETS.filter(t => scoreFM(t, words));
      expect(hits).toEqual([bucket]);
    }
  });

  it.each([
    [1, '10'],
    [20, '10'],
    [21, '30'],
    [100, '80'],
    [120, '150'],
    [600, '500'],
    [800, '700'],
    [801, '>800'],
  ] as const)('%d → %s', (words, target) => {
    expect(fmBucket(words)).toBe(target);
  });
});
