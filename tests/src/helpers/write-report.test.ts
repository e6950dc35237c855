import { describe, expect, it } from 'vitest';
import { reportProblems, type WriteReport } from './write-report';

const section = (
  index: number,
  title: string | undefined,
  words: number,
): WriteReport['sections'][number] => ({
  index,
  ...(title ? { title } : {}),
  plannedWords: words,
  adjustedWords: words,
  actualWords: words,
  attempts: [{ kind: 'write', after: words, fromJournal: false }],
  sl: 100,
});

// Three planned sections, the third without a title (the second part of a split one): 5 + 4 + 3 words
// under the LongWriter counter, headings included.
const document =
  '## Tides rise\n\none two three\n\n## Ships wait\n\nfour five\n\nsix seven eight\n';
const report = (): WriteReport => ({
  instruction: 'Write about tides.',
  counter: 'countWordsLongWriter',
  unit: 'words',
  targetWords: 12,
  totalWords: 12,
  sl: 100,
  sections: [section(0, 'Tides rise', 5), section(1, 'Ships wait', 4), section(2, undefined, 3)],
  modelCalls: 3,
  journalHits: 0,
});

describe('reportProblems', () => {
  it('accepts a report that matches the document, split sections included', () => {
    expect(reportProblems(report(), document, { targetWords: 12 })).toEqual([]);
  });

  it('catches totals, targets and S_l that disagree with the document', () => {
    const r = report();
    r.totalWords = 13;
    r.sl = 90;
    expect(reportProblems(r, document, { targetWords: 14 })).toEqual([
      'targetWords 12, expected 14',
      'totalWords 13, the document has 12',
      "sections' actualWords add up to 12, totalWords is 13",
      'sl 90 is not S_l(12, 13)',
    ]);
  });

  it('catches words moved between sections and missing headings', () => {
    // One word moved from section 0 to section 1 in the report only: totals still agree.
    const moved = report();
    for (const [i, words] of [
      [0, 6],
      [1, 3],
    ] as const) {
      const s = moved.sections[i]!;
      s.actualWords = words;
      s.attempts[0]!.after = words;
      s.sl =
        100 *
        (words > s.adjustedWords
          ? 1 - (words / s.adjustedWords - 1) / 3
          : 1 - (s.adjustedWords / words - 1) / 2);
    }
    expect(reportProblems(moved, document, { targetWords: 12 })).toEqual([
      'sections 0: report says 6 words, the document has 5',
      'sections 1+2: report says 6 words, the document has 7',
    ]);
    expect(
      reportProblems(report(), document.replace('## Ships wait', 'Ships wait'), {
        targetWords: 12,
      }),
    ).toEqual(['section 1: no heading "Ships wait" after offset 13']);
  });
});
