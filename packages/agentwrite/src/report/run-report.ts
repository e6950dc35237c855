import type { TokenUsage } from '@longform/core';
import { scoreLength } from '@longform/eval';
import type { WriteResult } from '../writer/create-agent-writer';
import type { SectionAttempt } from '../writer/writer-events';

export interface RunReportSection {
  index: number;
  title?: string;
  plannedWords: number;
  adjustedWords: number;
  actualWords: number;
  /** Every attempt in order (write, continue, trim, condense) with its length before and after. */
  attempts: SectionAttempt[];
  /** LongBench-Write S_l of the section against its adjusted target. */
  sl: number;
}

export interface RunReport {
  instruction: string;
  mode: WriteResult['mode'];
  model?: string;
  /** The counter every length in the report is measured with. */
  counter: 'countWordsLongWriter';
  unit: 'words' | '字';
  targetWords: number;
  totalWords: number;
  /** LongBench-Write S_l of the whole document (from `@longform/eval`). */
  sl: number;
  sections: RunReportSection[];
  planAdjustments: string[];
  usage: { inputTokens: number; outputTokens: number; incomplete: boolean };
  costUsd?: number;
  modelCalls: number;
  journalHits: number;
  durationMs: number;
}

function sumUsage(list: readonly TokenUsage[]): RunReport['usage'] {
  let inputTokens = 0;
  let outputTokens = 0;
  let incomplete = false;
  for (const u of list) {
    if (u.inputTokens == null || u.outputTokens == null) incomplete = true;
    inputTokens += u.inputTokens ?? 0;
    outputTokens += u.outputTokens ?? 0;
  }
  return { inputTokens, outputTokens, incomplete };
}

/** The run report: plan vs actual per section, total length, S_l, usage, time. */
export function createRunReport(
  result: WriteResult,
  extra: { durationMs: number; model?: string; costUsd?: number },
): RunReport {
  return {
    instruction: result.plan.instruction,
    mode: result.mode,
    ...(extra.model ? { model: extra.model } : {}),
    counter: result.counter,
    unit: result.plan.unit,
    targetWords: result.targetWords,
    totalWords: result.totalWords,
    sl: scoreLength(result.targetWords, result.totalWords),
    sections: result.sections.map(s => ({
      index: s.index,
      ...(s.title ? { title: s.title } : {}),
      plannedWords: s.plannedWords,
      adjustedWords: s.adjustedWords,
      actualWords: s.actualWords,
      attempts: s.attempts,
      sl: scoreLength(s.adjustedWords, s.actualWords),
    })),
    planAdjustments: result.planAdjustments,
    usage: sumUsage(result.usage),
    ...(extra.costUsd !== undefined ? { costUsd: extra.costUsd } : {}),
    modelCalls: result.modelCalls,
    journalHits: result.journalHits,
    durationMs: extra.durationMs,
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The report as Markdown, for `report.md` next to the document. */
export function formatRunReport(report: RunReport): string {
  const unit = report.unit;
  const rows = report.sections.map(
    s =>
      `| ${s.index + 1} | ${cell(s.title ?? '')} | ${s.plannedWords} | ${s.adjustedWords} | ${s.actualWords} | ${s.sl.toFixed(1)} | ${s.attempts.map(a => a.kind).join(', ')} |`,
  );
  return [
    '# Run report',
    '',
    `- mode: ${report.mode}${report.model ? ` · model: ${report.model}` : ''}`,
    `- length: ${report.totalWords} of ${report.targetWords} ${unit} (counter: ${report.counter})`,
    `- LongBench-Write S_l: ${report.sl.toFixed(2)}`,
    `- usage: ${report.usage.inputTokens} input + ${report.usage.outputTokens} output tokens${report.usage.incomplete ? ' (some calls reported no usage)' : ''}${report.costUsd !== undefined ? ` · cost $${report.costUsd.toFixed(4)}` : ''}`,
    `- model calls: ${report.modelCalls} (+${report.journalHits} replayed from the journal) · time: ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(report.planAdjustments.length > 0
      ? ['', '## Plan adjustments', '', ...report.planAdjustments.map(a => `- ${a}`)]
      : []),
    '',
    '## Sections',
    '',
    `| # | title | planned | target | actual | S_l | attempts |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
