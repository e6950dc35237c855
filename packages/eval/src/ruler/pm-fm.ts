import {
  inInterval,
  type LengthInterval,
  MLT_TARGETS,
  type MltTarget,
  mltEntry,
} from './mlt-scheme';

/** Precise-match window of a TLG target, `(lo, hi]` (Geaming2002/Ruler: src/utils/config.py `RANGE`). */
export function pmWindow(target: MltTarget): LengthInterval {
  return mltEntry(target).pm;
}

/** Flexible-match window of a TLG target, `(lo, hi]`; the nine windows tile (0, ∞). */
export function fmWindow(target: MltTarget): LengthInterval {
  return mltEntry(target).fm;
}

/** PM hit [PARITY]: `lo < words ≤ hi` of the target's PM window. */
export function scorePM(target: MltTarget, words: number): boolean {
  return inInterval(pmWindow(target), words);
}

/** FM hit [PARITY]: `lo < words ≤ hi` of the target's FM window. */
export function scoreFM(target: MltTarget, words: number): boolean {
  return inInterval(fmWindow(target), words);
}

/** The target whose FM window contains `words`; `undefined` for 0 (or fewer) words. */
export function fmBucket(words: number): MltTarget | undefined {
  return MLT_TARGETS.find(target => scoreFM(target, words));
}
