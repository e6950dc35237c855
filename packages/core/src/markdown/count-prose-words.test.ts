import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import type { LengthCounterName } from '../length';
import { countProseWords } from './count-prose-words';

describe('countProseWords', () => {
  it('counts heading and paragraph text but not markup', () => {
    expect(
      countProseWords('## The **Beginning**\n\nOnce upon a time.\n\n---\n\n> Quoted words here.\n'),
    ).toBe(9);
  });

  it('excludes fenced, indented and inline code', () => {
    expect(
      countProseWords(
        'Use the `parseMarkdown` helper.\n\n```ts\nconst x = 1;\n```\n\n    indented code block\n',
      ),
    ).toBe(3);
  });

  it('excludes URLs in every form but keeps link text', () => {
    const markdown =
      'Read [the full guide](https://example.com/a/b) or <https://example.com/c>, www.example.org, https://x.io/y and a@b.com.';
    expect(countProseWords(markdown)).toBe(6);
  });

  it('excludes raw HTML, image alt text and footnote markers; counts footnotes and tables', () => {
    const markdown =
      '<!-- comment -->\n\n![alt text here](x.png)\n\nText[^n] <b>bold</b>.\n\n[^n]: Two words.\n\n| a b | c |\n|-|-|\n| d | e |\n';
    expect(countProseWords(markdown)).toBe(2 + 2 + 5);
  });

  it('counts CJK prose in 字 and can use another counter', () => {
    const markdown =
      '## 长城\n\n长城是中国古代的军事防御工程。见 https://zh.wikipedia.org/wiki/长城 。\n\n```\n代码不计\n```\n';
    expect(countProseWords(markdown)).toBe(2 + 14 + 1);
    expect(countProseWords('# Don’t stop\n\n`x`', 'ruler')).toBe(3);
    expect(countProseWords("# Don't stop\n\n`x`", 'longwriter')).toBe(3);
  });

  it('rejects an unknown counter name naming the field', () => {
    expect(() => countProseWords('x', 'words' as LengthCounterName)).toThrow(InvalidInputError);
  });
});
