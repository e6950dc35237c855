import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors/plan-error';
import { normalizePlan, rescaleTargets } from './normalize-plan';

const options = { bounds: { min: 200, max: 1000 }, tolerance: 0.1, maxSections: 50 };
const section = (targetWords: number, mainPoint = `point ${targetWords}`) => ({
  mainPoint,
  targetWords,
});
const total = (p: { sections: { targetWords: number }[] }) =>
  p.sections.reduce((n, s) => n + s.targetWords, 0);

describe('normalizePlan', () => {
  it('keeps a valid plan unchanged', () => {
    const plan = { sections: [section(400), section(600)] };
    expect(normalizePlan(plan, { ...options, targetWords: 1050 })).toEqual({
      plan,
      adjustments: [],
    });
  });

  it('rescales targets whose sum is off by more than the tolerance, to the exact total', () => {
    const { plan, adjustments } = normalizePlan(
      { sections: [section(300), section(300), section(400)] },
      { ...options, targetWords: 2000 },
    );
    expect(plan.sections.map(s => s.targetWords)).toEqual([600, 600, 800]);
    expect(adjustments[0]).toMatch(/rescaled/);
  });

  it('splits sections above the maximum and merges those under the minimum', () => {
    const { plan } = normalizePlan(
      { sections: [section(2500, 'big'), section(100, 'tiny'), section(400, 'mid')] },
      { ...options, targetWords: 3000 },
    );
    expect(total(plan)).toBe(3000);
    for (const s of plan.sections) {
      expect(s.targetWords).toBeGreaterThanOrEqual(200);
      expect(s.targetWords).toBeLessThanOrEqual(1000);
    }
    expect(plan.sections[0]!.mainPoint).toBe('big (part 1 of 3)');
    expect(plan.sections.some(s => s.mainPoint.includes('tiny; mid'))).toBe(true);
  });

  it('turns a request shorter than the minimum into one section', () => {
    const { plan } = normalizePlan(
      { sections: [section(60), section(40)] },
      { ...options, targetWords: 100 },
    );
    expect(plan.sections).toEqual([{ mainPoint: 'point 60; point 40', targetWords: 100 }]);
  });

  it('gives a lone section the whole target even when it is within the tolerance', () => {
    const { plan } = normalizePlan({ sections: [section(198)] }, { ...options, targetWords: 200 });
    expect(plan.sections[0]!.targetWords).toBe(200);
  });

  it('reaches the exact total for a 10,000-word plan from lopsided targets', () => {
    const { plan } = normalizePlan(
      { sections: Array.from({ length: 7 }, (_, i) => section(300 + i * 100)) },
      { ...options, targetWords: 10_000 },
    );
    expect(total(plan)).toBe(10_000);
    expect(plan.sections.every(s => s.targetWords <= 1000 && s.targetWords >= 200)).toBe(true);
  });

  it('throws a typed error for an empty plan or an impossible total', () => {
    expect(() => normalizePlan({ sections: [] }, { ...options, targetWords: 1000 })).toThrow(
      PlanError,
    );
    expect(() =>
      normalizePlan(
        { sections: [section(1000)] },
        { ...options, maxSections: 5, targetWords: 6000 },
      ),
    ).toThrow(/more than 5 sections/);
  });

  it('merges the smallest neighbours when there are too many sections', () => {
    const { plan } = normalizePlan(
      { sections: Array.from({ length: 6 }, () => section(300)) },
      { ...options, maxSections: 4, targetWords: 1800 },
    );
    expect(plan.sections).toHaveLength(4);
    expect(total(plan)).toBe(1800);
  });
});

describe('rescaleTargets', () => {
  it('hits the total exactly', () => {
    const out = rescaleTargets([section(1), section(1), section(1)], 1000);
    expect(out.map(s => s.targetWords)).toEqual([334, 333, 333]);
  });
});
