export interface LengthCalibrator {
  /** Records that asking for `requested` units produced `produced`. */
  observe(requested: number, produced: number): void;
  /** The number to ask for so that the model's habitual bias lands on `target`. */
  requestFor(target: number): number;
  /** The current produced/requested ratio estimate (1 before any observation). */
  readonly ratio: number;
}

/**
 * Learns how far a model habitually misses the length it is asked for (LLMs often write 0.6–0.8×
 * of a long request) and asks for correspondingly more or less. The ratio is the geometric mean of
 * the observed ratios, clamped to [0.5, 2] so one wild sample cannot derail the next request.
 * Deterministic in its inputs, so a resumed run replays to the same state.
 */
export function createLengthCalibrator({
  minSamples = 1,
}: {
  minSamples?: number;
} = {}): LengthCalibrator {
  let logSum = 0;
  let samples = 0;
  const ratio = () =>
    samples < minSamples ? 1 : Math.min(2, Math.max(0.5, Math.exp(logSum / samples)));
  return {
    observe(requested, produced) {
      if (requested <= 0 || produced <= 0) return;
      logSum += Math.log(produced / requested);
      samples++;
    },
    requestFor(target) {
      return Math.max(1, Math.round(target / ratio()));
    },
    get ratio() {
      return ratio();
    },
  };
}
