import { countUnspacedWords, UNIT_PATTERN } from './unicode-units';

/**
 * The general-purpose length counter for users (not a paper's metric). One unit is:
 *
 * - **a word** in scripts that separate words with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew,
 *   Devanagari, …): a run of letters, digits, combining marks and connector punctuation (`_`), as in
 *   Unicode word segmentation (`Intl.Segmenter`, `isWordLike`);
 *   - contractions (`don't`, `don’t`) and hyphenated compounds (`state-of-the-art`, `COVID-19`)
 *     count 1: apostrophes, hyphens and full stops between two word parts join them (`e.g.`,
 *     `example.com` and `3.14` count 1);
 *   - numbers count 1, with `,` between digits joining (`12,345.67`); colons and slashes separate;
 *   - soft hyphens, zero-width joiners and the word joiner stay inside a word; a zero-width space
 *     separates;
 * - **each CJK character**: every Han ideograph (including Ext-A/B and compatibility ideographs),
 *   every hiragana/katakana letter and every Hangul syllable or jamo counts 1 (字 for Chinese); the
 *   katakana prolonged sound mark `ー` counts 0;
 * - **a dictionary word** in Thai, Lao, Khmer and Myanmar, which are written without spaces
 *   (`Intl.Segmenter`);
 * - nothing for punctuation, symbols, emoji and Markdown markup (`#`, `**`, `-`, `|`, `>`), which
 *   count 0; words inside link URLs do count, so use `countProseWords` for Markdown.
 *
 * No normalisation is needed: NFC and NFD spellings count the same.
 *
 * Where it deliberately differs from `Intl.Segmenter`: hyphenated compounds are one word (ICU splits
 * them), a colon always separates (ICU joins `a:b`), a full stop between a letter and a digit joins
 * (`Fig.2`), CJK text counts per character (ICU finds multi-character words) and `ー` alone is no
 * word. It is a single regular-expression pass, several times faster than the segmenter.
 */
export function countWordsUnicode(text: string): number {
  UNIT_PATTERN.lastIndex = 0;
  let count = 0;
  for (let match = UNIT_PATTERN.exec(text); match !== null; match = UNIT_PATTERN.exec(text)) {
    count += match[2] === undefined ? 1 : countUnspacedWords(match[2]);
  }
  return count;
}
