/** The nine TLG targets, as strings: `>800` means "more than 800 words". */
export const MLT_TARGETS = ['10', '30', '50', '80', '150', '300', '500', '700', '>800'] as const;

export type MltTarget = (typeof MLT_TARGETS)[number];

export type TlgLevel = 0 | 1 | 2;

/** A word-count interval; `hi` may be `Infinity`. */
export type LengthInterval = {
  lo: number;
  hi: number;
  loInclusive: boolean;
  hiInclusive: boolean;
};

export type MltEntry = {
  target: MltTarget;
  /** The meta length token string, e.g. `[MLT:>800]`. */
  token: string;
  level: TlgLevel;
  /** Training-data labelling window: a response whose count lies in it gets this MLT. */
  label: LengthInterval;
  /** Precise-match window used by PM at evaluation time. */
  pm: LengthInterval;
  /** Flexible-match window used by FM; the FM windows tile (0, ∞). */
  fm: LengthInterval;
};

export type MltScheme = {
  name: 'ruler-code' | 'ruler-paper';
  entries: readonly MltEntry[];
};

const openClosed = (lo: number, hi: number): LengthInterval => ({
  lo,
  hi,
  loInclusive: false,
  hiInclusive: hi !== Infinity,
});
const closedOpen = (lo: number, hi: number): LengthInterval => ({
  lo,
  hi,
  loInclusive: true,
  hiInclusive: false,
});

const EVAL_WINDOWS: Record<
  MltTarget,
  { level: TlgLevel; pm: [number, number]; fm: [number, number] }
> = {
  '10': { level: 0, pm: [0, 20], fm: [0, 20] },
  '30': { level: 0, pm: [20, 40], fm: [20, 40] },
  '50': { level: 0, pm: [40, 60], fm: [40, 60] },
  '80': { level: 0, pm: [70, 90], fm: [60, 100] },
  '150': { level: 1, pm: [130, 170], fm: [100, 200] },
  '300': { level: 1, pm: [280, 320], fm: [200, 400] },
  '500': { level: 1, pm: [450, 550], fm: [400, 600] },
  '700': { level: 2, pm: [630, 770], fm: [600, 800] },
  '>800': { level: 2, pm: [800, Infinity], fm: [800, Infinity] },
};

const CODE_LABELS: Record<MltTarget, [number, number]> = {
  '10': [5, 15],
  '30': [25, 35],
  '50': [45, 55],
  '80': [75, 85],
  '150': [135, 155],
  '300': [295, 305],
  '500': [495, 505],
  '700': [695, 705],
  '>800': [800, Infinity],
};

const PAPER_LABELS: Record<MltTarget, [number, number]> = { ...CODE_LABELS, '150': [145, 155] };

function buildScheme(
  name: MltScheme['name'],
  labels: Record<MltTarget, [number, number]>,
  labelInterval: (lo: number, hi: number) => LengthInterval,
): MltScheme {
  return {
    name,
    entries: MLT_TARGETS.map(target => {
      const windows = EVAL_WINDOWS[target];
      const [lo, hi] = labels[target];
      return {
        target,
        token: `[MLT:${target}]`,
        level: windows.level,
        // (800, ∞) is open at 800 in the paper's table as well as in the code.
        label: hi === Infinity ? openClosed(lo, hi) : labelInterval(lo, hi),
        pm: openClosed(...windows.pm),
        fm: openClosed(...windows.fm),
      };
    }),
  };
}

/**
 * Ruler's MLT windows as the code has them (Geaming2002/Ruler: src/utils/config.py): `(lo, hi]`, with
 * the 20-word-wide (135, 155] for `[MLT:150]`. Every published number comes from these; the default.
 */
export const rulerCodeScheme: MltScheme = buildScheme('ruler-code', CODE_LABELS, openClosed);

/** The paper's Table 3 windows, `[lo, hi)` with [145, 155) for 150. Only for comparisons. */
export const rulerPaperScheme: MltScheme = buildScheme('ruler-paper', PAPER_LABELS, closedOpen);

export const MLT_SCHEMES = {
  'ruler-code': rulerCodeScheme,
  'ruler-paper': rulerPaperScheme,
} as const;

export function inInterval(interval: LengthInterval, value: number): boolean {
  const aboveLo = interval.loInclusive ? value >= interval.lo : value > interval.lo;
  const belowHi = interval.hiInclusive ? value <= interval.hi : value < interval.hi;
  return aboveLo && belowHi;
}

export function isMltTarget(value: unknown): value is MltTarget {
  return typeof value === 'string' && (MLT_TARGETS as readonly string[]).includes(value);
}

export function mltEntry(target: MltTarget, scheme: MltScheme = rulerCodeScheme): MltEntry {
  return scheme.entries.find(entry => entry.target === target)!;
}

/** Human form of an interval, e.g. `(280, 320]` or `(800, ∞)`. */
export function formatInterval(interval: LengthInterval): string {
  const hi = interval.hi === Infinity ? '∞' : String(interval.hi);
  return `${interval.loInclusive ? '[' : '('}${interval.lo}, ${hi}${interval.hiInclusive ? ']' : ')'}`;
}
