import type { Root } from 'mdast';
import { markdownProcessor } from './processor';

/**
 * Parses CommonMark + GFM (tables, strikethrough, task lists, footnotes, literal autolinks) into an
 * mdast tree. Nodes keep `position` offsets into `markdown`, which the section helpers use to slice
 * the original text instead of re-printing it.
 */
export function parseMarkdown(markdown: string): Root {
  return markdownProcessor.parse(markdown);
}
