import { type MarkdownBlock, normalizeHeadings, parseMarkdown, splitBlocks } from '@longform/core';

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

// The patterns below match the text of one line of a top-level paragraph or heading; Markdown
// structure itself comes from remark (`splitBlocks`), so code, lists and quotes are never touched.

// "Paragraph 3", "**Section 2:**", "段落4", "第5段" labels (the paper strips these from AgentWrite
// outputs), alone on a line or ahead of the text.
const LABEL_LINE =
  /^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:Paragraph|Section|段落|第)\s*\d+\s*(?:段)?\s*(?:\*\*)?\s*[:：.\-–—]?\s*(?:\*\*)?\s*$/i;
const LABEL = String.raw`(?:(?:Paragraph|Section|段落)\s*\d+|第\s*\d+\s*段)`;
const PUNCTUATION = String.raw`[:：.\-–—](?!\d)`;
// Group 1 keeps heading hashes; group 2 keeps the `**` of a bold run that starts with the label
// ("**Paragraph 2: Growth**" → "**Growth**"), so stripping never leaves a dangling `**`.
const LABEL_PREFIX = new RegExp(
  String.raw`^(\s*(?:#{1,6}[ \t]*)?)(?:\*\*\s*${LABEL}\s*(?:${PUNCTUATION}\s*\*\*|\*\*\s*${PUNCTUATION})|(\*\*)?${LABEL}\s*${PUNCTUATION})\s*`,
  'i',
);
// Echoes of the plan line or of prompt headers.
const PROMPT_ECHO =
  /^\s*(?:\*\*)?(?:Paragraph\s+\d+\s*[-–—]\s*)?(?:Main Point|Word Count|Writing instruction|Writing steps|Already written text|The document so far|The section so far)(?:\*\*)?\s*[:：]/i;
const WRAP_UP =
  /^\s*(?:In conclusion|To conclude|In summary|To sum up|In closing|Overall,|All in all|总之|综上所述|总而言之|总的来说)/i;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
const isLabelOrEcho = (line: string) => LABEL_LINE.test(line) || PROMPT_ECHO.test(line);
const stripLabelPrefix = (line: string) =>
  line.replace(LABEL_PREFIX, (_, hashes: string, bold?: string) => hashes + (bold ?? ''));

/**
 * Cleans one written section before it is measured and assembled: strips section labels and prompt
 * echoes, makes the opening heading a `##` heading (the plan title when the model gave none) and
 * pushes inner headings below it, drops a paragraph that restates the end of the previous section,
 * and drops a premature wrap-up paragraph from non-final sections.
 *
 * Works on the top-level blocks remark finds: labels and echoes are removed only from top-level
 * paragraphs and headings, the restatement and wrap-up rules look at paragraphs only, and code,
 * lists, quotes and tables are kept byte for byte (apart from heading markers inside them).
 */
export function cleanSection(raw: string, options: CleanSectionOptions): CleanedSection {
  const removed: string[] = [];
  const blocks = splitBlocks(raw.replace(/\r\n?/g, '\n')).flatMap(block =>
    stripLabels(block, removed),
  );

  let heading: string | undefined;
  const first = blocks[0];
  if (first?.type === 'heading') {
    blocks.shift();
    if (first.text.trim()) heading = first.text.trim();
  } else if (first?.type === 'paragraph') {
    const title = boldTitle(first.markdown);
    if (title !== undefined) {
      heading = title.heading;
      blocks.splice(0, 1, ...splitBlocks(title.rest));
    }
  }
  heading ??= options.title;

  if (options.previous) {
    const previous = new Set(
      splitBlocks(options.previous)
        .filter(block => block.type === 'paragraph')
        .map(block => normalize(block.markdown)),
    );
    while (
      blocks.length > 1 &&
      blocks[0]!.type === 'paragraph' &&
      previous.has(normalize(blocks[0]!.markdown))
    ) {
      removed.push(blocks.shift()!.markdown);
    }
  }
  const last = blocks.at(-1);
  if (
    !options.isLast &&
    blocks.length > 1 &&
    last?.type === 'paragraph' &&
    WRAP_UP.test(last.text)
  ) {
    removed.push(blocks.pop()!.markdown);
  }

  const body = demoteInnerHeadings(blocks.map(block => block.markdown).join('\n\n'));
  const text = heading ? `## ${heading}${body ? `\n\n${body}` : ''}` : body;
  return { text, ...(heading ? { heading } : {}), removed };
}

/**
 * Drops a label-only or prompt-echo heading, and label or echo lines of a paragraph; strips a label
 * prefix from what is kept. Edited text is parsed again, so the blocks stay what remark sees.
 */
function stripLabels(block: MarkdownBlock, removed: string[]): MarkdownBlock[] {
  if (block.type === 'heading') {
    if (isLabelOrEcho(block.text)) {
      removed.push(block.markdown.trim());
      return [];
    }
    const markdown = stripLabelPrefix(block.markdown);
    return markdown === block.markdown ? [block] : splitBlocks(markdown);
  }
  if (block.type !== 'paragraph') return [block];
  const lines = block.markdown.split('\n');
  const kept = lines.filter(line => {
    if (!isLabelOrEcho(line)) return true;
    removed.push(line.trim());
    return false;
  });
  const markdown = kept.map(stripLabelPrefix).join('\n');
  if (kept.length === lines.length && markdown === block.markdown) return [block];
  return splitBlocks(markdown);
}

/**
 * A paragraph whose first line is only bold text ("**Early Years**") is the model's title: returns
 * its plain text and the source of the lines after it.
 */
function boldTitle(markdown: string): { heading: string; rest: string } | undefined {
  const paragraph = parseMarkdown(markdown).children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const strong = paragraph.children[0];
  if (strong?.type !== 'strong' || strong.position === undefined) return undefined;
  const end = strong.position.end.offset ?? 0;
  const newline = markdown.indexOf('\n', end);
  const lineEnd = newline === -1 ? markdown.length : newline;
  // Trailing spaces or a backslash are a hard line break, still the end of the title line.
  if (!/^(?:[ \t]*|\\)$/.test(markdown.slice(end, lineEnd))) return undefined;
  const heading = splitBlocks(markdown.slice(0, end))[0]?.text.trim();
  if (!heading) return undefined;
  return { heading, rest: markdown.slice(lineEnd + 1) };
}

/** Inner headings go below the section's `##` (depth ≥ 3), keeping their relative levels. */
function demoteInnerHeadings(body: string): string {
  const shallowest = shallowestHeading(parseMarkdown(body));
  return shallowest < 3 ? normalizeHeadings(body, { topDepth: 3 }) : body;
}

interface TreeNode {
  type: string;
  depth?: number;
  children?: TreeNode[];
}

function shallowestHeading(node: TreeNode): number {
  if (node.type === 'heading') return node.depth ?? 6;
  return Math.min(Number.POSITIVE_INFINITY, ...(node.children ?? []).map(shallowestHeading));
}
