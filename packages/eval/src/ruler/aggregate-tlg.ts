import { countWordsRuler, InvalidInputError } from '@longform/core';
import { isMltTarget, MLT_TARGETS, type MltTarget, mltEntry, type TlgLevel } from './mlt-scheme';
import { scoreFM, scorePM } from './pm-fm';

/** Raw hit counts of one target, the unit published tables can be diffed against. */
export type TlgTargetCounts = { pmIn: number; pmOut: number; fmIn: number; fmOut: number };

export type TlgScore = {
  n: number;
  pmHits: number;
  fmHits: number;
  /** Percent, full precision; format with `formatFixed2` for the published 2 decimals. */
  pm: number;
  fm: number;
};

export type TlgErrorStats = {
  n: number;
  /** Mean of |words − target|. */
  mae: number;
  rmse: number;
  /** Mean of (words − target): negative means outputs run short. */
  meanSignedError: number;
  /** Percent of outputs whose count equals the target exactly. */
  exactMatchRate: number;
};

export type TlgLevelName = 'Level:0' | 'Level:1' | 'Level:2';

export type TlgReport = {
  counter: 'countWordsRuler';
  byTarget: Partial<Record<MltTarget, TlgScore & TlgTargetCounts>>;
  byLevel: Partial<Record<TlgLevelName, TlgScore>>;
  /** "All Level": pooled over every item (not the mean of the level scores). */
  all: TlgScore;
  /** Mean of the level scores, reported next to the pooled value because papers mix them up. */
  macro: { pm: number; fm: number };
  /** Length error vs the numeric target, per level and overall; `>800` items are excluded. */
  errors?: { overall?: TlgErrorStats } & Partial<Record<TlgLevelName, TlgErrorStats>>;
};

export type TlgRecord = { target: string } & ({ words: number } | { output: string });

const LEVEL_NAMES: Record<TlgLevel, TlgLevelName> = { 0: 'Level:0', 1: 'Level:1', 2: 'Level:2' };

/**
 * Re-aggregates TLG scores from per-target `(PM_in, PM_out, FM_in, FM_out)` counts [PARITY]: level
 * scores pooled over their targets, All Level pooled over everything.
 */
export function aggregateTlgCounts(counts: Partial<Record<MltTarget, TlgTargetCounts>>): TlgReport {
  const byTarget: TlgReport['byTarget'] = {};
  const levelTotals = new Map<TlgLevel, { n: number; pmHits: number; fmHits: number }>();
  const total = { n: 0, pmHits: 0, fmHits: 0 };
  for (const target of MLT_TARGETS) {
    const c = counts[target];
    if (!c) continue;
    const n = c.pmIn + c.pmOut;
    if (c.fmIn + c.fmOut !== n) {
      throw new InvalidInputError({
        message: `PM counts (${c.pmIn}+${c.pmOut}) and FM counts (${c.fmIn}+${c.fmOut}) disagree on the item count`,
        field: target,
      });
    }
    if (n === 0) continue;
    byTarget[target] = { ...c, ...score(n, c.pmIn, c.fmIn) };
    const level = mltEntry(target).level;
    const lt = levelTotals.get(level) ?? { n: 0, pmHits: 0, fmHits: 0 };
    lt.n += n;
    lt.pmHits += c.pmIn;
    lt.fmHits += c.fmIn;
    levelTotals.set(level, lt);
    total.n += n;
    total.pmHits += c.pmIn;
    total.fmHits += c.fmIn;
  }
  if (total.n === 0) throw new InvalidInputError({ message: 'no TLG items to aggregate' });
  const byLevel: TlgReport['byLevel'] = {};
  const levelScores: TlgScore[] = [];
  for (const level of [0, 1, 2] as const) {
    const lt = levelTotals.get(level);
    if (!lt) continue;
    const s = score(lt.n, lt.pmHits, lt.fmHits);
    byLevel[LEVEL_NAMES[level]] = s;
    levelScores.push(s);
  }
  return {
    counter: 'countWordsRuler',
    byTarget,
    byLevel,
    all: score(total.n, total.pmHits, total.fmHits),
    macro: {
      pm: levelScores.reduce((sum, s) => sum + s.pm, 0) / levelScores.length,
      fm: levelScores.reduce((sum, s) => sum + s.fm, 0) / levelScores.length,
    },
  };
}

/**
 * TLG evaluation from per-item records: each item is `{target, words}` or `{target, output}` (counted
 * with `countWordsRuler`, raw, no stripping). Adds MAE/RMSE/signed error and the exact-match rate.
 */
export function aggregateTlg(records: readonly TlgRecord[]): TlgReport {
  const counts: Partial<Record<MltTarget, TlgTargetCounts>> = {};
  const errorItems: Array<{ level: TlgLevel; words: number; target: number }> = [];
  records.forEach((record, index) => {
    if (!isMltTarget(record.target)) {
      throw new InvalidInputError({
        message: `record ${index + 1}: unknown TLG target ${JSON.stringify(record.target)} (expected one of ${MLT_TARGETS.join(', ')})`,
        field: 'target',
      });
    }
    const target = record.target;
    const words = 'words' in record ? record.words : countWordsRuler(record.output);
    if (!Number.isFinite(words) || words < 0) {
      throw new InvalidInputError({
        message: `record ${index + 1}: invalid word count ${words}`,
        field: 'words',
      });
    }
    counts[target] ??= { pmIn: 0, pmOut: 0, fmIn: 0, fmOut: 0 };
    const c = counts[target];
    if (scorePM(target, words)) c.pmIn++;
    else c.pmOut++;
    if (scoreFM(target, words)) c.fmIn++;
    else c.fmOut++;
    if (target !== '>800')
      errorItems.push({ level: mltEntry(target).level, words, target: Number(target) });
  });
  const report = aggregateTlgCounts(counts);
  if (errorItems.length > 0) {
    const errors: NonNullable<TlgReport['errors']> = { overall: errorStats(errorItems) };
    for (const level of [0, 1, 2] as const) {
      const members = errorItems.filter(item => item.level === level);
      if (members.length > 0) errors[LEVEL_NAMES[level]] = errorStats(members);
    }
    report.errors = errors;
  }
  return report;
}

function score(n: number, pmHits: number, fmHits: number): TlgScore {
  return { n, pmHits, fmHits, pm: (pmHits / n) * 100, fm: (fmHits / n) * 100 };
}

function errorStats(items: ReadonlyArray<{ words: number; target: number }>): TlgErrorStats {
  let abs = 0;
  let sq = 0;
  let signed = 0;
  let exact = 0;
  for (const { words, target } of items) {
    const diff = words - target;
    abs += Math.abs(diff);
    sq += diff * diff;
    signed += diff;
    if (diff === 0) exact++;
  }
  const n = items.length;
  return {
    n,
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    meanSignedError: signed / n,
    exactMatchRate: (exact / n) * 100,
  };
}
