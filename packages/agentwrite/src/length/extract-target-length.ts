import { parseChineseNumeral } from '@longform/core';
import { TargetLengthNotFoundError } from '../errors/target-length-not-found-error';
import { parseEnglishNumber, parseLengthNumber } from './parse-number';

export type OutputLanguage = 'en' | 'zh';

export interface TargetLength {
  /** The required length in the LongWriter counter's units: English words, or 字 for Chinese output. */
  words: number;
  /** The unit a prompt should name: "words" for English output, "字" for Chinese output. */
  unit: 'words' | '字';
  language: OutputLanguage;
  /** Where the number came from. `default` means the instruction stated none. */
  source: 'instruction' | 'option' | 'default';
  /** The text the number was read from (absent for `option` and `default`). */
  match?: string;
}

// Arabic numbers (with thousands separators, decimals, k/千/万 suffixes) or Chinese numerals.
const NUM = String.raw`\d[\d,]*(?:\.\d+)?(?:\s*[kK千万](?![a-zA-Z]))?|[零〇一二两三四五六七八九十百千万]+`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|~|～|至|到|to)\s*`;
const EN_NUM_WORD = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)`;

const PATTERNS: { regex: RegExp; kind: 'en' | 'zh' | 'zh-field' | 'en-words' | 'between' }[] = [
  {
    // 300-400 words, 1,000 words, 6000-words, 10k-word
    regex: new RegExp(
      String.raw`(?<![\w.])(${NUM})(?:${RANGE_SEP}(${NUM}))?\s*-?\s*words?(?![a-zA-Z])`,
      'gi',
    ),
    kind: 'en',
  },
  {
    regex: new RegExp(
      String.raw`between\s+(${NUM})\s+and\s+(${NUM})\s*-?\s*words?(?![a-zA-Z])`,
      'gi',
    ),
    kind: 'between',
  },
  {
    // five hundred words, two thousand-word
    regex: new RegExp(String.raw`\b(${EN_NUM_WORD}(?:[\s-]+${EN_NUM_WORD})*)[\s-]+words?\b`, 'gi'),
    kind: 'en-words',
  },
  {
    // 3000字, 100至200字, 两千字, 300词, 1.5万字
    regex: new RegExp(String.raw`(${NUM})(?:${RANGE_SEP}(${NUM}))?\s*(?:个)?(?:汉字|字|词)`, 'g'),
    kind: 'zh',
  },
  {
    // 字数要求：2000左右, 讲稿字数1400左右: a number after 字数 needs no unit.
    regex: new RegExp(
      String.raw`字数(?:要求|需要|需|要|为|是|控制在|在)?\s*[：:]?\s*(?:约|大约|不少于|不低于|不超过|至少|在)?\s*(${NUM})(?:${RANGE_SEP}(${NUM}))?`,
      'g',
    ),
    kind: 'zh-field',
  },
];

const PER_ITEM_ZH =
  /(?:各|每(篇|章|节|部分|段|幕|天|首|个|封|课|次课)?)\s*(?:写|约|大约|需|要)?\s*$/;
const COUNT_ZH = (unit: string | undefined) =>
  new RegExp(
    String.raw`(\d+|[一二两三四五六七八九十]+)\s*(?:个)?(${unit ?? '篇|部分|章|节|段|幕|首|封'})`,
    'g',
  );
const PER_ITEM_EN = /^\s*(?:each|apiece|per\s+\w+)/i;
const COUNT_EN =
  /\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+)?(essays|articles|parts|sections|chapters|posts|stories|poems|letters|entries|scenes|episodes)\b/i;

interface Candidate {
  index: number;
  end: number;
  value: number;
  match: string;
}

function readValue(raw: string, kind: string): number | undefined {
  const trimmed = raw.trim();
  if (kind === 'en-words') return parseEnglishNumber(trimmed);
  // A bare Chinese numeral must carry a 百/千/万 so that 十字路口 or 一字一句 never reads as a length.
  if (/^[零〇一二两三四五六七八九十百千万]+$/.test(trimmed) && !/[百千万]/.test(trimmed)) {
    return undefined;
  }
  return parseLengthNumber(trimmed);
}

function itemCounts(text: string, unit: string | undefined): number[] {
  return [...text.matchAll(COUNT_ZH(unit))]
    .map(m => (/^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!)))
    .filter((n): n is number => n !== undefined && n >= 2 && n <= 100);
}

function countBefore(text: string, before: string, unit: string | undefined): number | undefined {
  // Prefer a count stated before the per-item length (分两部分写，各写1000字), else any count.
  return itemCounts(before, unit).at(-1) ?? itemCounts(text, unit)[0];
}

function multiplier(text: string, candidate: Candidate): number {
  const before = text.slice(0, candidate.index);
  const perZh = PER_ITEM_ZH.exec(before.slice(-8));
  if (perZh) {
    const count = countBefore(text, before, perZh[1]);
    if (count !== undefined) return count;
  }
  if (PER_ITEM_EN.test(text.slice(candidate.end))) {
    const count = COUNT_EN.exec(text);
    if (count) {
      const n = /^\d+$/.test(count[1]!) ? Number(count[1]) : parseEnglishNumber(count[1]!);
      if (n !== undefined && n >= 2) return n;
    }
  }
  return 1;
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { regex, kind } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const lower = readValue(m[1]!, kind);
      const upper = m[2] !== undefined ? readValue(m[2], kind) : undefined;
      // A range gives its upper bound, as the LongBench-Write annotators read it.
      const value = upper !== undefined && lower !== undefined && upper > lower ? upper : lower;
      if (value === undefined || value <= 0) continue;
      const index = m.index ?? 0;
      found.push({ index, end: index + m[0].length, value, match: m[0] });
    }
  }
  // The same number can match two patterns (字数要求：3000字); keep the longest match per position.
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const merged: Candidate[] = [];
  for (const c of found) {
    const last = merged.at(-1);
    if (last && c.index < last.end) continue;
    merged.push(c);
  }
  return merged;
}

const CJK = /[\u4e00-\u9fff]/g;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * The language the instruction asks the text to be written in. A Chinese instruction asking for
 * English (用英文写, 英语作文) gets English, and an English one asking for Chinese news gets Chinese.
 */
export function detectOutputLanguage(instruction: string): OutputLanguage {
  const cjk = (instruction.match(CJK) ?? []).length;
  const latin = (instruction.match(LATIN_WORD) ?? []).length;
  const mostlyChinese = cjk > latin;
  if (mostlyChinese) return /英文|英语|English/i.test(instruction) ? 'en' : 'zh';
  return /\b(?:in|a|an)\s+Chinese\b|Chinese\s+(?:news|article|essay|text)/i.test(instruction)
    ? 'zh'
    : 'en';
}

export interface ExtractTargetLengthOptions {
  /** Used when the instruction states no length. Without it, such an instruction throws. */
  defaultWords?: number;
}

/**
 * Reads the required length from an instruction the way LongBench-Write's annotators did (spec
 * agentwrite.md §2.3): an exact, approximate or minimum figure gives that number, a range gives its
 * upper bound, Chinese numerals are read, and a per-item length is multiplied by the item count.
 * When several lengths are stated, the last one wins: requirements are usually restated at the end.
 *
 * @throws TargetLengthNotFoundError when no length is stated and no `defaultWords` is given.
 */
export function extractTargetLength(
  instruction: string,
  options: ExtractTargetLengthOptions = {},
): TargetLength {
  const language = detectOutputLanguage(instruction);
  const unit = language === 'zh' ? '字' : 'words';
  const found = candidates(instruction);
  const chosen = found.at(-1);
  if (chosen) {
    return {
      words: chosen.value * multiplier(instruction, chosen),
      unit,
      language,
      source: 'instruction',
      match: chosen.match.trim(),
    };
  }
  if (options.defaultWords !== undefined) {
    return { words: options.defaultWords, unit, language, source: 'default' };
  }
  throw new TargetLengthNotFoundError({ instruction });
}
