import { countWordsRuler, LongformError } from '@longform/core';
import { isMltTarget, MLT_TARGETS, type MltTarget } from './mlt-scheme';
import { scoreFM } from './pm-fm';

export type SgmItemScore =
  | { status: 'ok'; target: MltTarget; words: number; fmHit: boolean }
  | { status: 'missing-mlt'; words: number }
  | { status: 'unknown-mlt'; mlt: string; words: number };

const LEADING_MLT = /^\s*\[MLT:([^\]\s]*)\]/;
const ANY_MLT = /\[MLT:>?\d+\]/g;

/**
 * Self-generated-MLT scoring, fixed [PROJECT]: only a *leading* MLT counts, every MLT (including
 * `[MLT:>800]`) is stripped before counting words with `countWordsRuler`, and a missing or unknown
 * MLT is reported as such instead of crashing.
 */
export function scoreSgm(output: string): SgmItemScore {
  const match = LEADING_MLT.exec(output);
  const words = countWordsRuler(output.replace(ANY_MLT, ' '));
  if (!match) return { status: 'missing-mlt', words };
  const target = match[1]!;
  if (!isMltTarget(target)) return { status: 'unknown-mlt', mlt: match[0].trim(), words };
  return { status: 'ok', target, words, fmHit: scoreFM(target, words) };
}

const name = 'LongformSgmUpstreamError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/** Where upstream's SGM scorer crashes (no MLT, or an MLT it has no window for). */
export class SgmUpstreamError extends LongformError {
  private readonly [symbol] = true;
  readonly output: string;

  constructor({ message, output }: { message: string; output: string }) {
    super({ name, message });
    this.output = output;
  }

  static override isInstance(error: unknown): error is SgmUpstreamError {
    return LongformError.hasMarker(error, marker);
  }
}

export type SgmUpstreamItem = {
  target: MltTarget;
  words: number;
  fmHit: boolean;
  /** Every MLT string found anywhere in the output, as upstream tallies them. */
  mltsSeen: MltTarget[];
};

/**
 * Upstream's SGM scoring (Geaming2002/Ruler: src/exp/analysis_sgm.py) reproduced for comparison
 * [DO NOT COPY in normal use]: cut to the first `[MLT:` unless "MLT" occurs exactly once, tally every
 * MLT substring, strip only `\[MLT:\d+\]` (so `[MLT:>800]` adds the words "MLT" and "800"), take the
 * text up to the first `]` as the MLT. Throws `SgmUpstreamError` where upstream crashes.
 */
export function scoreSgmUpstream(output: string): SgmUpstreamItem {
  let text = output;
  if (text.split('MLT').length - 1 !== 1) {
    const start = text.indexOf('[MLT:');
    if (start < 0)
      throw new SgmUpstreamError({ message: 'upstream SGM: output contains no MLT', output });
    text = text.slice(start);
  }
  const mltsSeen = MLT_TARGETS.filter(target => text.includes(`[MLT:${target}]`));
  const words = countWordsRuler(text.replace(/\[MLT:\d+\]/g, ''));
  const close = text.indexOf(']');
  const head = close < 0 ? text : text.slice(0, close + 1);
  const target = head.replace(/^\[MLT:/, '').replace(/\]$/, '');
  if (!isMltTarget(target)) {
    throw new SgmUpstreamError({
      message: `upstream SGM: no window for MLT ${JSON.stringify(head)}`,
      output,
    });
  }
  return { target, words, fmHit: scoreFM(target, words), mltsSeen };
}

export type SgmReport = {
  counter: 'countWordsRuler';
  mode: 'fixed' | 'upstream';
  n: number;
  /** How often each MLT was generated (upstream: every MLT substring, so one output can count twice). */
  mltCounts: Record<MltTarget, number>;
  missingMlt: number;
  unknownMlt: number;
  /** Percent of all outputs whose word count lies in their own MLT's FM window. */
  fm: number;
  /** Mean word count over all outputs. */
  avgWords: number;
};

/** SGM table row: MLT distribution, FM and average words, in the fixed or the upstream mode. */
export function aggregateSgm(
  outputs: readonly string[],
  { mode = 'fixed' }: { mode?: 'fixed' | 'upstream' } = {},
): SgmReport {
  const mltCounts = Object.fromEntries(MLT_TARGETS.map(t => [t, 0])) as Record<MltTarget, number>;
  let missingMlt = 0;
  let unknownMlt = 0;
  let hits = 0;
  let words = 0;
  for (const output of outputs) {
    if (mode === 'upstream') {
      const item = scoreSgmUpstream(output);
      for (const target of item.mltsSeen) mltCounts[target]++;
      if (item.fmHit) hits++;
      words += item.words;
      continue;
    }
    const item = scoreSgm(output);
    words += item.words;
    if (item.status === 'missing-mlt') missingMlt++;
    else if (item.status === 'unknown-mlt') unknownMlt++;
    else {
      mltCounts[item.target]++;
      if (item.fmHit) hits++;
    }
  }
  const n = outputs.length;
  return {
    counter: 'countWordsRuler',
    mode,
    n,
    mltCounts,
    missingMlt,
    unknownMlt,
    fm: n === 0 ? Number.NaN : (hits / n) * 100,
    avgWords: n === 0 ? Number.NaN : words / n,
  };
}
