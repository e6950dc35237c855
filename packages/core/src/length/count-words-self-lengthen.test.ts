import { describe, expect, it } from 'vitest';
import { countWordsSelfLengthen } from './count-words-self-lengthen';

// self-lengthen.md §11.2, every vector.
const vectors: Array<[string, number]> = [
  ["Hello, world! It's state-of-the-art.", 4],
  ['你好，世界。', 6],
  ['我用GPT-4o写了3篇文章', 9],
  ['## 标题\n- 要点一\n- item two', 10],
  ['ひらがなとカタカナ', 1],
  ['한국어 문장입니다', 2],
  ['ＡＢＣ１２３', 6],
  ['a\u3000b\u00a0c\u200bd', 4],
  ['\ud840\udc00\ud840\udc01 \u3400\u3401', 2],
  ['word\u001cword\u0085word', 3],
  ['word\ufeffword', 1],
  ['\u2014 \u2014 \u2026', 3],
  ['', 0],
];

describe('countWordsSelfLengthen', () => {
  it.each(vectors)('%j → %i', (input, expected) => {
    expect(countWordsSelfLengthen(input)).toBe(expected);
  });

  it('counts the LonGen list-input responses as the scorer expects (§11.1)', () => {
    expect(countWordsSelfLengthen('w '.repeat(2700))).toBe(2700);
    expect(countWordsSelfLengthen('字'.repeat(3000))).toBe(3000);
    expect(countWordsSelfLengthen('字，'.repeat(1000))).toBe(2000);
  });

  it('treats whitespace-only text as empty', () => {
    expect(countWordsSelfLengthen(' \n\t\u3000 ')).toBe(1);
    expect(countWordsSelfLengthen(' \n\t ')).toBe(0);
  });
});
