// Python's Unicode `\w` (Unicode 14) equals `[\p{L}\p{N}_]`; JS `\w` is ASCII-only (ruler.md §2).
const PY_WORD = /[\p{L}\p{N}_]+/gu;

/**
 * The Ruler / TLG length counter (Geaming2002/Ruler `src/utils/count.py`, NLTK
 * `RegexpTokenizer(r"\w+")`), used for MLT labelling and the PM/FM scores.
 *
 * Paper-exact [PARITY]: `don't` = 2, `3.14` = 2, emoji and Markdown symbols 0, an unspaced CJK run 1,
 * and combining marks split words (NFD `naïve` = 2).
 */
export function countWordsRuler(text: string): number {
  return text.match(PY_WORD)?.length ?? 0;
}
