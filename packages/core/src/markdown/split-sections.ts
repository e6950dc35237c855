import type { Heading } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { z } from 'zod';
import { parseOptions } from './markdown-options';
import { parseMarkdown } from './parse-markdown';
import { lineStart, startOffset, trimBlankLines } from './source-text';

export interface MarkdownSection {
  /** Plain text of the heading that opens the section; `null` for content before the first heading. */
  title: string | null;
  /** Depth of that heading (1–6); `null` for content before the first heading. */
  depth: number | null;
  /** The section's original Markdown, heading line included, without surrounding blank lines. */
  markdown: string;
}

export const splitSectionsOptionsSchema = z.object({
  /** Split at headings of this depth (and shallower ones). Default: the shallowest depth present. */
  depth: z.number().int().min(1).max(6).optional(),
});
export type SplitSectionsOptions = z.input<typeof splitSectionsOptionsSchema>;

/**
 * Splits a document at its top-level headings of `depth` (default: the shallowest heading depth in
 * the document). A shallower heading also starts a section, so it is never swallowed by the section
 * before it; deeper headings stay inside their section. Content before the first heading becomes a
 * section with `title: null`. Headings inside lists, quotes or code are not section boundaries.
 *
 * Sections are slices of the original text (by parser positions), so nothing is reformatted:
 * `joinSections(splitSections(md))` equals `md` up to blank lines between sections.
 */
export function splitSections(markdown: string, options?: SplitSectionsOptions): MarkdownSection[] {
  const { depth } = parseOptions(splitSectionsOptionsSchema, options, 'splitSections');
  const headings = parseMarkdown(markdown).children.filter(
    (node): node is Heading => node.type === 'heading',
  );
  const splitDepth = depth ?? Math.min(...headings.map(heading => heading.depth));
  const boundaries = headings.filter(heading => heading.depth <= splitDepth);

  const sections: MarkdownSection[] = [];
  const firstStart =
    boundaries.length > 0 ? lineStart(markdown, startOffset(boundaries[0]!)) : markdown.length;
  const preamble = trimBlankLines(markdown.slice(0, firstStart));
  if (preamble.length > 0) sections.push({ title: null, depth: null, markdown: preamble });

  boundaries.forEach((heading, index) => {
    const start = lineStart(markdown, startOffset(heading));
    const next = boundaries[index + 1];
    const end = next === undefined ? markdown.length : lineStart(markdown, startOffset(next));
    sections.push({
      title: mdastToString(heading),
      depth: heading.depth,
      markdown: trimBlankLines(markdown.slice(start, end)),
    });
  });
  return sections;
}
