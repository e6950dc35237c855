import { splitSections } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { assembleDocument } from './assemble-document';
import { cleanSection } from './clean-section';

describe('cleanSection', () => {
  it('strips "Paragraph N" labels and prompt echoes', () => {
    const raw =
      'Paragraph 2 - Main Point: Growth - Word Count: 400 words\n\n**Paragraph 2:** Growth came fast.\n\nWord Count: 400 words\n\nMore text.';
    expect(cleanSection(raw, { isLast: false, title: 'Growth' }).text).toBe(
      '## Growth\n\nGrowth came fast.\n\nMore text.',
    );
  });

  it('turns a bold or any-level opening heading into ## and demotes inner headings', () => {
    expect(
      cleanSection('**Early Years**\n\nBody.\n\n## Detail\n\nMore.', { isLast: true }).text,
    ).toBe('## Early Years\n\nBody.\n\n### Detail\n\nMore.');
    expect(cleanSection('# Big\n\nBody.', { isLast: true })).toMatchObject({
      text: '## Big\n\nBody.',
      heading: 'Big',
    });
  });

  it('drops a premature wrap-up in non-final sections only', () => {
    const raw = '## A\n\nBody one.\n\nIn conclusion, this was all.';
    expect(cleanSection(raw, { isLast: false }).text).toBe('## A\n\nBody one.');
    expect(cleanSection(raw, { isLast: true }).text).toBe(raw);
  });

  it('drops an opening paragraph that restates the previous section', () => {
    const cleaned = cleanSection('Same  closing   words.\n\nNew material.', {
      isLast: true,
      title: 'B',
      previous: '## A\n\nBody.\n\nSame closing words.',
    });
    expect(cleaned.text).toBe('## B\n\nNew material.');
    expect(cleaned.removed).toEqual(['Same  closing   words.']);
  });

  it('cleans Chinese labels', () => {
    expect(cleanSection('第3段\n\n正文内容。', { isLast: true, title: '标题' }).text).toBe(
      '## 标题\n\n正文内容。',
    );
  });
});

describe('cleanSection on Markdown structure (regressions)', () => {
  const code = '```py\ndef f():\n    x = 1\n\n    return x\n```';

  it('keeps a fenced code block with a blank line whole', () => {
    const raw = `## A\n\nIntro.\n\n${code}\n\nIn summary, that is all.`;
    expect(cleanSection(raw, { isLast: true }).text).toBe(raw);
    // The wrap-up rule must see the code as one block, not its second half as a paragraph.
    const tail = '```py\nx = 1\n\nIn summary, this line is code.\n```';
    expect(cleanSection(`## A\n\nIntro.\n\n${tail}`, { isLast: false }).text).toBe(
      `## A\n\nIntro.\n\n${tail}`,
    );
  });

  it('never rewrites a # comment inside a fenced code block into a heading', () => {
    const raw = '## A\n\n## Setup\n\n```sh\n# install it\nnpm i x\n```';
    expect(cleanSection(raw, { isLast: true }).text).toBe(
      '## A\n\n### Setup\n\n```sh\n# install it\nnpm i x\n```',
    );
  });

  it('keeps label and prompt-echo lines inside code, lists and quotes', () => {
    const raw = [
      '## A',
      '```text\nParagraph 2\nWord Count: 300 words\n```',
      '- Main Point: the list item stays\n- Section 3',
      '> Paragraph 4',
      'Main Point: a top-level echo goes',
    ].join('\n\n');
    const cleaned = cleanSection(raw, { isLast: true });
    expect(cleaned.text).toBe(raw.replace('\n\nMain Point: a top-level echo goes', ''));
    expect(cleaned.removed).toEqual(['Main Point: a top-level echo goes']);
  });

  it('removes label-only headings and label prefixes on headings, keeping the text', () => {
    const cleaned = cleanSection('## Paragraph 2: Tides\n\nBody.\n\n### Section 3\n\nMore.', {
      isLast: true,
      title: 'Plan title',
    });
    expect(cleaned).toMatchObject({ text: '## Tides\n\nBody.\n\nMore.', heading: 'Tides' });
    expect(cleaned.removed).toEqual(['### Section 3']);
    // A label inside a bold title goes without leaving a dangling `**`.
    expect(
      cleanSection('**Paragraph 2: Growth**\n\n第3段：正文。', { isLast: true }),
    ).toMatchObject({
      text: '## Growth\n\n正文。',
      heading: 'Growth',
    });
  });

  it('takes a bold first line as the title and shifts inner headings, keeping their hierarchy', () => {
    expect(
      cleanSection('**Early Years**\nBody.\n\n# Detail\n\n## Sub-detail\n\nMore.', {
        isLast: true,
      }).text,
    ).toBe('## Early Years\n\nBody.\n\n### Detail\n\n#### Sub-detail\n\nMore.');
    // A bold run inside a paragraph is not a title.
    expect(cleanSection('**Bold** start of a paragraph.', { isLast: true, title: 'T' }).text).toBe(
      '## T\n\n**Bold** start of a paragraph.',
    );
  });

  it('applies the restated-paragraph and wrap-up rules to paragraphs only', () => {
    const previous = '## A\n\n- Same item.\n\nClosing words.';
    expect(
      cleanSection('- Same item.\n\nNew material.', { isLast: true, title: 'B', previous }).text,
    ).toBe('## B\n\n- Same item.\n\nNew material.');
    expect(
      cleanSection('Closing   words.\n\nNew material.\n\n- In conclusion, a list item.', {
        isLast: false,
        title: 'B',
        previous,
      }),
    ).toEqual({
      text: '## B\n\nNew material.\n\n- In conclusion, a list item.',
      heading: 'B',
      removed: ['Closing   words.'],
    });
    expect(
      cleanSection('Body.\n\n**In conclusion**, it ends.', { isLast: false, title: 'B' }).removed,
    ).toEqual(['**In conclusion**, it ends.']);
  });
});

describe('assembleDocument', () => {
  it('gives consistent heading levels and no duplicated section titles', () => {
    const doc = assembleDocument(
      ['# Intro\n\nA.', '# Intro\n\nB.', '## Deep\n\nC.', '# Doc\n\nUntitled continuation.'],
      { title: 'Doc' },
    );
    expect(doc).toBe('# Doc\n\n## Intro\n\nA.\n\nB.\n\n### Deep\n\nC.\n\nUntitled continuation.\n');
    const titles = splitSections(doc, { depth: 2 }).map(s => s.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
