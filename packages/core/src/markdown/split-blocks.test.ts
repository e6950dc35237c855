import { describe, expect, it } from 'vitest';
import { joinSections } from './join-sections';
import { splitBlocks } from './split-blocks';

describe('splitBlocks', () => {
  it('gives each top-level block with its type, plain text and source slice', () => {
    expect(
      splitBlocks('# The **Title**\n\nSome *text*\non two lines.\n\n---\n\n<!-- c -->\n'),
    ).toEqual([
      { type: 'heading', depth: 1, text: 'The Title', markdown: '# The **Title**' },
      {
        type: 'paragraph',
        text: 'Some text\non two lines.',
        markdown: 'Some *text*\non two lines.',
      },
      { type: 'thematicBreak', text: '', markdown: '---' },
      { type: 'html', text: '<!-- c -->', markdown: '<!-- c -->' },
    ]);
  });

  it('keeps a fenced code block with blank lines and heading-like lines as one block', () => {
    const code = '```py\n# comment\ndef f():\n    x = 1\n\n    return x\n```';
    const blocks = splitBlocks(`Intro.\n\n${code}\n\nAfter.\n`);
    expect(blocks.map(block => block.type)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(blocks[1]!.markdown).toBe(code);
    expect(blocks[1]!.text).toBe('# comment\ndef f():\n    x = 1\n\n    return x');
  });

  it('keeps loose lists, quotes and tables whole', () => {
    const list = '- one\n\n  still one\n\n- two';
    const quote = '> quoted\n>\n> # not top-level';
    const table = '| a | b |\n| - | - |\n| 1 | 2 |';
    const blocks = splitBlocks(`${list}\n\n${quote}\n\n${table}\n`);
    expect(blocks.map(block => [block.type, block.markdown])).toEqual([
      ['list', list],
      ['blockquote', quote],
      ['table', table],
    ]);
  });

  it('keeps first-line indentation so indented code stays code', () => {
    const markdown = 'text\n\n    indented code\n\n  - item\n\n    more\n';
    const blocks = splitBlocks(markdown);
    expect(blocks.map(block => block.markdown)).toEqual([
      'text',
      '    indented code',
      '  - item\n\n    more',
    ]);
    expect(splitBlocks(joinSections(blocks.map(block => block.markdown)))).toEqual(blocks);
  });

  it('handles setext headings, CRLF and empty input', () => {
    expect(splitBlocks('Title\r\n=====\r\n\r\nBody\r\n')).toEqual([
      { type: 'heading', depth: 1, text: 'Title', markdown: 'Title\r\n=====' },
      { type: 'paragraph', text: 'Body', markdown: 'Body' },
    ]);
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks('\n\n  \n')).toEqual([]);
  });
});
