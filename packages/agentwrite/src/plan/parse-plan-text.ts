import { PLAN_LINE_START, parsePlanLine } from './parse-plan-line';
import type { PlanSection } from './plan-schema';

export interface IgnoredPlanLine {
  /** 1-based line number in the text. */
  line: number;
  text: string;
}

export interface ParsedPlanText {
  sections: PlanSection[];
  /** Non-blank lines that are not plan lines (preambles, notes). Never turned into steps. */
  ignored: IgnoredPlanLine[];
}

// A main point wrapped onto more lines than this is not a wrapped line any more.
const MAX_CONTINUATION_LINES = 3;

/**
 * Parses the LongWriter line format robustly. Unlike upstream (every line is a step, spec §1.4),
 * only lines that match the plan line regex become sections: preambles, blank lines, CRLF
 * remnants and closing remarks are ignored and reported. A step the model wrapped onto several
 * lines is joined back before matching.
 */
export function parsePlanText(text: string): ParsedPlanText {
  const lines = text.split(/\r\n|\r|\n/);
  const sections: PlanSection[] = [];
  const ignored: IgnoredPlanLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const parsed = parsePlanLine(line);
    if (parsed) {
      sections.push(toSection(parsed));
      i++;
      continue;
    }
    if (PLAN_LINE_START.test(line)) {
      let joined = line.trim();
      let consumed = 0;
      let found: ReturnType<typeof parsePlanLine>;
      for (let k = 1; k <= MAX_CONTINUATION_LINES && i + k < lines.length; k++) {
        const next = lines[i + k]!;
        if (next.trim() === '' || PLAN_LINE_START.test(next)) break;
        joined = `${joined} ${next.trim()}`;
        found = parsePlanLine(joined);
        if (found) {
          consumed = k;
          break;
        }
      }
      if (found) {
        sections.push(toSection(found));
        i += consumed + 1;
        continue;
      }
    }
    ignored.push({ line: i + 1, text: line });
    i++;
  }
  return { sections, ignored };
}

function toSection(line: NonNullable<ReturnType<typeof parsePlanLine>>): PlanSection {
  return {
    ...(line.title ? { title: line.title } : {}),
    mainPoint: line.mainPoint.replace(/\*\*/g, '').trim(),
    targetWords: line.targetWords,
  };
}
