import type { Root } from 'mdast';
import { markdownProcessor } from './processor';

/**
 * Prints an mdast tree with a fixed style: ATX headings, `-` bullets, `*` emphasis, `**` strong,
 * `---` rules, backtick fences, one space after list markers. Parse → stringify is idempotent after
 * the first pass.
 */
export function stringifyMarkdown(root: Root): string {
  return markdownProcessor.stringify(root);
}
