import { parseChineseNumeral } from '@longform/core';

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
