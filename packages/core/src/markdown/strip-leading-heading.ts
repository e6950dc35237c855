import { headingKey } from './heading-key';
import { parseMarkdown } from './parse-markdown';
import { applyEdits, endOffset, removeLinesEdit, startOffset } from './source-text';

/**
 * Removes the heading that opens `markdown` when its text matches `title` (compared by
 * `headingKey`), or whatever heading opens it when `title` is omitted. Used when assembling a
 * document whose sections the model titled itself although the assembler prints the titles.
 * Anything else is returned unchanged.
 */
export function stripLeadingHeading(markdown: string, title?: string): string {
  const first = parseMarkdown(markdown).children[0];
  if (first?.type !== 'heading') return markdown;
  if (title !== undefined && headingKey(first) !== headingKey(title)) return markdown;
  return applyEdits(markdown, [
    removeLinesEdit(markdown, startOffset(first), endOffset(first)),
  ]).replace(/^(?:[ \t]*\r?\n)+/, '');
}
