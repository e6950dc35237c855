import { describe, expect, it } from 'vitest';
import { normalizeNumerals } from './normalize-numerals';
import { parseChineseNumeral } from './parse-chinese-numeral';
import { unicodeDigitValue } from './unicode-digit-value';

describe('parseChineseNumeral', () => {
  it.each([
    ['三千', 3000],
    ['两千五百', 2500],
    ['三千五百', 3500],
    ['三千五', 3500],
    ['两千零五', 2005],
    ['三千零五', 3005],
    ['一万', 10000],
    ['十万', 100000],
    ['两万', 20000],
    ['一万二千', 12000],
    ['一万五', 15000],
    ['一万五千', 15000],
    ['十', 10],
    ['十二', 12],
    ['十五', 15],
    ['二十', 20],
    ['八百', 800],
    ['七千', 7000],
    ['〇', 0],
    ['五', 5],
    ['3千', 3000],
    ['1万5千', 15000],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each([
    ['', 'empty'],
    ['一二', 'a digit string'],
    ['千万', 'prose (千万别错过)'],
    ['百', 'a bare hundred'],
    ['千', 'a bare thousand'],
    ['万', 'a bare ten thousand'],
    ['万一', 'prose (万一)'],
    ['三3', 'two digits in a row'],
    ['三千字', 'a numeral followed by other text'],
  ])('rejects "%s" (%s)', text => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe('unicodeDigitValue', () => {
  it('maps any Nd code point to its value', () => {
    expect(unicodeDigitValue('７')).toBe(7);
    expect(unicodeDigitValue('٣')).toBe(3);
    expect(unicodeDigitValue('𝟗')).toBe(9); // U+1D7D7, mathematical bold digit nine
    expect(unicodeDigitValue('0')).toBe(0);
    expect(unicodeDigitValue('9')).toBe(9);
  });
});

describe('normalizeNumerals', () => {
  it('normalises a whole constraint', () => {
    expect(normalizeNumerals('约四千字，不超过4,500字')).toBe('约4000字，不超过4500字');
  });

  it('reads full-width and other Unicode digits', () => {
    expect(normalizeNumerals('小于４０００字')).toBe('小于4000字');
    expect(normalizeNumerals('more than ٣٠٠٠ words')).toBe('more than 3000 words');
  });

  it('drops ASCII and full-width thousands separators but keeps lists', () => {
    expect(normalizeNumerals('4,000-6,000 words')).toBe('4000-6000 words');
    expect(normalizeNumerals('１２，５００字')).toBe('12500字');
    expect(normalizeNumerals('items 1,2,3')).toBe('items 1,2,3');
  });

  it('leaves prose that only looks like a numeral', () => {
    expect(normalizeNumerals('千万别错过')).toBe('千万别错过');
    expect(normalizeNumerals('no numbers here')).toBe('no numbers here');
  });
});
