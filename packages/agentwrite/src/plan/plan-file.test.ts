import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPlanFile, parsePlanFile, readPlanFile, writePlanFile } from './plan-file';
import type { PlanFile } from './plan-schema';

const planFile: PlanFile = {
  version: 1,
  instruction: 'Write a 1000-word essay.\n~~~ tricky fence inside ~~~\n# not a heading',
  targetWords: 1000,
  unit: 'words',
  sections: [
    { title: 'Opening', mainPoint: 'Why it matters', targetWords: 400 },
    { mainPoint: 'The state-of-the-art methods', targetWords: 600 },
  ],
};

/** The error a call throws, checked to be an InvalidInputError. */
function invalidInput(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(InvalidInputError.isInstance(error)).toBe(true);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError, nothing was thrown');
}

function plan(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })));
});

describe('plan files', () => {
  it.each(['markdown', 'json'] as const)('round-trips the %s form', format => {
    const text = formatPlanFile(planFile, format);
    expect(parsePlanFile(text, format === 'json' ? 'plan.json' : 'plan.md', format)).toEqual(
      planFile,
    );
  });

  it('writes atomically and reads back by extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aw-plan-'));
    dirs.push(dir);
    await writePlanFile(join(dir, 'plan.md'), planFile);
    await writePlanFile(join(dir, 'plan.json'), planFile);
    expect((await readdir(dir)).sort()).toEqual(['plan.json', 'plan.md']);
    expect(await readPlanFile(join(dir, 'plan.md'))).toEqual(planFile);
    expect(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8'))).toEqual(planFile);
  });

  it('accepts a hand-edited Markdown plan with Chinese units and no target part', () => {
    const text =
      '# Instruction\n\n~~~\n写一篇文章\n~~~\n\n# Sections\n\n第1段 - Main Point: 开头 - Word Count: 300字\n';
    expect(parsePlanFile(text, 'p.md')).toMatchObject({ targetWords: 300, unit: 'words' });
  });

  it('names the file and line of a bad section line', () => {
    const text = formatPlanFile(planFile, 'markdown').replace(
      'Paragraph 2 - Main Point',
      'Paragraph 2 Main Point',
    );
    const error = (() => {
      try {
        parsePlanFile(text, 'my-plan.md');
      } catch (e) {
        return e;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^my-plan\.md, line 18: not a section line/);
  });

  it('names the field of a bad JSON plan', () => {
    const bad = JSON.stringify({ ...planFile, sections: [{ mainPoint: 'x', targetWords: -5 }] });
    expect(() => parsePlanFile(bad, 'p.json')).toThrow(/p\.json, field "sections\.0\.targetWords"/);
    expect(() => parsePlanFile('{', 'p.json')).toThrow(/p\.json: not valid JSON/);
  });

  it('reports a missing file clearly', async () => {
    await expect(readPlanFile('/nonexistent/plan.md')).rejects.toThrow(
      /\/nonexistent\/plan\.md: cannot read/,
    );
  });

  it('formats the Markdown form byte for byte', () => {
    expect(formatPlanFile(planFile, 'markdown')).toBe(
      plan(
        '<!-- longform plan v1: edit freely; one "Paragraph N - ..." line per section -->',
        '',
        '# Instruction',
        '',
        '~~~~text',
        'Write a 1000-word essay.',
        '~~~ tricky fence inside ~~~',
        '# not a heading',
        '~~~~',
        '',
        '# Target',
        '',
        '1000 words',
        '',
        '# Sections',
        '',
        'Paragraph 1 - Title: Opening - Main Point: Why it matters - Word Count: 400 words',
        'Paragraph 2 - Main Point: The state-of-the-art methods - Word Count: 600 words',
      ),
    );
  });

  it.each([
    [
      'heading-like lines',
      '# Target\n\n# Sections\nParagraph 1 - Main Point: x - Word Count: 9 words',
    ],
    ['blank lines at both ends', '\n\nWrite it.\n\n'],
    ['indentation and trailing spaces', '\tTabbed\n    indented code?  \n  two spaces '],
    ['fences of both kinds', '```md\n# inner\n```\n~~~\n~~~~~~ long run'],
    ['HTML and comments', '<!-- not the marker -->\n<div>\n\nraw</div>'],
    ['setext underlines and rules', 'Title\n=====\n\n---\n***'],
    ['list and quote markers', '- a\n  - b\n> quote\n1. one'],
  ])('round-trips an instruction with %s', (_, instruction) => {
    const withInstruction = { ...planFile, instruction };
    expect(parsePlanFile(formatPlanFile(withInstruction, 'markdown'), 'p.md')).toEqual(
      withInstruction,
    );
  });

  it('keeps a "# " line inside a hand-written backtick fence in the instruction', () => {
    const text = plan(
      '# Instruction',
      '',
      '````',
      'Write a 900-word report.',
      '# Sections',
      '```',
      'Paragraph 1 - Main Point: not a section - Word Count: 5 words',
      '````',
      '',
      '# Sections',
      '',
      'Paragraph 1 - Main Point: The report - Word Count: 900 words',
    );
    expect(parsePlanFile(text, 'p.md')).toEqual({
      version: 1,
      instruction:
        'Write a 900-word report.\n# Sections\n```\nParagraph 1 - Main Point: not a section - Word Count: 5 words',
      targetWords: 900,
      unit: 'words',
      sections: [{ mainPoint: 'The report', targetWords: 900 }],
    });
  });

  it('accepts setext, bold and lower-case part headings', () => {
    const text = plan(
      'Instruction',
      '===========',
      '',
      '~~~',
      'Write about rivers.',
      '~~~',
      '',
      '# **Target:**',
      '',
      '**1,200 words**',
      '',
      '# sections',
      '',
      'Paragraph 1 - Main Point: Sources - Word Count: 500 words',
      'Paragraph 2 - Main Point: Deltas - Word Count: 700 words',
    );
    expect(parsePlanFile(text, 'p.md')).toMatchObject({
      instruction: 'Write about rivers.',
      targetWords: 1200,
      unit: 'words',
      sections: [{ mainPoint: 'Sources' }, { mainPoint: 'Deltas' }],
    });
  });

  it('reads CRLF and CR line endings and a BOM, with the same lines in errors', () => {
    const lf = formatPlanFile(planFile, 'markdown');
    expect(parsePlanFile(`\uFEFF${lf.replace(/\n/g, '\r\n')}`, 'p.md')).toEqual(planFile);
    expect(parsePlanFile(lf.replace(/\n/g, '\r'), 'p.md')).toEqual(planFile);
    const broken = lf.replace('Paragraph 2 - Main Point', 'Paragraph 2 Main Point');
    expect(invalidInput(() => parsePlanFile(broken.replace(/\n/g, '\r\n'), 'p.md')).line).toBe(18);
  });

  it('reads list-formatted sections, loose or tight, nested or lazy', () => {
    const text = plan(
      '# Instruction',
      '',
      '~~~',
      'Write a guide.',
      '~~~',
      '',
      '# Sections',
      '',
      '- Paragraph 1 - Main Point: Tools - Word Count: 100 words',
      '- **Paragraph 2** - Main Point: Angles - Word Count: 200 words',
      'Paragraph 3 - Main Point: a lazy line - Word Count: 300 words',
      '',
      '<!-- a note the user left -->',
      '',
      '1. Paragraph 4 - Main Point: Stones - Word Count: 400 words',
      '',
      '2. Paragraph 5 - Main Point: Strops - Word Count: 500 words',
      '   - Paragraph 6 - Main Point: Nested - Word Count: 600 words',
      '* Paragraph 7 – Main Point: Care – Word Count: 600-800 words',
    );
    const parsed = parsePlanFile(text, 'p.md');
    expect(parsed.sections.map(s => [s.mainPoint, s.targetWords])).toEqual([
      ['Tools', 100],
      ['Angles', 200],
      ['a lazy line', 300],
      ['Stones', 400],
      ['Strops', 500],
      ['Nested', 600],
      ['Care', 700],
    ]);
    expect(parsed.targetWords).toBe(2800);
  });

  it('keeps Markdown in a main point exactly as written', () => {
    const text = plan(
      '# Instruction',
      '',
      '~~~',
      'x',
      '~~~',
      '',
      '# Sections',
      '',
      'Paragraph 1 - Main Point: *Why* `grit` \\_matters\\_ - Word Count: 100 words',
    );
    expect(parsePlanFile(text, 'p.md').sections[0]!.mainPoint).toBe('*Why* `grit` \\_matters\\_');
  });

  it.each([
    [
      'a bad line inside a paragraph',
      ['Paragraph 1 - Main Point: A - Word Count: 100 words', 'Paragraph 2 forgot the format'],
      11,
      /not a section line; expected "Paragraph N - Main Point: \.\.\. - Word Count: N words", got "Paragraph 2 forgot the format"$/,
    ],
    [
      'a bad lazy line of a list item',
      ['- Paragraph 1 - Main Point: A - Word Count: 100 words', '  oops'],
      11,
      /got "oops"$/,
    ],
    [
      'a bad nested list item',
      ['1. Paragraph 1 - Main Point: A - Word Count: 100 words', '', '   - nested note'],
      12,
      /got "nested note"$/,
    ],
    ['a quote', ['> Paragraph 1 - Main Point: A - Word Count: 100 words'], 10, /got a quote "> /],
    ['a sub-heading', ['## Part one'], 10, /got a heading "## Part one"$/],
  ])('names the line of %s in the sections part', (_, sectionLines, line, message) => {
    const text = plan(
      '# Instruction',
      '',
      '~~~',
      'x',
      '~~~',
      '',
      '# Sections',
      '',
      '',
      ...sectionLines,
    );
    const error = invalidInput(() => parsePlanFile(text, 'p.md'));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(/^p\.md, line \d+: /);
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      'an unclosed fence',
      [
        '# Instruction',
        '',
        '~~~~',
        'x',
        '~~~',
        '# Sections',
        'Paragraph 1 - Main Point: A - Word Count: 1 words',
      ],
      3,
      'the instruction fence is never closed',
    ],
    [
      'an unfenced instruction',
      ['# Instruction', '', 'Write it.'],
      3,
      'the instruction must be in a ~~~ fence',
    ],
    [
      'text after the fence',
      ['# Instruction', '~~~', 'x', '~~~', 'more'],
      5,
      'text after the instruction fence, before the next part heading',
    ],
    [
      'text before any part',
      ['<!-- marker -->', 'Hello'],
      2,
      'text outside the "# Instruction", "# Target" and "# Sections" parts',
    ],
    [
      'an unknown part',
      ['# Notes'],
      1,
      'unknown part "Notes"; expected "# Instruction", "# Target" or "# Sections"',
    ],
    [
      'a bad target',
      ['# Target', '', 'about ten thousand'],
      3,
      'expected a target like "10000 words" or "3000 字", got "about ten thousand"',
    ],
    [
      'a second target',
      ['# Target', '', '10 words', '', '20 words'],
      5,
      'a second target; the plan has one',
    ],
  ])('reports %s with its line', (_, lines, line, message) => {
    const error = invalidInput(() => parsePlanFile(plan(...lines), 'plan.md'));
    expect(error.message).toBe(`plan.md, line ${line}: ${message}`);
    expect(error.line).toBe(line);
  });

  it('reports a plan without an instruction or without sections', () => {
    expect(() =>
      parsePlanFile(
        plan('# Sections', '', 'Paragraph 1 - Main Point: A - Word Count: 1 words'),
        'p.md',
      ),
    ).toThrow(/^p\.md: no "# Instruction" part$/);
    expect(() =>
      parsePlanFile(plan('# Instruction', '~~~', 'x', '~~~', '# Sections'), 'p.md'),
    ).toThrow(/^p\.md: no section lines$/);
  });
});
