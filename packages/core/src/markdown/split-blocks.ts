import type { RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { parseMarkdown } from './parse-markdown';
import { endOffset, lineStart, startOffset } from './source-text';

export interface MarkdownBlock {
  /** The mdast node type: `heading`, `paragraph`, `list`, `code`, `blockquote`, `table`, `html`, … */
  type: RootContent['type'];
  /** Heading depth (1–6); only on headings. */
  depth?: number;
  /** Plain text of the block (mdast-util-to-string): no markup, code blocks give their content. */
  text: string;
  /**
   * The block's original Markdown, sliced by parser positions from the start of its first line, so
   * indentation (which decides whether a line is indented code or a nested list) is kept.
   */
  markdown: string;
}

/**
 * Splits a document into its top-level blocks (the root's children in the mdast tree): headings,
 * paragraphs, whole lists, code blocks, quotes, tables, thematic breaks, HTML, definitions.
 * Containers stay whole, so a caller working block by block can never cut a fenced code block at a
 * blank line, a list inside an item or a table between rows. Blank lines between blocks are not
 * part of any block; join blocks with `\n\n` to rebuild a document.
 */
export function splitBlocks(markdown: string): MarkdownBlock[] {
  return parseMarkdown(markdown).children.map(node => ({
    type: node.type,
    ...(node.type === 'heading' ? { depth: node.depth } : {}),
    text: mdastToString(node),
    markdown: markdown.slice(lineStart(markdown, startOffset(node)), endOffset(node)),
  }));
}
