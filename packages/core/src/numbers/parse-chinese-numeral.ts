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

/**
 * Reads a Chinese numeral such as 八百, 两千, 三千五百, 两千零五, 一万五千, 十二, 三千五 (colloquial
 * 3500), or a mix with Arabic digits such as 3千. Returns undefined for text that is not a
 * well-formed numeral, so a caller never mistakes prose (千万别…, 一二) for a number.
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
      if (pending !== undefined && pending !== 0) return undefined;
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
      // A 万 with nothing before it is prose (千万别, 万一), not a number.
      if (section === 0 && pending === undefined) return undefined;
      total += (section + (pending ?? 0)) * 10000;
      section = 0;
    } else {
      // 十二 means one ten and two, but a bare 百 or 千 is not a numeral.
      if (pending === undefined && unit !== 10) return undefined;
      section += (pending ?? 1) * unit;
    }
    lastUnit = unit;
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
