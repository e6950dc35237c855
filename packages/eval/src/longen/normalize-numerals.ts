const CHINESE_DIGITS: Record<string, number> = {
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
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

const digitCache = new Map<number, number>();

/**
 * Decimal value of any Unicode `Nd` code point. Nd code points come in contiguous runs of ten
 * (0–9, sometimes several runs back to back), so the value is the offset from the run start mod 10.
 */
export function unicodeDigitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  const cached = digitCache.get(cp);
  if (cached !== undefined) return cached;
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  const value = (cp - start) % 10;
  digitCache.set(cp, value);
  return value;
}

/**
 * Reads a Chinese numeral such as 三千, 两千五百, 一万二千, 三千五 (colloquial 3500), 十五, or a mix
 * with Arabic digits such as 3千. Returns undefined for text that is not a numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let lastUnit = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      pending = Number(text.slice(i, j));
      i = j;
      continue;
    }
    if (ch in CHINESE_DIGITS) {
      // 一二 is a digit string, not a numeral; only 零 may precede another digit (两千零五).
      if (pending !== undefined && pending !== 0) return undefined;
      pending = CHINESE_DIGITS[ch]!;
      i++;
      continue;
    }
    const unit = CHINESE_UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (pending ?? 0)) * 10000;
      section = 0;
      lastUnit = 10000;
    } else {
      // 十五 has no leading digit: it means one ten.
      section += (pending ?? 1) * unit;
      lastUnit = unit;
    }
    pending = undefined;
    i++;
  }
  if (pending !== undefined) {
    // 三千五 is colloquial for 3500: a trailing bare digit counts in the next lower unit.
    const trailingScale =
      lastUnit >= 100 && text.length > 1 && !/[0-9零〇]/.test(text.at(-2)!) ? lastUnit / 10 : 1;
    section += pending * trailingScale;
  }
  return total + section;
}

/**
 * Rewrites the numbers in a constraint into plain ASCII digits: any Unicode decimal digit (so
 * full-width ４０００ works as it does with Python's `\d` + `int()`), thousands separators
 * (4,000 → 4000), and Chinese numerals (三千 → 3000).
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
