export interface LengthTolerance {
  /** Relative shortfall accepted without a continuation (0.1: accept from 0.9× the target). */
  under: number;
  /** Relative excess accepted without shortening (0.1: accept up to 1.1× the target). */
  over: number;
}

export type ControlAction =
  | { kind: 'accept' }
  | { kind: 'continue'; missing: number }
  | { kind: 'shorten'; excess: number };

/** What the length controller does with a section of `actual` units against its `target`. */
export function decideControlAction(
  actual: number,
  target: number,
  tolerance: LengthTolerance,
): ControlAction {
  if (actual < target * (1 - tolerance.under))
    return { kind: 'continue', missing: target - actual };
  if (actual > target * (1 + tolerance.over)) return { kind: 'shorten', excess: actual - target };
  return { kind: 'accept' };
}
