import { trimBlankLines } from './source-text';
import type { MarkdownSection } from './split-sections';

/**
 * Joins sections (or Markdown strings) into one document with exactly one blank line between
 * sections and a final newline. Blank sections are skipped; an empty input gives `''`.
 */
export function joinSections(sections: ReadonlyArray<MarkdownSection | string>): string {
  const parts = sections
    .map(section => trimBlankLines(typeof section === 'string' ? section : section.markdown))
    .filter(part => part.length > 0);
  return parts.length === 0 ? '' : `${parts.join('\n\n')}\n`;
}
