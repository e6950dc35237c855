import { PlanError } from '../errors/plan-error';
import type { Plan, PlanSection } from './plan-schema';

export interface SectionBounds {
  min: number;
  max: number;
}

export interface NormalizePlanOptions {
  /** The requested total length. */
  targetWords: number;
  /** Per-section bounds; LongWriter's plan prompt asks for 200–1000. */
  bounds: SectionBounds;
  /** Allowed relative gap between Σ targets and the requested total before rescaling (0.1 = ±10 %). */
  tolerance: number;
  maxSections: number;
}

export interface NormalizedPlan {
  plan: Plan;
  /** What was changed and why, in words, for the journal and the run report. */
  adjustments: string[];
}

const sum = (sections: PlanSection[]) => sections.reduce((n, s) => n + s.targetWords, 0);

/** Scales targets to sum exactly to `total`, handing the rounding remainder to the largest sections. */
export function rescaleTargets(sections: PlanSection[], total: number): PlanSection[] {
  const current = sum(sections);
  const exact = sections.map(s => (s.targetWords * total) / current);
  const floored = exact.map(x => Math.max(1, Math.floor(x)));
  let remainder = total - floored.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
    floored[order[k]!.i]!++;
  }
  return sections.map((s, i) => ({ ...s, targetWords: floored[i]! }));
}

function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

function splitLarge(sections: PlanSection[], max: number, adjustments: string[]): PlanSection[] {
  return sections.flatMap((section, index) => {
    if (section.targetWords <= max) return [section];
    const parts = Math.ceil(section.targetWords / max);
    adjustments.push(
      `section ${index + 1} (${section.targetWords}) exceeds ${max}: split into ${parts} parts`,
    );
    return splitEvenly(section.targetWords, parts).map((targetWords, k) => ({
      // Later parts continue under the first part's heading, so only the first keeps the title.
      ...(k === 0 && section.title ? { title: section.title } : {}),
      mainPoint: `${section.mainPoint} (part ${k + 1} of ${parts})`,
      targetWords,
    }));
  });
}

function mergeSmall(sections: PlanSection[], min: number, adjustments: string[]): PlanSection[] {
  const out = [...sections];
  for (;;) {
    const index = out.findIndex(s => s.targetWords < min);
    if (index === -1 || out.length === 1) return out;
    const prev = out[index - 1];
    const next = out[index + 1];
    // Merge into the smaller neighbour, so the merged section stays as small as possible.
    const withNext =
      next !== undefined && (prev === undefined || next.targetWords <= prev.targetWords);
    const a = withNext ? index : index - 1;
    const first = out[a]!;
    const second = out[a + 1]!;
    adjustments.push(
      `section ${index + 1} (${out[index]!.targetWords}) is under ${min}: merged with section ${withNext ? index + 2 : index}`,
    );
    out.splice(a, 2, {
      ...(first.title ? { title: first.title } : second.title ? { title: second.title } : {}),
      mainPoint: `${first.mainPoint}; ${second.mainPoint}`,
      targetWords: first.targetWords + second.targetWords,
    });
  }
}

/**
 * Validates a plan against the requested total and the section bounds, and repairs what can be
 * repaired deterministically: Σ targets outside the tolerance is rescaled proportionally, sections
 * above the maximum are split and sections below the minimum merged with a neighbour (spec §1.6).
 * A request shorter than the minimum section becomes a single section.
 *
 * @throws PlanError when the plan is empty or cannot fit `maxSections` sections within the bounds.
 */
export function normalizePlan(plan: Plan, options: NormalizePlanOptions): NormalizedPlan {
  const { targetWords, bounds, tolerance, maxSections } = options;
  if (plan.sections.length === 0) {
    throw new PlanError({
      message: 'the plan has no sections',
      reason: 'no-sections',
      attempts: 1,
    });
  }
  if (targetWords > maxSections * bounds.max) {
    throw new PlanError({
      message: `${targetWords} words need more than ${maxSections} sections of at most ${bounds.max}; raise maxSections or the section maximum`,
      reason: 'too-many-sections',
      attempts: 1,
    });
  }
  const adjustments: string[] = [];
  let sections = plan.sections.map(s => ({ ...s }));
  const total = sum(sections);
  if (Math.abs(total - targetWords) > tolerance * targetWords) {
    adjustments.push(
      `targets sum to ${total}, not ${targetWords} ±${Math.round(tolerance * 100)}%: rescaled`,
    );
    sections = rescaleTargets(sections, targetWords);
  }
  const min = Math.min(bounds.min, targetWords);
  // Split and merge preserve the sum; a merge can exceed the maximum, hence the loop.
  for (let round = 0; round < 10; round++) {
    const before = sections.length;
    sections = mergeSmall(splitLarge(sections, bounds.max, adjustments), min, adjustments);
    // A single section is the whole document: it takes the whole target, whatever the bounds.
    if (sections.length === 1 && targetWords <= bounds.max) {
      if (sections[0]!.targetWords !== targetWords) {
        adjustments.push(`single section: target set to the requested ${targetWords}`);
        sections = [{ ...sections[0]!, targetWords }];
      }
      break;
    }
    if (sections.every(s => s.targetWords >= min && s.targetWords <= bounds.max)) break;
    if (round === 9 || (sections.length === before && round > 2)) {
      throw new PlanError({
        message: `cannot bring the sections within ${min}–${bounds.max} words`,
        reason: 'out-of-bounds',
        attempts: 1,
      });
    }
  }
  while (sections.length > maxSections) {
    // Merge the smallest adjacent pair that still fits the maximum.
    let best = -1;
    for (let i = 0; i + 1 < sections.length; i++) {
      const merged = sections[i]!.targetWords + sections[i + 1]!.targetWords;
      if (merged > bounds.max) continue;
      if (best === -1 || merged < sections[best]!.targetWords + sections[best + 1]!.targetWords) {
        best = i;
      }
    }
    if (best === -1) {
      throw new PlanError({
        message: `${sections.length} sections exceed the limit of ${maxSections}`,
        reason: 'too-many-sections',
        attempts: 1,
      });
    }
    const [a, b] = [sections[best]!, sections[best + 1]!];
    adjustments.push(
      `more than ${maxSections} sections: merged sections ${best + 1} and ${best + 2}`,
    );
    sections.splice(best, 2, {
      ...(a.title ? { title: a.title } : {}),
      mainPoint: `${a.mainPoint}; ${b.mainPoint}`,
      targetWords: a.targetWords + b.targetWords,
    });
  }
  return { plan: { sections }, adjustments };
}
