import { describe, expect, it } from 'vitest';
import { buildContext, digestSection } from './build-context';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const section = (i: number) => ({
  title: `T${i}`,
  text: `## T${i}\n\nFirst sentence of ${i}. ${'filler '.repeat(50)}end. Last sentence of ${i}.`,
});
const sections = Array.from({ length: 6 }, (_, i) => section(i + 1));

describe('buildContext', () => {
  it('full keeps every section verbatim regardless of the budget', () => {
    const built = buildContext({
      policy: 'full',
      sections,
      budgetTokens: 10,
      countTokens: words,
      recentSections: 2,
    });
    expect(built.verbatim).toEqual([0, 1, 2, 3, 4, 5]);
    expect(built.text).toContain('filler filler');
  });

  it('window digests all but the last k sections', () => {
    const built = buildContext({
      policy: 'window',
      sections,
      budgetTokens: 1e9,
      countTokens: words,
      recentSections: 2,
    });
    expect(built.digested).toEqual([0, 1, 2, 3]);
    expect(built.verbatim).toEqual([4, 5]);
    expect(built.text).toContain(
      '[Section 1 "T1", condensed] First sentence of 1. … Last sentence of 1.',
    );
  });

  it('auto keeps everything verbatim when it fits', () => {
    const built = buildContext({
      policy: 'auto',
      sections,
      budgetTokens: 1e9,
      countTokens: words,
      recentSections: 2,
    });
    expect(built.verbatim).toHaveLength(6);
  });

  it('auto digests the oldest sections first, then elides digests, never the last k', () => {
    const tight = buildContext({
      policy: 'auto',
      sections,
      budgetTokens: 250,
      countTokens: words,
      recentSections: 2,
    });
    expect(tight.tokens).toBeLessThanOrEqual(250);
    expect(tight.verbatim.slice(-2)).toEqual([4, 5]);
    expect(tight.digested[0]).toBe(0);
    const tighter = buildContext({
      policy: 'auto',
      sections,
      budgetTokens: 150,
      countTokens: words,
      recentSections: 2,
    });
    expect(tighter.elided[0]).toBe(0);
    expect(tighter.text).toMatch(/^\[Sections 1–\d omitted\]/);
    expect(tighter.verbatim).toEqual([4, 5]);
  });

  it('digests Chinese sections at 。', () => {
    expect(digestSection({ text: '第一句。第二句。第三句。' }, 0)).toBe(
      '[Section 1, condensed] 第一句。 … 第三句。',
    );
  });
});

describe('digestSection on Markdown structure', () => {
  it('skips headings and code, including "#" lines inside a fence', () => {
    const text = [
      '## Tides',
      '',
      'The moon pulls the sea. Water rises twice a day.',
      '',
      '```python',
      '# this comment is code, not a heading',
      'print("x")',
      '```',
      '',
      'Ports plan around it.',
    ].join('\n');
    expect(digestSection({ title: 'Tides', text }, 1)).toBe(
      '[Section 2 "Tides", condensed] The moon pulls the sea. … Ports plan around it.',
    );
  });
});
