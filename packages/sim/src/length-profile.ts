import type { Rng } from './random';
import type { SimProfile } from './sim-settings';

/** Mean output/requested ratio of each profile (the `capped` profile is compliant below its cap). */
export const profileRatios: Record<SimProfile, number> = {
  compliant: 1,
  under: 0.7,
  over: 1.4,
  capped: 1,
  noisy: 1,
};

/** Half-width of the uniform jitter around the ratio. */
export const profileSpreads: Record<SimProfile, number> = {
  compliant: 0.05,
  under: 0.05,
  over: 0.05,
  capped: 0.05,
  noisy: 0.4,
};

/**
 * How many units a profile writes for a request of `requested` units:
 * `round(requested · ratio · (1 + spread · u))` with u uniform in [−1, 1], at least 1; the `capped`
 * profile then takes `min(·, capUnits)`. With no request: uniform 300–600 units, any profile.
 */
export function profileTargetUnits({
  profile,
  requested,
  rng,
  capUnits,
}: {
  profile: SimProfile;
  requested: number | undefined;
  rng: Rng;
  capUnits: number;
}): number {
  const u = rng.next() * 2 - 1;
  if (requested === undefined) return rng.int(300, 600);
  const target = Math.max(
    1,
    Math.round(requested * profileRatios[profile] * (1 + profileSpreads[profile] * u)),
  );
  return profile === 'capped' ? Math.min(target, capUnits) : target;
}
