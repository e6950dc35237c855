const CJK_UNIFIED = /[\u4e00-\u9fff]/g;
// Python's `\b` is Unicode-aware, JavaScript's is ASCII-only: an ASCII letter run only counts when it
// does not touch any other Unicode letter, digit or underscore (agentwrite.md §2.4).
const ASCII_WORD = /(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu;

/**
 * The LongBench-Write length counter (THUDM/LongWriter `evaluation/pred.py` `count_words`), used by
 * the S_l length score: every character in U+4E00..U+9FFF counts 1, plus every ASCII letter run that
 * Python's `\b[a-zA-Z]+\b` matches.
 *
 * Paper-exact [PARITY]; its quirks are part of the metric: digits, kana, Hangul, CJK Ext-A/B,
 * Cyrillic, Greek and accented words count 0, and `don't` or `state-of-the-art` split. Never
 * normalise the text before counting (NFC and NFD give different counts upstream too).
 */
export function countWordsLongWriter(text: string): number {
  return (text.match(CJK_UNIFIED)?.length ?? 0) + (text.match(ASCII_WORD)?.length ?? 0);
}
