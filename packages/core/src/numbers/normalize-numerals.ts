import { parseChineseNumeral } from './parse-chinese-numeral';
import { unicodeDigitValue } from './unicode-digit-value';

/**
 * Rewrites the numbers in a text into plain ASCII digits: any Unicode decimal digit (so full-width
 * ４０００ works as it does with Python's `\d` + `int()`), thousands separators (4,000 → 4000, also
 * the full-width ，), and Chinese numerals (三千 → 3000). Text that is not a numeral is kept.
 */
export function normalizeNumerals(text: string): string {
  const ascii = text.replace(/\p{Nd}/gu, ch => String(unicodeDigitValue(ch)));
  const noSeparators = ascii.replace(/\d{1,3}(?:[,，]\d{3})+(?!\d)/g, match =>
    match.replace(/[,，]/g, ''),
  );
  return noSeparators.replace(/[0-9零〇一二两三四五六七八九十百千万]+/g, match => {
    if (/^[0-9]+$/.test(match)) return match;
    const value = parseChineseNumeral(match);
    return value === undefined ? match : String(value);
  });
}
