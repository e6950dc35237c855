import { describe, expect, it } from 'vitest';
import { prompts } from './prompts';

describe('faithful prompts keep upstream structure and quoted phrases (spec §1.2–1.3)', () => {
  it('plan prompt', () => {
    const text = prompts.faithfulPlan.render({ instruction: 'Write a 5000-word essay.' });
    for (const phrase of [
      'each subtask taking up one line',
      'Paragraph 1 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [Word count requirement, e.g., 400 words]',
      'Paragraph 2 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [word count requirement, e.g. 1000 words].',
      'Do not split the subtasks too finely',
      'no less than 200 words and no more than 1000 words',
      'Do not output any other content.',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text.indexOf('Write a 5000-word essay.')).toBeLessThan(
      text.indexOf('Paragraph 1 - Main Point'),
    );
  });

  it('write prompt: instruction, whole plan, text so far, then the step mid-sentence', () => {
    const text = prompts.faithfulWrite.render({
      instruction: 'INST',
      plan: 'PLAN-1\nPLAN-2',
      text: 'TEXT',
      step: 'Paragraph 2 - Main Point: B - Word Count: 600 words',
    });
    const order = [
      'Writing instruction:\nINST',
      'Writing steps:\nPLAN-1\nPLAN-2',
      'Already written text:\nTEXT',
    ];
    const positions = order.map(block => text.indexOf(block));
    expect(positions.every(p => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('continue writing Paragraph 2 - Main Point: B - Word Count: 600 words.');
    expect(text).toContain('omit open-ended conclusions or other rhetorical hooks');
  });
});

describe('templating', () => {
  it('substitutes in one pass: placeholders inside user text render literally (upstream re-substitutes)', () => {
    const text = prompts.faithfulWrite.render({
      instruction: 'Explain $TEXT$ and {{plan}} in templates',
      plan: 'P',
      text: 'generated text mentioning $STEP$',
      step: 'S',
    });
    expect(text).toContain('Explain $TEXT$ and {{plan}} in templates');
    expect(text).toContain('generated text mentioning $STEP$');
  });

  it('ends every controlled prompt with its length request', () => {
    const base = {
      instruction: 'Write 3000 words.',
      index: 2,
      count: 5,
      mainPoint: 'M',
      isLast: false,
      languageName: 'English',
      unit: 'words' as const,
    };
    expect(
      prompts.controlledWrite.render({
        ...base,
        plan: 'Paragraph 1 - Main Point: x - Word Count: 900 words',
        text: '',
        title: 'T',
        targetWords: 640,
      }),
    ).toMatch(/Word Count: 640 words$/);
    expect(
      prompts.controlledContinue.render({ ...base, title: 'T', section: 'S', moreWords: 120 }),
    ).toMatch(/Write 120 more words\.$/);
    expect(
      prompts.controlledCondense.render({
        section: 'S',
        languageName: 'English',
        targetWords: 500,
        unit: 'words',
      }),
    ).toMatch(/: 500 words$/);
    expect(
      prompts.controlledPlan.render({
        instruction: 'I',
        minWords: 200,
        maxWords: 1000,
        targetWords: 3000,
        unit: '字',
        languageName: 'Chinese',
        lineFormat: true,
      }),
    ).toMatch(/exactly 3000 字\.$/);
  });

  it('versions every template id', () => {
    expect(prompts.controlledWrite.id).toMatch(/^agentwrite\/controlled-write@1#[0-9a-f]{12}$/);
  });
});
