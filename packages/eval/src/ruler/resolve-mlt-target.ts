import { InvalidInputError } from '@longform/core';
import {
  isMltTarget,
  type LengthInterval,
  MLT_TARGETS,
  type MltTarget,
  mltEntry,
} from './mlt-scheme';
import { fmBucket } from './pm-fm';

export type MltTargetPolicy = 'exact' | 'fm-bucket' | 'nearest-centre';

export type ResolvedMltTarget = {
  /** What the caller asked for. */
  requested: number | MltTarget;
  policy: MltTargetPolicy;
  target: MltTarget;
  token: string;
  /** Windows that define success for the resolved target, so callers know what "hit" means. */
  pm: LengthInterval;
  fm: LengthInterval;
};

const NUMERIC_CENTRES = MLT_TARGETS.filter(t => t !== '>800').map(Number);

/**
 * Maps an arbitrary word target to one of Ruler's nine MLTs. Upstream only ever formats the dataset's
 * own targets; the project needs a rule for user targets:
 * - `exact`: only the nine values (10, 30, …, 700, or the string `>800`); anything else is an error;
 * - `fm-bucket`: the MLT whose FM window contains N (120 → 150, 801 → >800);
 * - `nearest-centre`: the closest numeric centre (ties go to the larger one, since short outputs are
 *   the commoner failure); N > 800 → `>800`.
 */
export function resolveMltTarget(
  requested: number | string,
  policy: MltTargetPolicy = 'fm-bucket',
): ResolvedMltTarget {
  const target = pick(requested, policy);
  const entry = mltEntry(target);
  return {
    requested: typeof requested === 'number' ? requested : target,
    policy,
    target,
    token: entry.token,
    pm: entry.pm,
    fm: entry.fm,
  };
}

function pick(requested: number | string, policy: MltTargetPolicy): MltTarget {
  if (typeof requested === 'string') {
    if (isMltTarget(requested)) return requested;
    const numeric = Number(requested.trim());
    if (requested.trim() === '' || !Number.isFinite(numeric)) {
      throw new InvalidInputError({
        message: `target ${JSON.stringify(requested)} is neither a number nor one of ${MLT_TARGETS.join(', ')}`,
        field: 'target',
      });
    }
    return pick(numeric, policy);
  }
  if (!Number.isFinite(requested) || requested <= 0) {
    throw new InvalidInputError({
      message: `target must be a positive number of words, got ${requested}`,
      field: 'target',
    });
  }
  switch (policy) {
    case 'exact': {
      const key = String(requested);
      if (isMltTarget(key)) return key;
      throw new InvalidInputError({
        message: `target ${requested} is not one of Ruler's targets ${MLT_TARGETS.join(', ')} (policy "exact"); use "fm-bucket" or "nearest-centre"`,
        field: 'target',
      });
    }
    case 'fm-bucket':
      return fmBucket(requested)!;
    case 'nearest-centre': {
      if (requested > 800) return '>800';
      let best = NUMERIC_CENTRES[0]!;
      for (const centre of NUMERIC_CENTRES) {
        if (Math.abs(requested - centre) <= Math.abs(requested - best)) best = centre;
      }
      return String(best) as MltTarget;
    }
  }
}
