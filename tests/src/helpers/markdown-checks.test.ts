import { describe, expect, it } from 'vitest';
import {
  charactersOutsideSimProse,
  findPromptLeftovers,
  headingProblems,
  listHeadings,
} from './markdown-checks';

// The e2e assertions are only as good as these checks: each must catch what it is meant to.
describe('markdown checks', () => {
  const good = '## Tides\n\nWater rises.\n\n### Moon\n\nIt pulls.\n\n## Harbours\n\nShips wait.\n';

  it('lists ATX headings outside code fences', () => {
    const text = '# Title\n\n```md\n## not a heading\n```\n\n## Real\n';
    expect(listHeadings(text)).toEqual([
      { level: 1, text: 'Title', line: 1 },
      { level: 2, text: 'Real', line: 7 },
    ]);
  });

  it('accepts a consistent outline, with or without one H1 on top', () => {
    expect(headingProblems(good)).toEqual([]);
    expect(headingProblems(`# A history of tides\n\n${good}`)).toEqual([]);
  });

  it('catches two H1s, a late H1, skipped levels, echoed and duplicated titles', () => {
    expect(headingProblems('# One\n\n# Two\n')).toEqual(['2 H1 headings (lines 1, 3)']);
    expect(headingProblems('## A\n\n# B\n')).toContain('the H1 on line 3 is not the first heading');
    expect(headingProblems('## A\n\n#### B\n')).toEqual([
      'line 3: level 4 heading right after a level 2 one',
    ]);
    expect(headingProblems('## Tides\n\n### Tides\n\ntext\n')).toEqual([
      'line 3: heading "Tides" repeats the one before it',
    ]);
    expect(headingProblems(`${good}\n## tides\n\nagain\n`)).toEqual([
      'section title "tides" on line 13 duplicates line 1',
    ]);
    expect(headingProblems('no headings at all')).toEqual(['the document has no headings']);
  });

  it('finds prompt leftovers and failure stubs', () => {
    expect(findPromptLeftovers(good)).toEqual([]);
    expect(findPromptLeftovers('Paragraph 3 - Main Point: x\nMax tries. Failed.')).toEqual([
      'line 1: "Paragraph 3" in "Paragraph 3 - Main Point: x"',
      'line 1: "Main Point" in "Paragraph 3 - Main Point: x"',
      'line 2: "Max tries" in "Max tries. Failed."',
    ]);
    expect(findPromptLeftovers('Word count: 400 words')).toHaveLength(1);
    expect(findPromptLeftovers('Please continue writing the section.')).toHaveLength(1);
  });

  it('flags any character the simulator never writes', () => {
    expect(charactersOutsideSimProse(good)).toEqual([]);
    expect(charactersOutsideSimProse('Fine text.\nerror: 500 {"x"}')).toEqual([
      '":" first on line 2',
      '"5" first on line 2',
      '"0" first on line 2',
      '"{" first on line 2',
      '"\\"" first on line 2',
      '"}" first on line 2',
    ]);
  });
});
