const CN_DIGITS: Record<string, number> = {
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
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral such as 八百, 两千, 三千五百, 一万五千, 十二. Returns undefined for strings
 * that are not a well-formed numeral, so a caller never mistakes prose (千万别…) for a number.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CN_DIGITS[ch];
    } else if (ch in CN_SMALL_UNITS) {
      // A bare 十 means ten (十二 = 12); bare 百/千 are not valid numerals.
      const unit = CN_SMALL_UNITS[ch]!;
      if (digit === undefined && unit !== 10) return undefined;
      section += (digit ?? 1) * unit;
      digit = undefined;
    } else if (ch === '万') {
      if (section === 0 && digit === undefined) return undefined;
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Reads the numbers users write for lengths: `1500`, `1,500`, `1.5k`, `10K`, `2万`, `1.5万`, `3千`,
 * and Chinese numerals. Returns undefined when the text is not one of these.
 */
export function parseLengthNumber(raw: string): number | undefined {
  const text = raw.replace(/\s+/g, '');
  const arabic = /^(\d[\d,]*(?:\.\d+)?)([kK千万]?)$/.exec(text);
  if (arabic) {
    const value = Number(arabic[1]!.replace(/,/g, ''));
    if (!Number.isFinite(value)) return undefined;
    const multiplier =
      arabic[2] === '万' ? 10_000 : arabic[2] === '' || arabic[2] === undefined ? 1 : 1000;
    return Math.round(value * multiplier);
  }
  return parseChineseNumeral(text);
}

const EN_SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/** Reads "five hundred", "two thousand", "ten thousand", "fifteen hundred" (English length words). */
export function parseEnglishNumber(text: string): number | undefined {
  const parts = text
    .toLowerCase()
    .trim()
    .split(/[\s-]+/);
  let total = 0;
  let current = 0;
  for (const part of parts) {
    if (part in EN_SMALL) current += EN_SMALL[part]!;
    else if (part === 'hundred' && current > 0) current *= 100;
    else if (part === 'thousand' && current > 0) {
      total += current * 1000;
      current = 0;
    } else return undefined;
  }
  const value = total + current;
  return value > 0 ? value : undefined;
}
