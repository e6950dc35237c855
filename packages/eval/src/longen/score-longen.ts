import { countWordsSelfLengthen, InvalidInputError } from '@longform/core';
import { invalidRowError } from '../longbench-write/invalid-row-error';
import { LONGEN_TYPES, type LonGenType } from './longen-type';
import { resolveLonGenWindow } from './parse-longen-constraint';
import { scoreLengthFollowing } from './score-length-following';

export type LonGenInput = {
  type: string;
  constraint: string;
  /** The model's output. Typed `unknown` because it usually comes straight from a user's file. */
  response: unknown;
  /** 1-based line in the source file, used in error messages when present. */
  line?: number;
};

export type LonGenItemScore = {
  index: number;
  type: LonGenType;
  a: number;
  b: number;
  /** Length counted with `countWordsSelfLengthen`. */
  length: number;
  score: number;
};

export type LonGenReport = {
  counter: 'countWordsSelfLengthen';
  /** Mean score per type; types with no items are left out (upstream divides by zero). */
  byType: Partial<Record<LonGenType, { n: number; score: number }>>;
  /** Micro-average over all items. */
  overall: { n: number; score: number };
  items: LonGenItemScore[];
};

/**
 * LonGen length-following evaluation: each item scored with `scoreLengthFollowing`, the mean per type
 * and the micro-averaged `Overall`. Bad rows (unknown type, no number, non-string response) throw an
 * `InvalidInputError` naming the row (and `file`/line when given).
 */
export function scoreLonGen(
  inputs: readonly LonGenInput[],
  { file }: { file?: string } = {},
): LonGenReport {
  if (inputs.length === 0)
    throw new InvalidInputError({ message: 'no LonGen items to score', file });
  const items = inputs.map((input, index): LonGenItemScore => {
    const rowError = (message: string, field: string) =>
      invalidRowError({ file, line: input.line, index, message, field });
    if (typeof input.response !== 'string') {
      throw rowError(`response must be a string, got ${describe(input.response)}`, 'response');
    }
    const window = resolveLonGenWindow(input.type, input.constraint);
    if ('problem' in window) throw rowError(window.problem, window.field);
    const type = input.type as LonGenType;
    const length = countWordsSelfLengthen(input.response);
    return {
      index,
      type,
      ...window,
      length,
      score: scoreLengthFollowing(type, window.a, window.b, length),
    };
  });

  const byType: LonGenReport['byType'] = {};
  for (const type of LONGEN_TYPES) {
    const members = items.filter(item => item.type === type);
    if (members.length > 0)
      byType[type] = { n: members.length, score: mean(members.map(m => m.score)) };
  }
  return {
    counter: 'countWordsSelfLengthen',
    byType,
    overall: { n: items.length, score: mean(items.map(item => item.score)) },
    items,
  };
}

function mean(values: number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
