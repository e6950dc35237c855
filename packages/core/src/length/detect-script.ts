import { countUnspacedWords, UNIT_PATTERN } from './unicode-units';

export type ScriptName =
  | 'han'
  | 'kana'
  | 'hangul'
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'devanagari'
  | 'thai'
  | 'other';

export interface ScriptProfile {
  /**
   * Length units per script, in `countWordsUnicode` units: one per character for han, kana and
   * hangul, one per word elsewhere. Pure numbers belong to no script and are left out.
   */
  units: Record<ScriptName, number>;
  /** Sum of `units`. */
  total: number;
  /** The script with the most units; `null` when the text has no letters. */
  dominant: ScriptName | null;
  /** Share of han + kana + hangul units in `total` (0 for a text without letters). */
  cjkShare: number;
}

const FIRST_LETTER = /\p{L}/u;
const SCRIPT_TESTS: Array<[ScriptName, RegExp]> = [
  ['latin', /\p{sc=Latn}/u],
  ['han', /\p{sc=Han}/u],
  ['kana', /[\p{sc=Hira}\p{sc=Kana}]/u],
  ['hangul', /\p{sc=Hang}/u],
  ['cyrillic', /\p{sc=Cyrl}/u],
  ['greek', /\p{sc=Grek}/u],
  ['arabic', /\p{sc=Arab}/u],
  ['hebrew', /\p{sc=Hebr}/u],
  ['devanagari', /\p{sc=Deva}/u],
  ['thai', /\p{sc=Thai}/u],
];

function scriptOf(letter: string): ScriptName {
  for (const [name, test] of SCRIPT_TESTS) if (test.test(letter)) return name;
  return 'other';
}

/**
 * Which writing system a text is mostly in, measured in the units a reader would count (words for
 * spaced scripts, characters for Chinese, Japanese and Korean). Used to choose between words and 字
 * as the length unit of an instruction or a document.
 */
export function detectScript(text: string): ScriptProfile {
  const units: Record<ScriptName, number> = {
    han: 0,
    kana: 0,
    hangul: 0,
    latin: 0,
    cyrillic: 0,
    greek: 0,
    arabic: 0,
    hebrew: 0,
    devanagari: 0,
    thai: 0,
    other: 0,
  };
  UNIT_PATTERN.lastIndex = 0;
  for (let match = UNIT_PATTERN.exec(text); match !== null; match = UNIT_PATTERN.exec(text)) {
    const unit = match[0];
    const letter = FIRST_LETTER.exec(unit)?.[0];
    if (letter === undefined) continue;
    units[scriptOf(letter)] += match[2] === undefined ? 1 : countUnspacedWords(unit);
  }
  let total = 0;
  let dominant: ScriptName | null = null;
  for (const [name, count] of Object.entries(units) as Array<[ScriptName, number]>) {
    total += count;
    if (count > 0 && (dominant === null || count > units[dominant])) dominant = name;
  }
  const cjk = units.han + units.kana + units.hangul;
  return { units, total, dominant, cjkShare: total === 0 ? 0 : cjk / total };
}

/**
 * True when at least `threshold` (default 0.5) of a text's length units are Chinese, Japanese or
 * Korean characters, i.e. its length is naturally stated in 字 rather than words. A Chinese text
 * quoting English terms stays CJK; an English text quoting a few characters does not.
 */
export function isMostlyCjk(
  text: string,
  { threshold = 0.5 }: { threshold?: number } = {},
): boolean {
  const { total, cjkShare } = detectScript(text);
  return total > 0 && cjkShare >= threshold;
}
