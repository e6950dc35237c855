export interface CleanSectionOptions {
  /** The plan's title for the section; becomes its `##` heading when the model gave none. */
  title?: string;
  /** Non-final sections lose a trailing wrap-up paragraph ("In conclusion, …"). */
  isLast: boolean;
  /** The previous section's text, to trim a restated opening. */
  previous?: string;
}

export interface CleanedSection {
  text: string;
  /** The section's heading text, if it has one. */
  heading?: string;
  /** What was removed, for the journal. */
  removed: string[];
}

// "Paragraph 3", "**Section 2:**", "段落4", "第5段" labels, alone or ahead of the text (the paper
// strips these from AgentWrite outputs), and echoes of the plan line or prompt headers.
const LABEL_LINE =
  /^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:Paragraph|Section|段落|第)\s*\d+\s*(?:段)?\s*(?:\*\*)?\s*[:：.\-–—]?\s*(?:\*\*)?\s*$/i;
const LABEL_PREFIX =
  /^(\s*(?:#{1,6}\s*)?)(?:\*\*)?(?:Paragraph|Section|段落)\s*\d+\s*(?:\*\*)?\s*[:：.\-–—]\s*(?:\*\*)?\s*/i;
const PROMPT_ECHO =
  /^\s*(?:[-*]\s*)?(?:\*\*)?(?:Paragraph\s+\d+\s*[-–—]\s*)?(?:Main Point|Word Count|Writing instruction|Writing steps|Already written text|The document so far|The section so far)(?:\*\*)?\s*[:：]/i;
const WRAP_UP =
  /^\s*(?:In conclusion|To conclude|In summary|To sum up|In closing|Overall,|All in all|总之|综上所述|总而言之|总的来说)/i;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BOLD_LINE = /^\s*\*\*([^*]+?)\*\*\s*$/;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Cleans one written section before it is measured and assembled: strips section labels and prompt
 * echoes, makes the opening heading a `##` heading (the plan title when the model gave none) and
 * pushes inner headings below it, drops a paragraph that restates the end of the previous section,
 * and drops a premature wrap-up paragraph from non-final sections.
 */
export function cleanSection(raw: string, options: CleanSectionOptions): CleanedSection {
  const removed: string[] = [];
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (LABEL_LINE.test(line) || PROMPT_ECHO.test(line)) {
      removed.push(line.trim());
      continue;
    }
    kept.push(line.replace(LABEL_PREFIX, (_, hashes: string) => hashes));
  }
  let paragraphs = kept
    .join('\n')
    .split(/\n[ \t]*\n+/)
    .map(p => p.trim())
    .filter(p => p.length > 0);

  // The opening heading: a Markdown heading or a bold-only line.
  let heading: string | undefined;
  const first = paragraphs[0];
  if (first !== undefined) {
    const firstLine = first.split('\n')[0]!;
    const h = HEADING.exec(firstLine) ?? BOLD_LINE.exec(firstLine);
    if (h) {
      heading = (h[2] ?? h[1])!.replace(/\*\*/g, '').trim();
      const rest = first.split('\n').slice(1).join('\n').trim();
      paragraphs = rest ? [rest, ...paragraphs.slice(1)] : paragraphs.slice(1);
    }
  }
  heading ??= options.title;

  // Inner headings sit below the section's `##`.
  paragraphs = paragraphs.map(p =>
    p.replace(
      /^(#{1,6})\s+/gm,
      (_, hashes: string) => `${'#'.repeat(Math.max(3, hashes.length))} `,
    ),
  );

  if (options.previous) {
    const previousParagraphs = options.previous.split(/\n[ \t]*\n+/).map(normalize);
    while (paragraphs.length > 1 && previousParagraphs.includes(normalize(paragraphs[0]!))) {
      removed.push(paragraphs.shift()!);
    }
  }
  if (!options.isLast && paragraphs.length > 1 && WRAP_UP.test(paragraphs.at(-1)!)) {
    removed.push(paragraphs.pop()!);
  }
  const body = paragraphs.join('\n\n');
  const text = heading ? `## ${heading}${body ? `\n\n${body}` : ''}` : body;
  return { text, ...(heading ? { heading } : {}), removed };
}
