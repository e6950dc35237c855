// CJK Unified Ideographs, CJK Symbols & Punctuation, Halfwidth/Fullwidth Forms (self-lengthen.md §10).
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/g;
// Python's `str.split()` whitespace. JS `\s` differs (it has U+FEFF, lacks \x1c-\x1f and \x85).
const PY_WHITESPACE =
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * The Self-Lengthen / LonGen length counter (QwenLM/Self-Lengthen `utils.py`): every CJK ideograph,
 * CJK punctuation mark and full-width character counts 1, and the rest of the text counts Python
 * `str.split()` fields.
 *
 * Paper-exact [PARITY]: punctuation stays attached to words, Markdown markers count as words, an
 * unspaced kana run is one word and CJK Ext-A/B ideographs are not counted individually.
 */
export function countWordsSelfLengthen(text: string): number {
  let fields = 0;
  for (const field of text.replace(CJK, ' ').split(PY_WHITESPACE)) {
    if (field.length > 0) fields++;
  }
  return (text.match(CJK)?.length ?? 0) + fields;
}
