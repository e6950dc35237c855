import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countWordsLongWriter } from '@longform/core';
import { scoreLength } from '@longform/eval';

/** The parts of `<run-dir>/report.json` (written by `longform write`) that the e2e tests check. */
export interface WriteReportSection {
  index: number;
  title?: string;
  plannedWords: number;
  adjustedWords: number;
  actualWords: number;
  attempts: { kind: string; after: number; fromJournal: boolean }[];
  sl: number;
}

export interface WriteReport {
  instruction: string;
  counter: string;
  unit: string;
  targetWords: number;
  totalWords: number;
  sl: number;
  sections: WriteReportSection[];
  modelCalls: number;
  journalHits: number;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && Number(value) >= 0;

/** Reads and shape-checks a run's `report.json`, naming the file and the field that is wrong. */
export async function readWriteReport(runDir: string): Promise<WriteReport> {
  const path = join(runDir, 'report.json');
  const report = JSON.parse(await readFile(path, 'utf8')) as WriteReport;
  const fail = (field: string) => {
    throw new Error(`${path}: field ${field} is missing or not a count`);
  };
  for (const field of ['targetWords', 'totalWords', 'modelCalls', 'journalHits'] as const) {
    if (!isCount(report[field])) fail(field);
  }
  if (typeof report.sl !== 'number') fail('sl');
  if (!Array.isArray(report.sections) || report.sections.length === 0) fail('sections');
  report.sections.forEach((section, i) => {
    for (const field of ['plannedWords', 'adjustedWords', 'actualWords'] as const) {
      if (!isCount(section[field])) fail(`sections[${i}].${field}`);
    }
    if (!Array.isArray(section.attempts) || section.attempts.length === 0) {
      fail(`sections[${i}].attempts`);
    }
  });
  return report;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * Everything in the report that disagrees with the document, as a list of problems (empty = they
 * agree). Counts use the report's own counter (LongBench-Write's), so a report that counted with
 * anything else shows up here.
 *
 * Per section: a planned section with a title starts at its `## Title` heading; one without (the
 * second part of a split section) continues the previous section under its heading. So the document is
 * cut at the titled headings, in plan order, and each piece must hold exactly the words the report
 * gives the sections it contains.
 */
export function reportProblems(
  report: WriteReport,
  document: string,
  expected: { targetWords: number },
): string[] {
  const problems: string[] = [];
  const documentWords = countWordsLongWriter(document);
  if (report.counter !== 'countWordsLongWriter') {
    problems.push(`counter is ${report.counter}, not countWordsLongWriter`);
  }
  if (report.targetWords !== expected.targetWords) {
    problems.push(`targetWords ${report.targetWords}, expected ${expected.targetWords}`);
  }
  if (report.totalWords !== documentWords) {
    problems.push(`totalWords ${report.totalWords}, the document has ${documentWords}`);
  }
  const sumActual = report.sections.reduce((n, s) => n + s.actualWords, 0);
  if (sumActual !== report.totalWords) {
    problems.push(
      `sections' actualWords add up to ${sumActual}, totalWords is ${report.totalWords}`,
    );
  }
  if (!close(report.sl, scoreLength(report.targetWords, report.totalWords))) {
    problems.push(`sl ${report.sl} is not S_l(${report.targetWords}, ${report.totalWords})`);
  }
  const sumPlanned = report.sections.reduce((n, s) => n + s.plannedWords, 0);
  // The plan is rescaled to the exact total only when it is off by more than the plan tolerance.
  if (Math.abs(sumPlanned - report.targetWords) > 0.1 * report.targetWords) {
    problems.push(`planned sections add up to ${sumPlanned}, target ${report.targetWords}`);
  }

  const starts: { at: number; section: number }[] = [];
  let from = 0;
  for (const section of report.sections) {
    if (
      !close(section.sl, scoreLength(section.adjustedWords, section.actualWords)) &&
      section.adjustedWords > 0
    ) {
      problems.push(
        `section ${section.index}: sl ${section.sl} is not S_l(${section.adjustedWords}, ${section.actualWords})`,
      );
    }
    const last = section.attempts.at(-1);
    if (last && last.after !== section.actualWords) {
      problems.push(
        `section ${section.index}: last attempt (${last.kind}) ended at ${last.after}, actualWords ${section.actualWords}`,
      );
    }
    if (!section.title) continue;
    const heading = new RegExp(`^#{1,3} ${escapeRegExp(section.title)}[ \\t]*$`, 'm');
    const match = heading.exec(document.slice(from));
    if (!match) {
      problems.push(`section ${section.index}: no heading "${section.title}" after offset ${from}`);
      continue;
    }
    starts.push({ at: from + match.index, section: section.index });
    from += match.index + match[0].length;
  }
  if (problems.length > 0) return problems;

  const pieces = [{ at: 0, section: 0 }, ...starts.filter(s => s.section > 0)];
  pieces.forEach((piece, i) => {
    const next = pieces[i + 1];
    const text = document.slice(piece.at, next?.at ?? document.length);
    const members = report.sections.filter(
      s => s.index >= piece.section && s.index < (next?.section ?? Number.POSITIVE_INFINITY),
    );
    const reported = members.reduce((n, s) => n + s.actualWords, 0);
    const counted = countWordsLongWriter(text);
    if (counted !== reported) {
      problems.push(
        `sections ${members.map(s => s.index).join('+')}: report says ${reported} words, the document has ${counted}`,
      );
    }
  });
  return problems;
}
