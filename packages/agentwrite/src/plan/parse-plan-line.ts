/**
 * The plan line regex of spec agentwrite.md §1.6, verbatim. Groups: 1 number, 2 main point,
 * 3 count, 4 upper bound of a range.
 */
export const PLAN_LINE_REGEX =
  /^\s*(?:[-*•]\s*|\d+[.)]\s*)?(?:\*\*)?\s*(?:Paragraph|Section|段落|第)\s*(\d+)\s*(?:段)?(?:\*\*)?\s*[-–—:：]\s*(?:\*\*)?Main Point(?:\*\*)?\s*[:：]\s*(.+?)\s*[-–—]\s*(?:\*\*)?Word Count(?:\*\*)?\s*[:：]\s*(?:approximately|about|around|约|大约)?\s*(\d[\d,]*)(?:\s*[-–~至到]\s*(\d[\d,]*))?\s*(?:words?|字)?\.?\s*$/i;

// The project's controlled plan prompt may add a title; upstream lines never have one.
const TITLE_REGEX =
  /\s*[-–—:：]\s*(?:\*\*)?Title(?:\*\*)?\s*[:：]\s*(.+?)\s*(?=[-–—]\s*(?:\*\*)?Main Point)/i;

/** The start of a plan line, to join a main point the model wrapped onto several lines. */
export const PLAN_LINE_START =
  /^\s*(?:[-*•]\s*|\d+[.)]\s*)?(?:\*\*)?\s*(?:Paragraph|Section|段落|第)\s*\d+\s*(?:段)?(?:\*\*)?\s*[-–—:：]/i;

export interface PlanLine {
  number: number;
  title?: string;
  mainPoint: string;
  count: number;
  upper?: number;
  /** The target: the count, or the midpoint of a range. */
  targetWords: number;
}

/** Parses one plan line; returns undefined for anything that is not one (preambles, notes). */
export function parsePlanLine(line: string): PlanLine | undefined {
  let text = line;
  let title: string | undefined;
  const titleMatch = TITLE_REGEX.exec(text);
  if (titleMatch) {
    title = titleMatch[1]!.replace(/\*\*/g, '').trim();
    text = text.slice(0, titleMatch.index) + text.slice(titleMatch.index + titleMatch[0].length);
  }
  const m = PLAN_LINE_REGEX.exec(text);
  if (!m) return undefined;
  const count = Number(m[3]!.replace(/,/g, ''));
  const upper = m[4] !== undefined ? Number(m[4].replace(/,/g, '')) : undefined;
  const targetWords = upper !== undefined ? Math.round((count + upper) / 2) : count;
  return {
    number: Number(m[1]),
    ...(title ? { title } : {}),
    mainPoint: m[2]!,
    count,
    ...(upper !== undefined ? { upper } : {}),
    targetWords,
  };
}
