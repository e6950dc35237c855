export type LengthConstraint = {
  /** `about` and `exact` have `words`; `at-most`/`at-least`/`range` have bounds. */
  kind: 'about' | 'exact' | 'at-most' | 'at-least' | 'range';
  words?: number;
  /** Inclusive lower bound in words. */
  min?: number;
  /** Inclusive upper bound in words. */
  max?: number;
  /** The matched phrase, for logs and reports. */
  match: string;
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*[kK]?)`;
const UNIT = String.raw`(?:-|\s+)?words?\b`;

function toNumber(text: string): number {
  const clean = text.replace(/[,\s]/g, '');
  return /k$/i.test(clean) ? Math.round(Number(clean.slice(0, -1)) * 1000) : Number(clean);
}

type Rule = {
  pattern: RegExp;
  build: (numbers: number[]) => Omit<LengthConstraint, 'match'>;
};

const RULES: Rule[] = [
  {
    pattern: new RegExp(
      String.raw`\bbetween\s+${NUMBER}\s*(?:words?\s+)?and\s+${NUMBER}\s*${UNIT}`,
      'i',
    ),
    build: ([a, b]) => ({ kind: 'range', min: Math.min(a!, b!), max: Math.max(a!, b!) }),
  },
  {
    pattern: new RegExp(String.raw`${NUMBER}\s*(?:-|–|—|to)\s*${NUMBER}\s*${UNIT}`, 'i'),
    build: ([a, b]) => ({ kind: 'range', min: Math.min(a!, b!), max: Math.max(a!, b!) }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:under|below|less\s+than|fewer\s+than)\s+${NUMBER}\s*${UNIT}`,
      'i',
    ),
    // "under 200 words": 200 itself does not satisfy it.
    build: ([n]) => ({ kind: 'at-most', max: Number.isInteger(n) ? n! - 1 : Math.floor(n!) }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|a\s+maximum\s+of|maximum(?:\s+of)?|max\.?|within)\s+${NUMBER}\s*${UNIT}`,
      'i',
    ),
    build: ([n]) => ({ kind: 'at-most', max: n! }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:more\s+than|over|above|exceeding)\s+${NUMBER}\s*${UNIT}`,
      'i',
    ),
    build: ([n]) => ({ kind: 'at-least', min: Number.isInteger(n) ? n! + 1 : Math.ceil(n!) }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?)\s+${NUMBER}\s*${UNIT}`,
      'i',
    ),
    build: ([n]) => ({ kind: 'at-least', min: n! }),
  },
  {
    pattern: new RegExp(String.raw`\b(?:exactly|precisely)\s+${NUMBER}\s*${UNIT}`, 'i'),
    build: ([n]) => ({ kind: 'exact', words: n!, min: n!, max: n! }),
  },
  {
    pattern: new RegExp(
      String.raw`(?:~|≈|\b(?:about|around|approximately|approx\.?|roughly|circa|some|nearly|close\s+to))\s*${NUMBER}\s*${UNIT}`,
      'i',
    ),
    build: ([n]) => ({ kind: 'about', words: n! }),
  },
  {
    // A bare count: "in 30 words", "a 500-word essay", "word count of 300 words".
    pattern: new RegExp(String.raw`(?<![\w.])${NUMBER}${UNIT}`, 'i'),
    build: ([n]) => ({ kind: 'about', words: n! }),
  },
];

/**
 * Reads a free-text English length constraint ("in ~30 words", "under 200 words", "at least 800
 * words", "between 100 and 200 words", "a 500-word essay"). Upstream Ruler has no such parser; this
 * one feeds `resolveMltTarget`. Returns `undefined` when the text states no word count.
 */
export function parseLengthConstraint(text: string): LengthConstraint | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const numbers = match
      .slice(1)
      .filter(g => g !== undefined)
      .map(toNumber);
    if (numbers.some(n => !Number.isFinite(n) || n <= 0)) continue;
    return { ...rule.build(numbers), match: match[0].trim() };
  }
  return undefined;
}

/** One representative word count for a constraint, e.g. to feed `resolveMltTarget`. */
export function constraintTarget(constraint: LengthConstraint): number {
  switch (constraint.kind) {
    case 'about':
    case 'exact':
      return constraint.words!;
    case 'range':
      return (constraint.min! + constraint.max!) / 2;
    case 'at-most':
      return constraint.max!;
    case 'at-least':
      return constraint.min!;
  }
}
