import { describe, expect, it } from 'vitest';
import { countWordsLongWriter } from './count-words-longwriter';

// agentwrite.md §3.2, every vector.
const vectors: Array<[number, string, number]> = [
  [1, 'Hello, world! This is a test.', 6],
  [2, '你好，世界！这是一个测试。', 10],
  [3, '我爱Python编程', 4],
  [4, '我爱 Python 编程', 5],
  [5, "Don't stop—it's well-known that e.g. COVID-19 hit in 2020.", 13],
  [6, 'don’t won’t', 4],
  [7, '## Chapter 1: The **Beginning**\n\n- item_one\n- [link](https://example.com/path)', 8],
  [8, 'I ❤\ufe0f NY 🗽🙂ok', 3],
  [9, 'na\u00efve caf\u00e9 r\u00e9sum\u00e9 fa\u00e7ade', 0],
  [10, 'cafe\u0301', 1],
  [11, 'GPT4o and GPT-4o, 3.14, v2, x86_64, A1B2', 2],
  [12, '第1章 共3000字', 4],
  [13, 'ＡＢＣ ｄｅｆ 全角', 2],
  [14, 'これは日本語です。한국어 텍스트', 3],
  [15, '\u3400\u3401 \u{20000} \uf900', 0],
  [16, 'state-of-the-art co\u00adoperation', 6],
  [17, 'hello\u200bworld', 2],
  [18, 'Привет мир, αβγ', 0],
  [19, '', 0],
];

describe('countWordsLongWriter', () => {
  it.each(vectors)('vector %i: %j → %i', (_id, input, expected) => {
    expect(countWordsLongWriter(input)).toBe(expected);
  });

  it('differs from a naive ASCII \\b port where the spec says it must', () => {
    const naive = (s: string) =>
      (s.match(/[\u4e00-\u9fff]/g)?.length ?? 0) + (s.match(/\b[a-zA-Z]+\b/g)?.length ?? 0);
    expect(naive(vectors[2]![1])).toBe(5);
    expect(countWordsLongWriter(vectors[2]![1])).toBe(4);
    expect(naive(vectors[8]![1])).toBe(7);
    expect(countWordsLongWriter(vectors[8]![1])).toBe(0);
  });

  it('does not normalise: NFC and NFD spellings count differently, as upstream', () => {
    expect(countWordsLongWriter('café')).toBe(0);
    expect(countWordsLongWriter('café'.normalize('NFD'))).toBe(1);
    expect(countWordsLongWriter('\uf900')).toBe(0);
    expect(countWordsLongWriter('\uf900'.normalize('NFC'))).toBe(1);
  });

  // The upstream README labels its samples with this counter's result ("(6176 words)", "(10691字)")
  // while whitespace splitting disagrees. Same idea on synthetic samples whose count is known by
  // construction, so the label, not a whitespace split, is what the counter reproduces.
  it('reproduces the labelled length of README-style samples, unlike whitespace splitting', () => {
    const pieces: Array<[string, number]> = [
      ['The', 1],
      ['well-known', 2],
      ["city's", 2],
      ['2020', 0],
      ['(see', 1],
      ['e.g.', 2],
      ['**history**', 1],
      ['—', 0],
      ['river.', 1],
    ];
    let english = '';
    let label = 0;
    let fields = 0;
    for (let i = 0; i < 600; i++) {
      const [word, count] = pieces[(i * 7) % pieces.length]!;
      english += (i % 40 === 39 ? '\n\n' : ' ') + word;
      label += count;
      fields++;
    }
    expect(countWordsLongWriter(english)).toBe(label);
    expect(english.trim().split(/\s+/).length).toBe(fields);
    expect(fields).not.toBe(label);

    const sentence = '长城是中国古代的军事防御工程，';
    const chinese = `# 中国旅游指南\n\n${sentence.repeat(300)}全文完。`;
    const ideographs = 6 + (sentence.length - 1) * 300 + 3;
    expect(countWordsLongWriter(chinese)).toBe(ideographs);
  });
});
