import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { parseOptions } from './markdown-options';
import { parseMarkdown } from './parse-markdown';
import { applyEdits, type Edit, endOffset, lineStart, startOffset } from './source-text';

export const normalizeHeadingsOptionsSchema = z.object({
  /** Depth the shallowest heading should get (1–6). */
  topDepth: z.number().int().min(1).max(6),
});
export type NormalizeHeadingsOptions = z.input<typeof normalizeHeadingsOptionsSchema>;

/**
 * Shifts every heading by the same amount so the shallowest one gets `topDepth`; depths are clamped
 * to 6 (so levels below 6 may merge). Only heading markers are edited, the rest of the text is kept
 * byte for byte. A setext heading (`Title` + `===`) that has to go deeper than 2 becomes an ATX heading.
 */
export function normalizeHeadings(markdown: string, options: NormalizeHeadingsOptions): string {
  const { topDepth } = parseOptions(normalizeHeadingsOptionsSchema, options, 'normalizeHeadings');
  const headings: Heading[] = [];
  visit(parseMarkdown(markdown), 'heading', heading => {
    headings.push(heading);
  });
  if (headings.length === 0) return markdown;
  const shift = topDepth - Math.min(...headings.map(heading => heading.depth));
  if (shift === 0) return markdown;

  const edits: Edit[] = [];
  for (const heading of headings) {
    const depth = Math.min(6, heading.depth + shift);
    if (depth !== heading.depth) edits.push(headingEdit(markdown, heading, depth));
  }
  return applyEdits(markdown, edits);
}

function headingEdit(markdown: string, heading: Heading, depth: number): Edit {
  const start = startOffset(heading);
  const end = endOffset(heading);
  const atx = /^#{1,6}/.exec(markdown.slice(start, start + 6));
  if (atx !== null) return { start, end: start + atx[0].length, text: '#'.repeat(depth) };

  // Setext: the underline is the heading's last line.
  const underlineStart = lineStart(markdown, end);
  if (depth <= 2) {
    const underline = markdown.slice(underlineStart, end);
    return {
      start: underlineStart,
      end,
      text: underline.replace(/[=-]+/, (depth === 1 ? '=' : '-').repeat(3)),
    };
  }
  const first = heading.children[0];
  const last = heading.children.at(-1);
  const content =
    first === undefined || last === undefined
      ? ''
      : markdown.slice(startOffset(first), endOffset(last)).replace(/[ \t]*\r?\n[ \t>]*/g, ' ');
  return { start, end, text: `${'#'.repeat(depth)} ${content}` };
}
