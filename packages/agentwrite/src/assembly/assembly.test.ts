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
