import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { normalizeHeadings } from './normalize-headings';

describe('normalizeHeadings', () => {
  it('shifts headings down so the shallowest gets topDepth', () => {
    expect(normalizeHeadings('# A\n\ntext\n\n## B\n\n### C\n', { topDepth: 2 })).toBe(
      '## A\n\ntext\n\n### B\n\n#### C\n',
    );
  });

  it('shifts headings up', () => {
    expect(normalizeHeadings('### A\n\n#### B\n', { topDepth: 1 })).toBe('# A\n\n## B\n');
  });

  it('clamps at depth 6', () => {
    expect(normalizeHeadings('# A\n\n#### B\n\n###### C\n', { topDepth: 3 })).toBe(
      '### A\n\n###### B\n\n###### C\n',
    );
  });

  it('leaves the document unchanged when already normalised or without headings', () => {
    const markdown = '## A\n\n*  odd   spacing*\n';
    expect(normalizeHeadings(markdown, { topDepth: 2 })).toBe(markdown);
    expect(normalizeHeadings('no headings', { topDepth: 1 })).toBe('no headings');
  });

  it('edits only the markers: text, closing hashes, indentation and quotes are kept', () => {
    expect(normalizeHeadings('  # A **b** #\n\n> ## Quoted\n\n* __x__\n', { topDepth: 2 })).toBe(
      '  ## A **b** #\n\n> ### Quoted\n\n* __x__\n',
    );
  });

  it('ignores hash lines inside code', () => {
    expect(normalizeHeadings('# A\n\n```\n# code\n```\n', { topDepth: 3 })).toBe(
      '### A\n\n```\n# code\n```\n',
    );
  });

  it('rewrites setext headings, switching to ATX below depth 2', () => {
    expect(normalizeHeadings('Title\n=====\n\nSub\n---\n', { topDepth: 2 })).toBe(
      'Title\n---\n\n### Sub\n',
    );
    expect(normalizeHeadings('Two line\ntitle\n===\n\ntext\n', { topDepth: 3 })).toBe(
      '### Two line title\n\ntext\n',
    );
    expect(normalizeHeadings('## A\n\nSub\n---\n', { topDepth: 1 })).toBe('# A\n\nSub\n===\n');
  });

  it('rejects a bad topDepth naming the field', () => {
    expect(() => normalizeHeadings('# a', { topDepth: 0 })).toThrow(InvalidInputError);
    expect(() => normalizeHeadings('# a', {} as { topDepth: number })).toThrow(/field "topDepth"/);
  });
});
