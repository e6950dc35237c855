import { describe, expect, it } from 'vitest';
import { profileTargetUnits } from './length-profile';
import { createRng } from './random';

describe('profileTargetUnits', () => {
  const targets = (
    profile: Parameters<typeof profileTargetUnits>[0]['profile'],
    requested: number | undefined,
  ) => {
    const rng = createRng(11);
    return Array.from({ length: 400 }, () =>
      profileTargetUnits({ profile, requested, rng, capUnits: 2000 }),
    );
  };

  it('stays within ratio · (1 ± spread)', () => {
    for (const [profile, lo, hi] of [
      ['compliant', 0.95, 1.05],
      ['under', 0.665, 0.735],
      ['over', 1.33, 1.47],
      ['noisy', 0.6, 1.4],
    ] as const) {
      for (const t of targets(profile, 1000)) {
        expect(t).toBeGreaterThanOrEqual(lo * 1000);
        expect(t).toBeLessThanOrEqual(hi * 1000);
      }
    }
  });

  it('caps the capped profile and writes 300–600 units without a request', () => {
    expect(Math.max(...targets('capped', 10000))).toBe(2000);
    for (const t of targets('over', undefined)) {
      expect(t).toBeGreaterThanOrEqual(300);
      expect(t).toBeLessThanOrEqual(600);
    }
    expect(Math.min(...targets('under', 1))).toBe(1);
  });
});
