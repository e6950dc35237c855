// Shared by countWordsUnicode and detectScript so both agree on what one unit is. Not exported from
// the package: the rules are documented on countWordsUnicode.

const CJK_SCRIPTS = '\\p{sc=Han}\\p{sc=Hira}\\p{sc=Kana}\\p{sc=Hang}';
// Scripts written without spaces between words, segmented with ICU dictionaries instead.
const UNSPACED_SCRIPTS = '\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmr}\\p{sc=Mymr}';
// U+30FC / U+FF70 (katakana prolonged sound mark) lengthen the previous kana: they are no unit.
const NOT_IN_WORDS = `${CJK_SCRIPTS}${UNSPACED_SCRIPTS}\\u30FC\\uFF70`;

const CJK_UNIT = `[[${CJK_SCRIPTS}]&&[\\p{L}\\p{N}]]`;
const UNSPACED_RUN = `[[${UNSPACED_SCRIPTS}]&&[\\p{L}\\p{N}\\p{M}]]+`;
const WORD_START = `[[\\p{L}\\p{N}]--[${NOT_IN_WORDS}]]`;
// Marks, connector punctuation and invisible joiners (soft hyphen, ZWNJ, ZWJ, word joiner) continue a word.
const WORD_CONTINUE = `[[\\p{L}\\p{N}\\p{M}\\p{Pc}\\u00AD\\u200C\\u200D\\u2060]--[${NOT_IN_WORDS}]]`;
// Apostrophes, hyphens and full stops join two word parts; a comma joins digits only (12,345).
const JOINER = `(?:[\\-\\u2010\\u2011'\\u2019\\u02BC.]|(?<=\\p{N}),(?=\\p{N}))`;
const WORD = `${WORD_START}${WORD_CONTINUE}*(?:${JOINER}${WORD_START}${WORD_CONTINUE}*)*`;

/**
 * Group 1: one CJK unit; group 2: a run of an unspaced script (needs dictionary segmentation);
 * otherwise the match is one word. `v` is needed for set subtraction; TypeScript only accepts it in
 * literals when targeting ES2024, hence the constructor.
 */
export const UNIT_PATTERN = new RegExp(`(${CJK_UNIT})|(${UNSPACED_RUN})|${WORD}`, 'gv');

let segmenter: Intl.Segmenter | undefined;

/** Words in a Thai/Lao/Khmer/Myanmar run, by ICU's dictionary-based word segmentation. */
export function countUnspacedWords(run: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(run)) {
    if (segment.isWordLike) count++;
  }
  return count;
}
