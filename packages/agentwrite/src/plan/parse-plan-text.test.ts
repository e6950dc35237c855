import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse-plan-text';

describe('parsePlanText (spec §1.4 pitfall shapes)', () => {
  const one = 'Paragraph 1 - Main Point: Intro - Word Count: 400 words';
  const two = 'Paragraph 2 - Main Point: Body - Word Count: 600 words';

  it('template style with blank lines gives 2 sections', () => {
    expect(parsePlanText(`${one}\n\n${two}`).sections).toHaveLength(2);
  });

  it('a preamble and extra blank lines never become steps', () => {
    const parsed = parsePlanText(
      `Here is the plan:\n\n\n${one}\n${two}\n\nLet me know if you want changes.`,
    );
    expect(parsed.sections.map(s => s.mainPoint)).toEqual(['Intro', 'Body']);
    expect(parsed.ignored).toEqual([
      { line: 1, text: 'Here is the plan:' },
      { line: 7, text: 'Let me know if you want changes.' },
    ]);
  });

  it('CRLF line endings leave no "\\r" step', () => {
    const parsed = parsePlanText(`${one}\r\n\r\n${two}\r\n`);
    expect(parsed.sections).toHaveLength(2);
    expect(parsed.ignored).toEqual([]);
  });

  it('a main point wrapped onto two lines is one step', () => {
    const parsed = parsePlanText(
      'Paragraph 1 - Main Point: Introduce the history of the\nRoman Empire - Word Count: 400 words\n' +
        two,
    );
    expect(parsed.sections).toEqual([
      { mainPoint: 'Introduce the history of the Roman Empire', targetWords: 400 },
      { mainPoint: 'Body', targetWords: 600 },
    ]);
  });

  it('an unfinished step line is reported, not turned into a half step', () => {
    const parsed = parsePlanText(`Paragraph 1 - Main Point: dangling\n\n${two}`);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.ignored).toEqual([{ line: 1, text: 'Paragraph 1 - Main Point: dangling' }]);
  });
});
