import { describe, expect, it } from 'vitest';
import { countWordsUnicode } from './count-words-unicode';

const vectors: Array<[string, string, number]> = [
  ['empty', '', 0],
  ['whitespace only', ' \n\t\u3000 ', 0],
  ['plain English', 'Hello, world! This is a test.', 6],
  ['ASCII contraction', "don't stop", 2],
  ['typographic contractions', 'don’t won’t it’s', 3],
  ['modifier-letter apostrophe', 'Hawaiʼi', 1],
  ['possessive and quotes', "the students' 'quoted' word", 4],
  ['hyphenated compound', 'state-of-the-art', 1],
  ['hyphen variants', 'well‐known non‑breaking', 2],
  ['dash between words separates', 'stop—now and then – later', 5],
  ['spaced hyphen separates', 'A - B', 2],
  ['alphanumeric with hyphen', 'COVID-19 GPT-4o', 2],
  ['abbreviations', 'e.g. i.e. U.S.A. etc.', 4],
  ['integer, decimal, grouped', '42 3.14 12,345.67 1,000,000', 4],
  ['comma between words separates', 'apples,pears', 2],
  ['percent and currency', '10% of $100 is €10', 5],
  ['times and ratios split at colons', '10:30 a:b', 4],
  ['slash separates', 'and/or 1/2', 4],
  ['snake_case and dunder', 'snake_case __init__ x86_64', 3],
  ['accented NFC', 'naïve café résumé façade', 4],
  ['accented NFD counts the same', 'nai\u0308ve cafe\u0301', 2],
  ['soft hyphen stays inside', 'co\u00adoperation', 1],
  ['zero-width space separates', 'hello\u200bworld', 2],
  ['zero-width joiner stays inside', 'ab\u200dcd', 1],
  ['Cyrillic', 'Привет, мир! Как дела?', 4],
  ['Greek', 'Καλημέρα κόσμε', 2],
  ['German', 'über-cool Straße', 2],
  ['Arabic', 'مرحبا بالعالم', 2],
  ['Hebrew', 'שלום עולם', 2],
  ['Devanagari with marks', 'हिन्दी भाषा', 2],
  ['Chinese: each ideograph', '你好，世界！这是一个测试。', 10],
  ['Chinese with Latin', '我爱Python编程', 5],
  ['Chinese with digits', '第1章 共3000字', 6],
  ['Japanese: each kana and kanji', 'これは日本語です。', 8],
  ['prolonged sound mark counts 0', 'カーテン', 3],
  ['halfwidth katakana', 'ｶﾀｶﾅ', 4],
  ['Hangul syllables', '한국어 텍스트', 6],
  ['Hangul jamo', 'ㅋㅋㅋ', 3],
  ['CJK Ext-A, Ext-B, compatibility', '\u3400\u3401 \u{20000} \uf900', 4],
  ['iteration mark', '人々', 2],
  ['ideographic zero', '二〇二四年', 5],
  ['CJK punctuation counts 0', '「」。、・（）', 0],
  ['full-width Latin and digits', 'ＡＢＣ ｄｅｆ １２３', 3],
  ['Thai by dictionary', 'ภาษาไทยง่ายนิดเดียว', 5],
  ['emoji count 0', '😀 👍🏽 ❤\ufe0f 🗽', 0],
  ['emoji between words', 'I ❤\ufe0f NY 🗽🙂ok', 3],
  ['symbols count 0', '© ® ™ ± → ∞ … — – !!! ???', 0],
  ['Markdown heading and emphasis', '## Chapter 1: The **Beginning**', 4],
  ['Markdown list and table', '- item one\n- item two\n\n| a | b |\n| --- | --- |', 6],
  ['Markdown link counts URL words', '[link](https://example.com/path)', 4],
  ['HTML-ish', '<br/> <b>bold</b>', 4],
  ['superscripts and roman numerals', 'x² Ⅻ', 2],
  ['newlines and tabs separate', 'one\ntwo\tthree\r\nfour', 4],
  ['leading/trailing joiners ignored', "-dash- 'quote' .dot.", 3],
  ['double hyphen separates', 'well--known', 2],
  ['full stop between letter and digit joins', 'see Fig.2 and v1.2.3', 4],
  ['ellipsis between words', 'wait...what', 2],
];

describe('countWordsUnicode', () => {
  it.each(vectors)('%s: %j → %i', (_name, input, expected) => {
    expect(countWordsUnicode(input)).toBe(expected);
  });

  it('agrees with Intl.Segmenter word-like segments on spaced scripts without hyphens', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const reference = (s: string) => [...segmenter.segment(s)].filter(x => x.isWordLike).length;
    const samples = [
      'It was the best of times, it was the worst of times; it was the age of wisdom.',
      "I can't believe it's already 3.14 o'clock (approximately), said Mr. O'Neil.",
      'Über den Wolken muss die Freiheit wohl grenzenlos sein.',
      'Москва — столица России, население 12,6 млн человек.',
      'Η Ελλάδα είναι χώρα της νοτιοανατολικής Ευρώπης.',
      'El niño comió 12,345 manzanas en 2020, ¿verdad?',
      'snake_case_name and __dunder__ x86_64 v2.0.1',
    ];
    for (const sample of samples) expect(countWordsUnicode(sample), sample).toBe(reference(sample));
  });

  it('counts a Chinese document in 字 and an English one in words, consistently', () => {
    const zh = '长城是中国古代的军事防御工程。'.repeat(100);
    expect(countWordsUnicode(zh)).toBe(1400);
    const en = 'The Great Wall is an ancient defensive structure. '.repeat(100);
    expect(countWordsUnicode(en)).toBe(800);
    expect(countWordsUnicode(`${zh}\n\n${en}`)).toBe(2200);
  });

  it('is stateless across calls (shared global regex is reset)', () => {
    const long = 'word '.repeat(50);
    expect(countWordsUnicode(long)).toBe(50);
    expect(countWordsUnicode('a b')).toBe(2);
    expect(countWordsUnicode(long)).toBe(50);
  });
});
