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
