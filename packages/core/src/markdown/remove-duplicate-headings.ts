import { headingKey } from './heading-key';
import { parseMarkdown } from './parse-markdown';
import { applyEdits, type Edit, endOffset, removeLinesEdit, startOffset } from './source-text';

/**
 * Drops every top-level heading whose text matches the previous top-level heading's (compared by
 * `headingKey`: case, punctuation and emphasis ignored), keeping the content under it. Typical
 * source: a model restating the section title the assembler already printed. The rest of the text
 * is kept byte for byte.
 */
export function removeDuplicateHeadings(markdown: string): string {
  const edits: Edit[] = [];
  let previous: string | undefined;
  for (const node of parseMarkdown(markdown).children) {
    if (node.type !== 'heading') continue;
    const key = headingKey(node);
    if (key === previous) edits.push(removeLinesEdit(markdown, startOffset(node), endOffset(node)));
    previous = key;
  }
  return applyEdits(markdown, edits);
}
