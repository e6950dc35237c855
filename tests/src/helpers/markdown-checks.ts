export interface MarkdownHeading {
  level: number;
  text: string;
  /** 1-based line number in the document. */
  line: number;
}

/** ATX headings outside fenced code blocks (the only kind the writer's assembly produces). */
export function listHeadings(markdown: string): MarkdownHeading[] {
  const headings: MarkdownHeading[] = [];
  let fence: string | undefined;
  markdown.split(/\r?\n/).forEach((line, index) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch?.[1]) {
      const marker = fenceMatch[1];
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const match = /^\s{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) {
      headings.push({ level: match[1].length, text: match[2].trim(), line: index + 1 });
    }
  });
  return headings;
}

const normalizeTitle = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The heading rules of the AgentWrite acceptance criteria, as a list of problems (empty = fine) so a
 * failing test shows every offending line at once:
 * - at most one H1, and if there is one it is the first heading (a document title);
 * - the outline never skips a level on the way down (## → #### is a broken outline);
 * - no two section headings share a title, and no heading repeats the one right before it (a model
 *   echoing its section title under the heading the assembler already wrote).
 */
export function headingProblems(markdown: string): string[] {
  const headings = listHeadings(markdown);
  const problems: string[] = [];
  if (headings.length === 0) return ['the document has no headings'];

  const h1 = headings.filter(h => h.level === 1);
  if (h1.length > 1)
    problems.push(`${h1.length} H1 headings (lines ${h1.map(h => h.line).join(', ')})`);
  if (h1.length === 1 && headings[0]?.level !== 1) {
    problems.push(`the H1 on line ${h1[0]?.line} is not the first heading`);
  }
  const first = headings[0];
  if (first && first.level > 2) {
    problems.push(`the first heading (line ${first.line}) is level ${first.level}`);
  }

  for (let i = 1; i < headings.length; i++) {
    const previous = headings[i - 1]!;
    const current = headings[i]!;
    if (current.level > previous.level + 1) {
      problems.push(
        `line ${current.line}: level ${current.level} heading right after a level ${previous.level} one`,
      );
    }
    if (normalizeTitle(current.text) === normalizeTitle(previous.text)) {
      problems.push(`line ${current.line}: heading "${current.text}" repeats the one before it`);
    }
  }

  // Section headings are the shallowest level below a document title.
  const sectionLevel = Math.min(...headings.filter(h => h.level > 1).map(h => h.level));
  const seen = new Map<string, number>();
  for (const heading of headings) {
    if (heading.level !== sectionLevel) continue;
    const key = normalizeTitle(heading.text);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        `section title "${heading.text}" on line ${heading.line} duplicates line ${earlier}`,
      );
    } else {
      seen.set(key, heading.line);
    }
  }
  return problems;
}

/**
 * Text that belongs to the prompts, never to a document: LongWriter's plan labels, the controller's
 * follow-up wording, and failure stubs that upstream AgentWrite let through ("Max tries. Failed.").
 */
const LEFTOVER_PATTERNS: readonly RegExp[] = [
  /\bParagraph\s+\d+\b/i,
  /\bMain Point\b/i,
  /\bWord Count\b/i,
  /\bcontinue writing\b/i,
  /\balready written\b/i,
  /\bMax tries\b/i,
  /\[MLT:/i,
  /\{\{|\}\}|\$TEXT\$|\$STEP\$|\$PLAN\$|\$INST\$/,
];

/** Each prompt leftover found, with its line, for a readable failure. */
export function findPromptLeftovers(markdown: string): string[] {
  const found: string[] = [];
  markdown.split(/\r?\n/).forEach((line, index) => {
    for (const pattern of LEFTOVER_PATTERNS) {
      const match = pattern.exec(line);
      if (match) found.push(`line ${index + 1}: "${match[0]}" in "${line.slice(0, 120)}"`);
    }
  });
  return found;
}

/**
 * The simulator writes English prose from letters, spaces, `,` `.`, `#` headings and `-` lists only
 * (packages/sim README, "Text and counters"), and plan titles from the same words. So any other
 * character in a document written against it — a digit, a colon, a quote, a brace — came from
 * somewhere else: an error message, a JSON body, a status code, a stack trace.
 */
export function charactersOutsideSimProse(markdown: string): string[] {
  const found = new Map<string, number>();
  markdown.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/[^A-Za-z ,.#-]/g)) {
      if (!found.has(match[0])) found.set(match[0], index + 1);
    }
  });
  return [...found].map(([char, line]) => `${JSON.stringify(char)} first on line ${line}`);
}
