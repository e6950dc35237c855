import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown';
import { stringifyMarkdown } from './stringify-markdown';

describe('parseMarkdown / stringifyMarkdown', () => {
  it('parses GFM: tables, strikethrough, task lists, footnotes, literal autolinks', () => {
    const tree = parseMarkdown(
      '| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ www.example.com\n\n- [x] done\n\nText[^1]\n\n[^1]: Note.\n',
    );
    expect(tree.children.map(node => node.type)).toEqual([
      'table',
      'paragraph',
      'list',
      'paragraph',
      'footnoteDefinition',
    ]);
    expect(JSON.stringify(tree)).toContain('"type":"delete"');
    expect(JSON.stringify(tree)).toContain('"url":"http://www.example.com"');
    expect(JSON.stringify(tree)).toContain('"checked":true');
  });

  it('keeps source offsets on nodes', () => {
    const markdown = 'intro\n\n## Title\n';
    const heading = parseMarkdown(markdown).children[1]!;
    expect(markdown.slice(heading.position!.start.offset, heading.position!.end.offset)).toBe(
      '## Title',
    );
  });

  it('prints with the fixed house style', () => {
    const source =
      'Title\n=====\n\n* one\n* two\n\n_em_ and __strong__\n\n***\n\n~~~js\nx\n~~~\n\n    indented\n';
    expect(stringifyMarkdown(parseMarkdown(source))).toBe(
      '# Title\n\n- one\n- two\n\n*em* and **strong**\n\n---\n\n```js\nx\n```\n\n```\nindented\n```\n',
    );
  });

  it('is idempotent after one pass', () => {
    const source =
      '# A\n\n1) x\n2) y\n\n> quote\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText with `code` and [link](https://x.org "t").\n';
    const once = stringifyMarkdown(parseMarkdown(source));
    expect(stringifyMarkdown(parseMarkdown(once))).toBe(once);
  });
});
