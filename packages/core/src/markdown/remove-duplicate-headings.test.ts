import { describe, expect, it } from 'vitest';
import { removeDuplicateHeadings } from './remove-duplicate-headings';

describe('removeDuplicateHeadings', () => {
  it('drops a heading repeating the previous one and keeps its content', () => {
    expect(
      removeDuplicateHeadings('## History\n\n### History\n\nThe story.\n\n## Climate\n\nWarm.\n'),
    ).toBe('## History\n\nThe story.\n\n## Climate\n\nWarm.\n');
  });

  it('compares plain text: case, punctuation and emphasis are ignored', () => {
    expect(removeDuplicateHeadings('## Introduction\n\n## **introduction:**\ntext\n')).toBe(
      '## Introduction\n\ntext\n',
    );
  });

  it('compares with the previous heading only, even with content in between', () => {
    expect(removeDuplicateHeadings('# A\n\nx\n\n# A\n\ny\n\n# B\n\n# A\n')).toBe(
      '# A\n\nx\n\ny\n\n# B\n\n# A\n',
    );
  });

  it('drops runs of duplicates and setext duplicates', () => {
    expect(removeDuplicateHeadings('# A\n\n## A\n\nA\n---\n\ntext\n')).toBe('# A\n\ntext\n');
  });

  it('leaves documents without duplicates byte for byte', () => {
    const markdown = '# A\n\n*  keep   this*\n\n## B\n\n```\n## B\n```\n';
    expect(removeDuplicateHeadings(markdown)).toBe(markdown);
    expect(removeDuplicateHeadings('')).toBe('');
  });

  it('does not touch headings nested in lists or quotes', () => {
    const markdown = '## A\n\n> ## A\n\n- ## A\n';
    expect(removeDuplicateHeadings(markdown)).toBe(markdown);
  });
});
