import { countWordsLongWriter, InvalidInputError } from '@longform/core';
import { aggregateQuality, type QualityAggregate } from './aggregate-quality';
import { type LengthBucket, LONG_BENCH_WRITE_BUCKETS, lengthBucket } from './length-bucket';
import type { LongBenchWriteLanguage } from './longbench-write-row';
import type { QualityScores } from './quality-dimensions';
import { scoreLength } from './score-length';

export type QualityOutcome =
  | { status: 'ok'; scores: QualityScores }
  | { status: 'failed'; reason: string };

export type LongBenchWriteScoredInput = {
  /** Required length (the row's `length`). */
  length: number;
  /** The model's output; counted here with `countWordsLongWriter`. */
  response: string;
  language?: LongBenchWriteLanguage;
  /** Judge outcome; leave out when no judge ran. */
  quality?: QualityOutcome;
};

export type LongBenchWriteItemScore = {
  index: number;
  length: number;
  responseLength: number;
  lengthScore: number;
  bucket?: LengthBucket;
  language?: LongBenchWriteLanguage;
};

export type LongBenchWriteGroupScore = {
  n: number;
  /** S_l: mean length score. */
  lengthScore: number;
  /** Outputs that counted 0 (scored 0 by the project's rule; upstream crashes on them). */
  emptyOutputs: number;
  /** S_q and its dimensions; absent when no item in the group went through a judge. */
  quality?: QualityAggregate;
  /** S = (S_l + S_q) / 2; absent without S_q. */
  score?: number;
};

export type LongBenchWriteReport = {
  counter: 'countWordsLongWriter';
  overall: LongBenchWriteGroupScore;
  byBucket: Partial<Record<LengthBucket, LongBenchWriteGroupScore>>;
  byLanguage: Partial<Record<LongBenchWriteLanguage, LongBenchWriteGroupScore>>;
  /** Items whose required length lies above every bucket (> 20,000). */
  unbucketed: number;
  items: LongBenchWriteItemScore[];
};

/**
 * Scores LongBench-Write outputs: S_l per item and per group, S_q from judge outcomes, and
 * S = (S_l + S_q)/2, overall, per required-length bucket and per language.
 */
export function aggregateLongBenchWrite(
  inputs: readonly LongBenchWriteScoredInput[],
): LongBenchWriteReport {
  const items: LongBenchWriteItemScore[] = inputs.map((input, index) => {
    const responseLength = countWordsLongWriter(input.response);
    return {
      index,
      length: input.length,
      responseLength,
      lengthScore: scoreLength(input.length, responseLength),
      bucket: lengthBucket(input.length),
      language: input.language,
    };
  });

  const group = (indices: number[]): LongBenchWriteGroupScore => {
    let sum = 0;
    let emptyOutputs = 0;
    const judged: QualityScores[] = [];
    let failures = 0;
    let anyJudge = false;
    for (const i of indices) {
      sum += items[i]!.lengthScore;
      if (items[i]!.responseLength === 0) emptyOutputs++;
      const quality = inputs[i]!.quality;
      if (quality) {
        anyJudge = true;
        if (quality.status === 'ok') judged.push(quality.scores);
        else failures++;
      }
    }
    const lengthScore = indices.length === 0 ? Number.NaN : sum / indices.length;
    const result: LongBenchWriteGroupScore = { n: indices.length, lengthScore, emptyOutputs };
    if (anyJudge) {
      result.quality = aggregateQuality(judged, failures);
      if (result.quality.score !== undefined)
        result.score = (lengthScore + result.quality.score) / 2;
    }
    return result;
  };

  const all = items.map(item => item.index);
  const byBucket: LongBenchWriteReport['byBucket'] = {};
  for (const bucket of LONG_BENCH_WRITE_BUCKETS) {
    const members = items.filter(item => item.bucket === bucket).map(item => item.index);
    if (members.length > 0) byBucket[bucket] = group(members);
  }
  const byLanguage: LongBenchWriteReport['byLanguage'] = {};
  for (const language of ['en', 'zh'] as const) {
    const members = items.filter(item => item.language === language).map(item => item.index);
    if (members.length > 0) byLanguage[language] = group(members);
  }
  if (all.length === 0) {
    throw new InvalidInputError({ message: 'no LongBench-Write items to score' });
  }
  return {
    counter: 'countWordsLongWriter',
    overall: group(all),
    byBucket,
    byLanguage,
    unbucketed: items.filter(item => item.bucket === undefined).length,
    items,
  };
}
