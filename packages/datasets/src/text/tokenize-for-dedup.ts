import { normalizeForDedup } from './normalize-for-dedup';

// Scripts written without spaces: each character is its own token, otherwise a whole Chinese or
// Japanese paragraph would be one "word" and word n-grams would never overlap.
const UNSPACED = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const TOKEN = new RegExp(`[${UNSPACED}]|[[\\p{L}\\p{N}\\p{M}]--[${UNSPACED}]]+`, 'gv');
const ASCII_TOKEN = /[a-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Word tokens for shingling and n-gram overlap: letter/digit runs of spaced scripts, single
 * characters of CJK ideographs and kana. Punctuation and Markdown markers are ignored, so formatting
 * changes do not hide a duplicate.
 */
export function tokenizeForDedup(text: string): string[] {
  // ASCII text is already NFKC, and its tokens are plain [a-z0-9] runs: a much cheaper path for
  // the common English case.
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? [];
  return normalizeForDedup(text).match(TOKEN) ?? [];
}
