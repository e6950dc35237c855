import { describe, expect, it } from 'vitest';
import { detectScript, isMostlyCjk } from './detect-script';

describe('detectScript', () => {
  it.each([
    ['Hello, world! This is a test.', 'latin'],
    ['你好，世界！这是一个测试。', 'han'],
    ['これはとても良い日本語のテキストです。', 'kana'],
    ['한국어 텍스트입니다', 'hangul'],
    ['Привет, мир! Как дела?', 'cyrillic'],
    ['Καλημέρα κόσμε', 'greek'],
    ['مرحبا بالعالم', 'arabic'],
    ['שלום עולם', 'hebrew'],
    ['हिन्दी भाषा', 'devanagari'],
    ['ภาษาไทยง่ายนิดเดียว', 'thai'],
    ['ქართული ენა', 'other'],
  ])('%j → %s', (text, dominant) => {
    expect(detectScript(text).dominant).toBe(dominant);
  });

  it('counts units per script and leaves numbers and symbols out', () => {
    const profile = detectScript('我爱Python编程 2024 😀 !!!');
    expect(profile.units.han).toBe(4);
    expect(profile.units.latin).toBe(1);
    expect(profile.total).toBe(5);
    expect(profile.cjkShare).toBeCloseTo(0.8, 10);
  });

  it('returns no dominant script for text without letters', () => {
    expect(detectScript('')).toMatchObject({ dominant: null, total: 0, cjkShare: 0 });
    expect(detectScript('123 456 — 😀').dominant).toBeNull();
  });
});

describe('isMostlyCjk', () => {
  it('is true for Chinese with some English terms, false for English quoting Chinese', () => {
    expect(
      isMostlyCjk('我们使用 GPT-4o 和 Claude 模型来生成长篇文章，并评估其长度控制能力。'),
    ).toBe(true);
    expect(
      isMostlyCjk('The word 长城 means "long wall" and names a series of fortifications in China.'),
    ).toBe(false);
  });

  it('decides LongBench-Write style instructions by their language', () => {
    expect(isMostlyCjk('写一篇5000字的中国旅游指南')).toBe(true);
    expect(isMostlyCjk('Write a 5000-word guide to travelling in China')).toBe(false);
  });

  it('treats Japanese and Korean as CJK and honours the threshold', () => {
    expect(isMostlyCjk('これは日本語です')).toBe(true);
    expect(isMostlyCjk('한국어 텍스트')).toBe(true);
    const mixed = '中文 one two three'; // 2 han units of 5
    expect(isMostlyCjk(mixed)).toBe(false);
    expect(isMostlyCjk(mixed, { threshold: 0.4 })).toBe(true);
    expect(isMostlyCjk('')).toBe(false);
    expect(isMostlyCjk('2024')).toBe(false);
  });
});
