/** A length request found in a prompt. */
export type RequestedLength = {
  /** The length to aim for, in `unit`s (midpoint of a range, 1.1·N for "at least N", 0.8·N for "under N"). */
  value: number;
  /** `chars` for 字 (one CJK character each), otherwise `words`. */
  unit: 'words' | 'chars';
  /** Lower bound, when the request states one. */
  min?: number;
  /** Upper bound, when the request states one. */
  max?: number;
  /** The matched text, e.g. `"at least 6,000 words"`. */
  source: string;
};

type Candidate = RequestedLength & { start: number; end: number };

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*([kK])(?![A-Za-z]))?`;
const CNUM = String.raw`((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[千万]?|[零〇一二两三四五六七八九十百千万]+)`;
const WORDS = String.raw`(?:\s*-\s*|\s+)(?:more\s+|additional\s+|new\s+|further\s+)?words?\b`;
const AT_LEAST = String.raw`(?:at\s+least|no\s+(?:less|fewer)\s+than|not\s+(?:less|fewer)\s+than|a\s+minimum\s+of|minimum\s+of|more\s+than|over)`;
const AT_MOST = String.raw`(?:less\s+than|fewer\s+than|under|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|up\s+to|within)`;

type Rule = {
  pattern: RegExp;
  build: (m: RegExpExecArray) => Omit<RequestedLength, 'source'> | undefined;
};

function englishNumber(digits: string | undefined, k: string | undefined): number {
  const value = Number((digits ?? '').replaceAll(',', ''));
  return k ? value * 1000 : value;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// Not core's parseChineseNumeral: the simulator depends on no longform package (core depends on it).
/** Reads "三千", "一万五千", "两千", "3000", "1.5万", "3千". */
export function parseChineseNumber(text: string): number {
  const trimmed = text.replaceAll(/\s/g, '');
  const arabic = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([千万]?)$/.exec(trimmed);
  if (arabic) {
    const base = Number(arabic[1]!.replaceAll(',', ''));
    return arabic[2] === '万' ? base * 10000 : arabic[2] === '千' ? base * 1000 : base;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  for (const ch of trimmed) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
      sawDigit = true;
    } else if (ch in CN_UNITS) {
      section += (sawDigit ? digit : 1) * CN_UNITS[ch]!;
      digit = 0;
      sawDigit = false;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
      sawDigit = false;
    }
  }
  return total + section + digit;
}

const hasChineseNumeral = (text: string) => /[零〇一二两三四五六七八九十百千万]/.test(text);

function range(lo: number, hi: number, unit: RequestedLength['unit']) {
  const min = Math.min(lo, hi);
  const max = Math.max(lo, hi);
  return { value: Math.round((min + max) / 2), unit, min, max };
}

const rules: Rule[] = [
  {
    // Ruler meta length tokens; "[MLT:>800]" is open-ended, so aim a little above the bound.
    pattern: /\[MLT:(>)?(\d+)\]/g,
    build: m => {
      const n = Number(m[2]);
      return m[1]
        ? { value: Math.round(n * 1.125), unit: 'words', min: n + 1 }
        : { value: n, unit: 'words' };
    },
  },
  {
    pattern: new RegExp(String.raw`${NUM}\s*(?:-|–|—|to|~)\s*${NUM}${WORDS}`, 'gi'),
    build: m => range(englishNumber(m[1], m[2]), englishNumber(m[3], m[4]), 'words'),
  },
  {
    pattern: new RegExp(String.raw`between\s+${NUM}\s+and\s+${NUM}${WORDS}`, 'gi'),
    build: m => range(englishNumber(m[1], m[2]), englishNumber(m[3], m[4]), 'words'),
  },
  {
    pattern: new RegExp(String.raw`${AT_LEAST}\s+${NUM}${WORDS}`, 'gi'),
    build: m => {
      const n = englishNumber(m[1], m[2]);
      return { value: Math.round(n * 1.1), unit: 'words', min: n };
    },
  },
  {
    pattern: new RegExp(String.raw`${AT_MOST}\s+${NUM}${WORDS}`, 'gi'),
    build: m => {
      const n = englishNumber(m[1], m[2]);
      return { value: Math.round(n * 0.8), unit: 'words', max: n };
    },
  },
  {
    pattern: new RegExp(
      String.raw`word\s*count(?:\s+requirement)?\s*[:：]\s*(?:approximately|about|around|roughly|约|大约)?\s*${NUM}(?:\s*(?:-|–|—|to|~)\s*${NUM})?(?:\s*(words?|字))?`,
      'gi',
    ),
    build: m => {
      const unit = m[5] === '字' ? 'chars' : 'words';
      const lo = englishNumber(m[1], m[2]);
      return m[3] ? range(lo, englishNumber(m[3], m[4]), unit) : { value: lo, unit };
    },
  },
  {
    pattern: new RegExp(`${NUM}${WORDS}`, 'gi'),
    build: m => ({ value: englishNumber(m[1], m[2]), unit: 'words' }),
  },
  {
    // A bare "about 500." only counts when nothing but punctuation follows the number.
    pattern: new RegExp(
      String.raw`(?:about|around|approximately|roughly)\s+${NUM}(?=\s*(?:[.,;:!?)\]]|$))`,
      'gi',
    ),
    build: m => {
      const n = englishNumber(m[1], m[2]);
      return n >= 20 ? { value: n, unit: 'words' } : undefined;
    },
  },
  {
    pattern: new RegExp(String.raw`${CNUM}\s*(?:-|–|—|~|～|到|至)\s*${CNUM}\s*个?字`, 'g'),
    build: m => range(parseChineseNumber(m[1]!), parseChineseNumber(m[2]!), 'chars'),
  },
  {
    pattern: new RegExp(
      String.raw`(?:${CNUM}\s*个?字\s*(?:以内|以下|之内)|(?:不超过|不多于|少于|最多|不要超过)\s*${CNUM}\s*个?字)`,
      'g',
    ),
    build: m => {
      const n = parseChineseNumber((m[1] ?? m[2])!);
      return { value: Math.round(n * 0.8), unit: 'chars', max: n };
    },
  },
  {
    pattern: new RegExp(
      String.raw`(?:${CNUM}\s*个?字\s*以上|(?:不少于|至少|不低于|多于|超过)\s*${CNUM}\s*个?字)`,
      'g',
    ),
    build: m => {
      const n = parseChineseNumber((m[1] ?? m[2])!);
      return { value: Math.round(n * 1.1), unit: 'chars', min: n };
    },
  },
  {
    pattern: new RegExp(
      String.raw`字数\s*(?:要求)?\s*[:：]?\s*(?:约|大约|在)?\s*${CNUM}(?:\s*(?:-|–|~|到|至)\s*${CNUM})?\s*个?字?`,
      'g',
    ),
    build: m => {
      const lo = parseChineseNumber(m[1]!);
      return m[2] ? range(lo, parseChineseNumber(m[2]), 'chars') : { value: lo, unit: 'chars' };
    },
  },
  {
    // "十字路口" and "八字" are not length requests: Chinese-numeral counts need to be plausible.
    pattern: new RegExp(String.raw`${CNUM}\s*个?字(?!数)`, 'g'),
    build: m => {
      const n = parseChineseNumber(m[1]!);
      if (hasChineseNumeral(m[1]!) && !/\d/.test(m[1]!) && n < 50) return undefined;
      return { value: n, unit: 'chars' };
    },
  },
  {
    pattern: new RegExp(String.raw`${CNUM}\s*个?(?:单词|词)`, 'g'),
    build: m => {
      const n = parseChineseNumber(m[1]!);
      return n >= 10 ? { value: n, unit: 'words' } : undefined;
    },
  },
];

/**
 * Finds the **last** length request in `text` ("N words", "Word Count: N", "about N", ranges,
 * "at least/under N", "[MLT:N]", "N字", Chinese numerals, "10k words"). When several requests end
 * at the same place the longest one wins, so "at least 600 words" beats "600 words".
 */
export function detectRequestedLength(text: string): RequestedLength | undefined {
  let best: Candidate | undefined;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const built = rule.build(m);
      if (built === undefined || !Number.isFinite(built.value) || built.value <= 0) continue;
      const candidate: Candidate = {
        ...built,
        source: m[0].trim(),
        start: m.index,
        end: m.index + m[0].length,
      };
      if (
        best === undefined ||
        candidate.end > best.end ||
        (candidate.end === best.end && candidate.start < best.start)
      ) {
        best = candidate;
      }
    }
  }
  if (best === undefined) return undefined;
  const { start: _start, end: _end, ...result } = best;
  return result;
}
