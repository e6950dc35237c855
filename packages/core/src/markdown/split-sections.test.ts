import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { joinSections } from './join-sections';
import { splitSections } from './split-sections';

const normalise = (text: string) =>
  text
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const documents: Record<string, string> = {
  plain: '# Title\n\nIntro.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n',
  preamble: 'Some preamble.\n\n## A\n\nText A.\n\n### A.1\n\nDeep.\n\n## B\n\nText B.',
  'code with hashes':
    '## Real\n\n```sh\n# not a heading\n## neither\n```\n\n## Next\n\n    # indented code\n',
  setext:
    'Part one\n========\n\nBody.\n\nPart two\n--------\n\nMore.\n\nPart three\n==========\n\nEnd.\n',
  'nested headings': '## Top\n\n> ## quoted heading\n\n- ## heading in a list\n\n## Second\n',
  'extra blank lines': '\n\n\n## A\n\n\n\ntext\n\n\n\n\n## B\n\n\n',
  'formatted titles': '## The **Beginning** of `code` [link](https://x.org)\n\nBody.\n',
  'no headings': 'Just a paragraph.\n\nAnd another.\n',
  crlf: '## A\r\n\r\ntext\r\n\r\n## B\r\n\r\nmore\r\n',
  'indented heading': 'intro\n\n   ## Indented\n\nbody\n',
  'table and footnotes': '## T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nx[^1]\n\n## U\n\n[^1]: note\n',
};

describe('splitSections', () => {
  it.each(Object.entries(documents))('round-trips through joinSections: %s', (_name, markdown) => {
    expect(normalise(joinSections(splitSections(markdown)))).toBe(normalise(markdown));
  });

  it('splits at the shallowest depth by default, content before the first heading has no title', () => {
    expect(splitSections(documents.preamble!)).toEqual([
      { title: null, depth: null, markdown: 'Some preamble.' },
      { title: 'A', depth: 2, markdown: '## A\n\nText A.\n\n### A.1\n\nDeep.' },
      { title: 'B', depth: 2, markdown: '## B\n\nText B.' },
    ]);
  });

  it('splits at a given depth, and shallower headings still start sections', () => {
    const sections = splitSections(documents.plain!, { depth: 2 });
    expect(sections.map(section => [section.title, section.depth])).toEqual([
      ['Title', 1],
      ['One', 2],
      ['Two', 2],
    ]);
    expect(splitSections(documents.preamble!, { depth: 3 }).map(section => section.title)).toEqual([
      null,
      'A',
      'A.1',
      'B',
    ]);
    expect(splitSections(documents.plain!, { depth: 1 })).toHaveLength(1);
  });

  it('ignores heading-like lines in code and headings nested in quotes or lists', () => {
    expect(splitSections(documents['code with hashes']!).map(section => section.title)).toEqual([
      'Real',
      'Next',
    ]);
    expect(splitSections(documents['nested headings']!).map(section => section.title)).toEqual([
      'Top',
      'Second',
    ]);
  });

  it('handles setext headings and plain-text titles', () => {
    expect(
      splitSections(documents.setext!, { depth: 2 }).map(section => [section.title, section.depth]),
    ).toEqual([
      ['Part one', 1],
      ['Part two', 2],
      ['Part three', 1],
    ]);
    expect(splitSections(documents.setext!).map(section => section.title)).toEqual([
      'Part one',
      'Part three',
    ]);
    expect(splitSections(documents['formatted titles']!)[0]!.title).toBe(
      'The Beginning of code link',
    );
  });

  it('slices the original text without reformatting it', () => {
    const markdown = '## A\n\n* star bullet\n* __strong__   spaced\n\n## B\n\n   ## Indented B2\n';
    const [first] = splitSections(markdown);
    expect(first!.markdown).toBe('## A\n\n* star bullet\n* __strong__   spaced');
    expect(splitSections(documents['indented heading']!)[1]!.markdown).toBe(
      '   ## Indented\n\nbody',
    );
  });

  it('returns no sections for an empty document and one untitled section without headings', () => {
    expect(splitSections('')).toEqual([]);
    expect(splitSections('  \n\n')).toEqual([]);
    expect(splitSections(documents['no headings']!)).toEqual([
      { title: null, depth: null, markdown: 'Just a paragraph.\n\nAnd another.' },
    ]);
  });

  it('rejects a bad depth naming the field', () => {
    expect(() => splitSections('# a', { depth: 7 })).toThrow(InvalidInputError);
    expect(() => splitSections('# a', { depth: 1.5 })).toThrow(/field "depth": splitSections/);
  });
});

describe('joinSections', () => {
  it('puts exactly one blank line between sections and ends with a newline', () => {
    expect(joinSections(['## A\n\ntext\n\n\n', '\n\n## B\n', '   ', '', 'tail'])).toBe(
      '## A\n\ntext\n\n## B\n\ntail\n',
    );
    expect(joinSections([])).toBe('');
    expect(joinSections([{ title: null, depth: null, markdown: 'x' }, '## Y'])).toBe('x\n\n## Y\n');
  });

  it('keeps the indentation of a section’s first line', () => {
    expect(joinSections(['a', '    code'])).toBe('a\n\n    code\n');
  });
});

describe('splitSections on generated documents', () => {
  // Deterministic pseudo-random documents mixing every block that could confuse a splitter.
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const blocks = [
    () => `${'#'.repeat(1 + random(4))} Heading ${random(100)}`,
    () => `Paragraph with *emphasis* and [a link](https://example.com/${random(9)}).`,
    () => '```md\n# fenced, not a heading\n## neither\n```',
    () => '- item\n- ## heading inside a list',
    () => '> ## heading inside a quote',
    () => `Setext ${random(10)}\n${random(2) === 0 ? '===' : '---'}`,
    () => '| a | b |\n| - | - |\n| 1 | 2 |',
    () => '    # indented code',
    () => '',
  ];

  it('round-trips and starts every titled section with one of the splitting headings', () => {
    for (let round = 0; round < 40; round++) {
      const parts = Array.from({ length: 1 + random(12) }, () => blocks[random(blocks.length)]!());
      const markdown = parts.join('\n\n'.repeat(1 + random(2)));
      const sections = splitSections(markdown);
      expect(normalise(joinSections(sections)), markdown).toBe(normalise(markdown));
      const depths = sections.flatMap(section => (section.depth === null ? [] : [section.depth]));
      if (depths.length > 0) expect(new Set(depths).size, markdown).toBe(1);
      for (const section of sections.slice(1)) expect(section.title, markdown).not.toBeNull();
    }
  });
});
