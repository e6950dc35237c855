import type { LonGenType } from './longen-type';

/**
 * LonGen length-following score [PARITY] (QwenLM/Self-Lengthen: eval/length_following_eval.py):
 * 1 inside the window [a, b], falling linearly to 0 at a/2 below and at 1.5·b above. `type` is
 * accepted for symmetry with the upstream signature; the window already encodes it. The evaluation
 * order `(L / a) * 2 - 1` is upstream's and must stay for bit parity.
 */
export function scoreLengthFollowing(_type: LonGenType, a: number, b: number, L: number): number {
  if (L < a) return Math.max((L / a) * 2 - 1, 0);
  if (L > b) return Math.max(3 - (L / b) * 2, 0);
  return 1;
}
