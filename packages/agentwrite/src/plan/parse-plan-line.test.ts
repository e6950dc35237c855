import { describe, expect, it } from 'vitest';
import { parsePlanLine } from './parse-plan-line';

describe('parsePlanLine (spec §3.3 vectors)', () => {
  it.each([
    [
      'Paragraph 1 - Main Point: Introduce the topic - Word Count: 400 words',
      1,
      'Introduce the topic',
      400,
      undefined,
    ],
    ['**Paragraph 2** - Main Point: X - Word Count: 1000 words.', 2, 'X', 1000, undefined],
    ['- Paragraph 3 – Main Point: Y – Word Count: 600-800 words', 3, 'Y', 600, 800],
    [
      '1. Paragraph 4 - Main Point: The state-of-the-art methods - Word Count: 1,000 words',
      4,
      'The state-of-the-art methods',
      1000,
      undefined,
    ],
    ['段落5 - Main Point: 中文内容 - Word Count: 约800字', 5, '中文内容', 800, undefined],
    ['Paragraph 6 - **Main Point**: Z - **Word Count**: about 500 words', 6, 'Z', 500, undefined],
    ['第7段 - Main Point: 结尾 - Word Count: 600字', 7, '结尾', 600, undefined],
    [
      'Paragraph 8 - Main Point: A - B trade-offs - Word Count: 300 words',
      8,
      'A - B trade-offs',
      300,
      undefined,
    ],
  ])('%s', (line, number, mainPoint, count, upper) => {
    const parsed = parsePlanLine(line);
    expect(parsed).toMatchObject({ number, mainPoint, count });
    expect(parsed?.upper).toBe(upper);
  });

  it('does not match a preamble', () => {
    expect(parsePlanLine('Here is the plan:')).toBeUndefined();
  });

  it('takes the midpoint of a range as the target', () => {
    expect(
      parsePlanLine('- Paragraph 3 – Main Point: Y – Word Count: 600-800 words')?.targetWords,
    ).toBe(700);
  });

  it('reads an optional title (controlled plan format)', () => {
    expect(
      parsePlanLine(
        'Paragraph 2 - Title: Early life - Main Point: Childhood in Sichuan - Word Count: 500 words',
      ),
    ).toMatchObject({
      number: 2,
      title: 'Early life',
      mainPoint: 'Childhood in Sichuan',
      targetWords: 500,
    });
  });
});
