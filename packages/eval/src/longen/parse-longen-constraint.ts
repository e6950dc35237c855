import { InvalidInputError, normalizeNumerals } from '@longform/core';
import { isLonGenType, LONGEN_TYPES, type LonGenType } from './longen-type';

export type LonGenWindow = { a: number; b: number };

/**
 * The scoring window [a, b] of a LonGen constraint (self-lengthen.md §9.2). N is the first number in
 * the constraint; `about` → [0.8N, 1.2N], `range` → the two numbers of the first `A…B`, `above` →
 * [N, 1.5N], `below` → [0.5N, N]. Unlike upstream, thousands separators ("4,000-6,000"), Chinese
 * numerals ("大约三千字") and any Unicode digits ("４０００") are read correctly.
 */
export function parseLonGenConstraint(type: string, constraint: string): LonGenWindow {
  const result = resolveLonGenWindow(type, constraint);
  if ('problem' in result) {
    throw new InvalidInputError({ message: result.problem, field: result.field });
  }
  return result;
}

/** Same as `parseLonGenConstraint`, but reports a problem instead of throwing, so callers can name the row. */
export function resolveLonGenWindow(
  type: string,
  constraint: string,
): LonGenWindow | { problem: string; field: 'type' | 'constraint' } {
  if (!isLonGenType(type)) {
    return {
      problem: `unknown LonGen type ${JSON.stringify(type)} (expected one of ${LONGEN_TYPES.join(', ')})`,
      field: 'type',
    };
  }
  const text = normalizeNumerals(constraint);
  if (type === 'range') {
    const match = /(\d+)\D+(\d+)/.exec(text);
    if (!match) {
      return {
        problem: `range constraint ${JSON.stringify(constraint)} has no "A…B" pair of numbers`,
        field: 'constraint',
      };
    }
    return { a: Number(match[1]), b: Number(match[2]) };
  }
  const match = /\d+/.exec(text);
  if (!match)
    return {
      problem: `constraint ${JSON.stringify(constraint)} contains no number`,
      field: 'constraint',
    };
  return windowFor(type, Number(match[0]));
}

function windowFor(type: Exclude<LonGenType, 'range'>, n: number): LonGenWindow {
  switch (type) {
    case 'about':
      return { a: n * 0.8, b: n * 1.2 };
    case 'above':
      return { a: n, b: n * 1.5 };
    case 'below':
      return { a: n * 0.5, b: n };
  }
}
