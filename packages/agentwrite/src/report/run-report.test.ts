import { describe, expect, it } from 'vitest';
import type { WriteResult } from '../writer/create-agent-writer';
import { createRunReport, formatRunReport } from './run-report';

const result: WriteResult = {
  document: '## A\n\ntext',
  plan: {
    version: 1,
    instruction: 'Write 1000 words.',
    targetWords: 1000,
    unit: 'words',
    sections: [{ title: 'A | B', mainPoint: 'm', targetWords: 1000 }],
  },
  planAdjustments: ['targets sum to 700, not 1000 ±10%: rescaled'],
  sections: [
    {
      index: 0,
      title: 'A | B',
      mainPoint: 'm',
      plannedWords: 1000,
      adjustedWords: 1000,
      actualWords: 900,
      attempts: [
        {
          kind: 'write',
          attempt: 0,
          requested: 1000,
          before: 0,
          after: 700,
          fromJournal: false,
          usage: { inputTokens: 10, outputTokens: 5 },
        },
        {
          kind: 'continue',
          attempt: 1,
          requested: 300,
          before: 700,
          after: 900,
          fromJournal: true,
          usage: {},
        },
      ],
      context: { verbatim: 0, digested: 0, elided: 0, tokens: 0 },
    },
  ],
  targetWords: 1000,
  totalWords: 900,
  counter: 'countWordsLongWriter',
  mode: 'controlled',
  usage: [{ inputTokens: 10, outputTokens: 5 }, {}],
  modelCalls: 1,
  journalHits: 1,
};

describe('createRunReport', () => {
  it('reports S_l of the whole and per section, usage, and flags missing usage', () => {
    const report = createRunReport(result, { durationMs: 1500, model: 'sim' });
    expect(report.sl).toBeCloseTo(94.444444, 5);
    expect(report.sections[0]!.sl).toBeCloseTo(94.444444, 5);
    expect(report.usage).toEqual({ inputTokens: 10, outputTokens: 5, incomplete: true });
    expect(report.counter).toBe('countWordsLongWriter');
  });

  it('formats Markdown with escaped cells', () => {
    const text = formatRunReport(createRunReport(result, { durationMs: 1500 }));
    expect(text).toContain('| 1 | A \\| B | 1000 | 1000 | 900 | 94.4 | write, continue |');
    expect(text).toContain('LongBench-Write S_l: 94.44');
    expect(text).toContain('- targets sum to 700');
  });
});
